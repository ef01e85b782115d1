import type { Failure } from '../kernel/failure.ts';
import type { JsonObject } from '../kernel/json.ts';
import type {
  MaterialExtraction,
  MaterialFailure,
  MaterialFile,
  SpeakerTags,
  VoiceConsent,
  VoiceSampleCheck,
} from './avatar.events.ts';
import type { PersonaCard, TrainingStage } from './avatar.values.ts';

/** uploaded → extracting → ready | failed; any of them → removed. */
export type Material =
  | (MaterialFile & { readonly status: 'uploaded' | 'extracting' | 'removed' })
  | (MaterialFile & {
      readonly status: 'ready';
      readonly extraction: MaterialExtraction;
      /** Who in the chat is the person: empty until chosen; several names for one person's addresses. */
      readonly participants: readonly string[];
      /** Recordings: the latest speaker tagging against a voice sample, or null before any. */
      readonly speakers: SpeakerTagging | null;
    })
  | (MaterialFile & { readonly status: 'failed'; readonly failure: MaterialFailure });

export type SpeakerTagging =
  | ({ readonly status: 'tagged' } & SpeakerTags)
  | ({ readonly status: 'failed'; readonly sampleId: string } & Failure);

export type VoiceSample =
  | { readonly status: 'submitted'; readonly replacesActive: boolean }
  | { readonly status: 'accepted'; readonly check: VoiceSampleCheck }
  | { readonly status: 'rejected'; readonly failure: Failure };

export type VoicePreview = { readonly sampleId: string; readonly status: 'requested' | 'ready' | 'failed' };

export type Voice = {
  readonly consent: VoiceConsent | null;
  readonly samples: ReadonlyMap<string, VoiceSample>;
  /** Previews of samples' voices by id: which sample, and how far each got. */
  readonly previews: ReadonlyMap<string, VoicePreview>;
  /** The accepted sample dubs are cloned from (while consent stands): the one the user chose or accepted last. */
  readonly activeSampleId: string | null;
};

export type RunningRun = {
  readonly runId: string;
  readonly materialIds: readonly string[];
  readonly stage: TrainingStage | null;
};

export type FinishedRun =
  | {
      readonly status: 'completed';
      readonly personaVersion: number;
      readonly snapshotKey: string;
      readonly stats: JsonObject;
      readonly lastReport: JsonObject | null;
      /** Between AvatarTestStarted and the AvatarTested that ends it. */
      readonly testing: boolean;
    }
  | ({ readonly status: 'failed' } & Failure)
  | { readonly status: 'stopped' };

type LiveAvatarFields = {
  readonly avatarId: string;
  readonly ownerId: string;
  readonly name: string;
  readonly personaCard: PersonaCard;
  /** In upload order, removed ones included, so ids and late worker results stay recognisable. */
  readonly materials: ReadonlyMap<string, Material>;
  readonly voice: Voice;
  readonly finishedRuns: ReadonlyMap<string, FinishedRun>;
  /** personaVersion → runId of the completed run that produced it. */
  readonly personaVersions: ReadonlyMap<number, string>;
  readonly activePersonaVersion: number | null;
  readonly blindTest: BlindTest;
};

export type BlindTestInvite = { readonly expiresAt: string; readonly revoked: boolean };

export type BlindTest = {
  /** Every invite ever made, revoked ones included, so an invite id is never reused. */
  readonly invites: ReadonlyMap<string, BlindTestInvite>;
  /** `blindGuessKey` of each pair already guessed: one guess per person and pair counts. */
  readonly guessed: ReadonlySet<string>;
};

/** Who guessed which pair of which version (the owner, or a guesser on an invite). */
export function blindGuessKey(guess: {
  personaVersion: number;
  pairIndex: number;
  inviteId: string | null;
  guesser: string;
}): string {
  return `${guess.personaVersion}:${guess.pairIndex}:${guess.inviteId ?? 'owner'}:${guess.guesser}`;
}

export type NoAvatar = { readonly status: 'absent' };
export type IdleAvatar = LiveAvatarFields & { readonly status: 'idle' };
export type TrainingAvatar = LiveAvatarFields & { readonly status: 'training'; readonly run: RunningRun };
export type LiveAvatar = IdleAvatar | TrainingAvatar;
export type DeletedAvatar = { readonly status: 'deleted'; readonly avatarId: string; readonly ownerId: string };

export type AvatarState = NoAvatar | LiveAvatar | DeletedAvatar;

export const emptyPersonaCard = (): PersonaCard => ({
  description: null,
  personality: null,
  scenario: null,
  instructions: null,
  gender: null,
  languages: [],
});
