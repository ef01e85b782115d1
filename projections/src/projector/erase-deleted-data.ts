import type { Kysely } from 'kysely';
import { chatPersonalColumns } from '../chats/chat.changes.ts';
import { materialPersonalColumns } from '../materials/material.changes.ts';
import { messagePersonalColumns } from '../messages/message.changes.ts';
import type { ReadModels } from '../schema/read-models.ts';
import { voiceConsentPersonalColumns, voiceSamplePersonalColumns } from '../voices/voice.changes.ts';

const erased = (columns: readonly string[]) => [...columns].sort();

/**
 * Deleting an avatar (or a chat) removes the person's data from every row that
 * holds some, in one statement per table; the rows stay, marked as erased.
 * Runs after the batch's own row writes, so it also covers rows written
 * earlier in the same batch. Idempotent: replaying a deletion changes nothing.
 */
export async function eraseDeletedData(
  db: Kysely<ReadModels>,
  deleted: {
    readonly avatarIds: readonly string[];
    readonly chatIds: readonly string[];
    /** Deleted accounts and when (the time keeps a rebuild identical to the live tables). */
    readonly accounts?: ReadonlyMap<string, Date>;
  },
): Promise<void> {
  const { avatarIds, chatIds } = deleted;
  for (const [userId, deletedAt] of deleted.accounts ?? []) {
    await db
      .updateTable('api_tokens')
      .set((eb) => ({
        name: null,
        token_hash: null,
        revoked_at: eb.fn.coalesce('revoked_at', eb.val(deletedAt)),
        erased_fields: ['name', 'token_hash'],
      }))
      .where('owner_id', '=', userId)
      .execute();
  }
  if (avatarIds.length > 0) {
    await db
      .updateTable('materials')
      .set({
        file_name: null,
        participants: null,
        chosen_participant: null,
        chosen_participants: null,
        preview: null,
        chat_facts: null,
        notes: null,
        erased_fields: erased(materialPersonalColumns),
      })
      .where('avatar_id', 'in', avatarIds)
      .execute();
    await db
      .updateTable('voice_consents')
      .set({ person_name: null, statement: null, erased_fields: erased(voiceConsentPersonalColumns) })
      .where('avatar_id', 'in', avatarIds)
      .execute();
    await db
      .updateTable('voice_samples')
      .set({ source: null, preview_text: null, erased_fields: erased(voiceSamplePersonalColumns) })
      .where('avatar_id', 'in', avatarIds)
      .execute();
    await db
      .updateTable('avatar_test_reports')
      .set({ report: null, erased_fields: ['report'] })
      .where('avatar_id', 'in', avatarIds)
      .execute();
    // The chats went with their avatar: nothing can be said in them any more.
    await db
      .updateTable('chats as chat')
      .set((eb) => ({
        title: null,
        status: 'deleted',
        erased_fields: erased(chatPersonalColumns),
        deleted_at: eb.fn.coalesce(
          'chat.deleted_at',
          eb.selectFrom('avatars').select('avatars.deleted_at').whereRef('avatars.avatar_id', '=', 'chat.avatar_id'),
        ),
      }))
      .where('chat.avatar_id', 'in', avatarIds)
      .execute();
  }
  if (avatarIds.length > 0 || chatIds.length > 0) {
    await db
      .updateTable('messages')
      .set({
        text: null,
        reply_text: null,
        reply_sources: null,
        alternatives: null,
        reply_heard_text: null,
        voice_segments: null,
        erased_fields: erased(messagePersonalColumns),
      })
      .where((eb) =>
        eb.or([
          ...(avatarIds.length > 0 ? [eb('avatar_id', 'in', avatarIds)] : []),
          ...(chatIds.length > 0 ? [eb('chat_id', 'in', chatIds)] : []),
        ]),
      )
      .execute();
  }
}
