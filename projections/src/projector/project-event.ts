import { isAvatarEvent, isChatEvent, isUserEvent, type ProjectedEvent } from '../events/projected-event.ts';
import type { BatchRows } from './batch-rows.ts';
import { declareAvatarEventRows, projectAvatarEvent } from './project-avatar-event.ts';
import { declareChatEventRows, projectChatEvent } from './project-chat-event.ts';
import { declareUserEventRows, projectUserEvent } from './project-user-event.ts';

/** Applies a batch of events to the read models in memory; `rows.flush()` writes the result. */
export async function projectEvents(events: readonly ProjectedEvent[], rows: BatchRows): Promise<void> {
  // Two passes: the second can follow references found in rows the first one loaded.
  for (let pass = 0; pass < 2; pass++) {
    for (const event of events) declareRows(event, rows);
    await rows.load();
  }
  for (const event of events) projectEvent(event, rows);
}

function declareRows(event: ProjectedEvent, rows: BatchRows): void {
  if (isUserEvent(event)) declareUserEventRows(event, rows);
  else if (isAvatarEvent(event)) declareAvatarEventRows(event, rows);
  else if (isChatEvent(event)) declareChatEventRows(event, rows);
}

// Email reservations are no read model: only the uniqueness check needs them.
function projectEvent(event: ProjectedEvent, rows: BatchRows): void {
  if (isUserEvent(event)) projectUserEvent(event, rows);
  else if (isAvatarEvent(event)) projectAvatarEvent(event, rows);
  else if (isChatEvent(event)) projectChatEvent(event, rows);
}
