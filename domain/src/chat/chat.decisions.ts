import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { notYours } from '../policy/authorize-command.ts';
import type { DeleteChat, OpenChat, RenameChat, SendMessage } from './chat.commands.ts';
import type { ChatDeleted, ChatOpened, ChatRenamed, MessageSent } from './chat.events.ts';
import type { ActiveChat, ChatState } from './chat.state.ts';
import { titleFrom, validMessageText, validTitle } from './chat.validation.ts';

export function openChat({ data, metadata }: OpenChat, state: ChatState): ChatOpened[] {
  const chatId = validId(data.chatId, 'Chat id');
  const avatarId = validId(data.avatarId, 'Avatar id');
  if (state.status !== 'absent') {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A chat with this id already exists', { chatId });
  }
  const { actor } = metadata;
  const { avatar } = data;
  if (avatar === null) throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This avatar does not exist', { avatarId });
  if (avatar.avatarId !== avatarId) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'The avatar facts given belong to another avatar', { avatarId });
  }
  // The chat stream has no owner yet, so the handler cannot check this: only the avatar's owner talks to it.
  // Checked before `deleted`, so a stranger learns nothing about someone else's avatar.
  if (actor.kind !== 'user') {
    throw new DomainError('BISHOP_ERR_FORBIDDEN', 'Only the owner of this avatar can open a chat with it', {
      avatarId,
    });
  }
  if (actor.userId !== avatar.ownerId) throw notYours('OpenChat');
  if (avatar.deleted) throw new DomainError('BISHOP_ERR_DELETED', 'This avatar was deleted', { avatarId });
  const title = data.title === undefined || data.title === null ? null : validTitle(data.title);
  const personaVersion = data.personaVersion ?? null;
  if (personaVersion !== null && !avatar.personaVersions.includes(personaVersion)) {
    throw new DomainError(
      'BISHOP_ERR_NOT_FOUND',
      `This avatar has no persona version ${personaVersion}; pick one of its completed training runs`,
      { personaVersion },
    );
  }
  return [{ type: 'ChatOpened', data: { chatId, avatarId, ownerId: avatar.ownerId, title, personaVersion } }];
}

export function renameChat({ data }: RenameChat, chat: ActiveChat): ChatRenamed[] {
  const title = validTitle(data.title);
  if (title === chat.title) return [];
  return [{ type: 'ChatRenamed', data: { title } }];
}

export function sendMessage({ data }: SendMessage, chat: ActiveChat): (MessageSent | ChatRenamed)[] {
  const messageId = validId(data.messageId, 'Message id');
  const text = validMessageText(data.text);
  if (chat.messages.has(messageId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A message with this id already exists', { messageId });
  }
  const sent: MessageSent = { type: 'MessageSent', data: { messageId, text } };
  // A chat opened without a title takes the first words said in it.
  return chat.title === null ? [sent, { type: 'ChatRenamed', data: { title: titleFrom(text) } }] : [sent];
}

export function deleteChat(_command: DeleteChat, _chat: ActiveChat): ChatDeleted[] {
  return [{ type: 'ChatDeleted', data: {} }];
}
