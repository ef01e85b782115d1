import type { AvatarFacts } from '../avatar/avatar.facts.ts';
import { DomainError } from '../kernel/errors.ts';
import type { ActiveChat, ChatState } from './chat.state.ts';

/** Every command but OpenChat needs an open chat whose avatar still exists. */
export function activeChat(state: ChatState, avatar: AvatarFacts | null): ActiveChat {
  if (state.status === 'absent') throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This chat does not exist');
  if (state.status === 'deleted') {
    throw new DomainError('BISHOP_ERR_DELETED', 'This chat was deleted', { chatId: state.chatId });
  }
  // An avatar stream that reads as empty under an existing chat was erased with its avatar.
  if (avatar === null || avatar.deleted) {
    throw new DomainError('BISHOP_ERR_DELETED', 'The avatar of this chat was deleted', { avatarId: state.avatarId });
  }
  if (avatar.avatarId !== state.avatarId) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      'The avatar facts given belong to another avatar than this chat',
      {
        avatarId: state.avatarId,
      },
    );
  }
  return state;
}
