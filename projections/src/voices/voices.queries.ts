import type { Kysely } from 'kysely';
import { oneRowPerId, rowsPerId } from '../queries/by-ids.ts';
import type { ReadModels } from '../schema/read-models.ts';
import type { VoiceConsentRow } from './voice-consents.table.ts';
import type { VoiceSampleRow } from './voice-samples.table.ts';

export interface AvatarVoice {
  readonly avatarId: string;
  readonly consent: VoiceConsentRow | null;
  /** The sample submitted last, whatever its state. */
  readonly latestSample: VoiceSampleRow | null;
  /** Every sample, newest first. */
  readonly samples: readonly VoiceSampleRow[];
  /** The sample dubs are cloned from while consent stands: the one activated last. */
  readonly activeSample: VoiceSampleRow | null;
}

export async function findVoice(db: Kysely<ReadModels>, ownerId: string, avatarId: string): Promise<AvatarVoice> {
  const [voice] = await findVoicesByAvatarIds(db, ownerId, [avatarId]);
  return voice as AvatarVoice;
}

/** For a GraphQL loader: each avatar's voice, in input order. */
export async function findVoicesByAvatarIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarIds: readonly string[],
): Promise<AvatarVoice[]> {
  const consents = await consentsByAvatarIds(db, ownerId, avatarIds);
  const samples = await rowsPerId(
    avatarIds,
    (ids) =>
      db
        .selectFrom('voice_samples')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('avatar_id', 'in', ids)
        .orderBy('submitted_position', 'desc')
        .execute(),
    (sample) => sample.avatar_id,
  );
  return avatarIds.map((avatarId, index) => {
    const ofAvatar = samples[index] ?? [];
    const [active] = ofAvatar
      .filter((sample) => sample.activated_position !== null)
      .toSorted((a, b) => Number((b.activated_position ?? 0n) - (a.activated_position ?? 0n)));
    return {
      avatarId,
      consent: consents[index] ?? null,
      latestSample: ofAvatar[0] ?? null,
      samples: ofAvatar,
      activeSample: active ?? null,
    };
  });
}

/** For a GraphQL loader: each avatar's last consent withdrawal position (null when never withdrawn), in input order. */
export async function findConsentWithdrawalsByAvatarIds(
  db: Kysely<ReadModels>,
  ownerId: string,
  avatarIds: readonly string[],
): Promise<(bigint | null)[]> {
  const consents = await consentsByAvatarIds(db, ownerId, avatarIds);
  return consents.map((consent) => consent?.last_withdrawal_position ?? null);
}

function consentsByAvatarIds(db: Kysely<ReadModels>, ownerId: string, avatarIds: readonly string[]) {
  return oneRowPerId(
    avatarIds,
    (ids) =>
      db
        .selectFrom('voice_consents')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('avatar_id', 'in', ids)
        .execute(),
    (consent) => consent.avatar_id,
  );
}
