import type { Insertable, Selectable } from 'kysely';

/** Coarse groups of timeline entries, for filtering. */
export const timelineKinds = ['profile', 'material', 'voice', 'training', 'chat', 'message'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/**
 * One row per event of an avatar and of its chats: the avatar's audit trail.
 * The summary never quotes personal text, so deletion leaves the history intact.
 */
export interface AvatarTimelineTable {
  position: bigint;
  avatar_id: string;
  chat_id: string | null;
  owner_id: string;
  kind: TimelineKind;
  event_type: string;
  /** `user:<id>` or `system:<service>`. */
  actor_id: string;
  occurred_at: Date;
  summary: string;
  /** Revision of the event in its stream (the avatar's, or the chat's when chat_id is set). */
  revision: bigint | null;
  /** The event's hash-chain link as the projector saw it: a witness for `bishop audit verify`. */
  chain_hash: string | null;
  /**
   * The event's non-personal figures and ids (materialId, runId, stage, reasonCode…), so a client
   * can say what happened in its own language and link to it; null for rows projected before.
   */
  details: TimelineDetails | null;
}

export type TimelineDetails = { readonly [key: string]: string | number | boolean | null };

export type TimelineRow = Selectable<AvatarTimelineTable>;
export type NewTimelineRow = Insertable<AvatarTimelineTable>;
