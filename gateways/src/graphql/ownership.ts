import { avatarStream, chatStream, DomainError, isValidId, userStream } from '@bishop/domain';
import type { EventStore } from '@bishop/domain/ports';
import type { OwnedKind } from './access-rules.ts';

export type OwnershipCheck = (kind: OwnedKind, id: string, userId: string) => Promise<void>;

const notFound = (kind: OwnedKind) =>
  new DomainError(
    'BISHOP_ERR_NOT_FOUND',
    `No ${kind.toLowerCase().replace('_', ' ')} with this id exists in your account`,
    {
      kind,
    },
  );

/**
 * Owners never change, so the creation event answers for good. Reading the
 * event store (not the read models) keeps read-your-writes: an avatar created
 * a millisecond ago is already yours.
 */
export function createOwnershipCheck(eventStore: EventStore): OwnershipCheck {
  const knownOwners = new Map<string, string>();

  async function ownerFromCreation(stream: string): Promise<string | null> {
    const cached = knownOwners.get(stream);
    if (cached) return cached;
    const [first] = await eventStore.readStream(stream, { maxCount: 1 });
    const owner = typeof first?.data.ownerId === 'string' ? first.data.ownerId : null;
    if (owner) {
      if (knownOwners.size > 50_000) knownOwners.clear();
      knownOwners.set(stream, owner);
    }
    return owner;
  }

  return async (kind, id, userId) => {
    if (!isValidId(id)) throw notFound(kind);
    if (kind === 'API_TOKEN') {
      const events = await eventStore.readStream(userStream(userId));
      if (!events.some((e) => e.type === 'ApiTokenIssued' && e.data.tokenId === id)) throw notFound(kind);
      return;
    }
    const owner = await ownerFromCreation(kind === 'AVATAR' ? avatarStream(id) : chatStream(id));
    if (owner !== userId) throw notFound(kind);
  };
}

/** The avatar a chat talks to (from ChatOpened, which never changes); null for a chat that does not exist. */
export type ChatAvatarLookup = (chatId: string) => Promise<string | null>;

export function createChatAvatarLookup(eventStore: EventStore): ChatAvatarLookup {
  const known = new Map<string, string>();
  return async (chatId) => {
    const cached = known.get(chatId);
    if (cached) return cached;
    if (!isValidId(chatId)) return null;
    const [opened] = await eventStore.readStream(chatStream(chatId), { maxCount: 1 });
    const avatarId = typeof opened?.data.avatarId === 'string' ? opened.data.avatarId : null;
    if (avatarId) {
      if (known.size > 50_000) known.clear();
      known.set(chatId, avatarId);
    }
    return avatarId;
  };
}
