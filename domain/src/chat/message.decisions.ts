import { validId } from '../kernel/ids.ts';
import type { DeleteMessage, EditMessage } from './chat.commands.ts';
import type { MessageDeleted, MessageEdited } from './chat.events.ts';
import { assertAnswerable, assertSettled, liveMessage } from './chat.guards.ts';
import type { ActiveChat } from './chat.state.ts';
import { validMessageText } from './chat.validation.ts';

/** New words for a settled message; its reply is made again for them. The same words change nothing. */
export function editMessage({ data }: EditMessage, chat: ActiveChat): MessageEdited[] {
  const messageId = validId(data.messageId, 'Message id');
  const text = validMessageText(data.text);
  const message = liveMessage(chat, messageId);
  assertSettled(message, messageId);
  assertAnswerable(chat, messageId);
  if (message.text === text) return [];
  return [{ type: 'MessageEdited', data: { messageId, text } }];
}

/** Takes a message back with its replies, at any time: a reply still being made is then dropped. */
export function deleteMessage({ data }: DeleteMessage, chat: ActiveChat): MessageDeleted[] {
  const messageId = validId(data.messageId, 'Message id');
  liveMessage(chat, messageId);
  return [{ type: 'MessageDeleted', data: { messageId } }];
}
