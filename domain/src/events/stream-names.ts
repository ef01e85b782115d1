import { DomainError } from '../kernel/errors.ts';

export const streamCategories = ['user', 'email', 'avatar', 'chat'] as const;
export type StreamCategory = (typeof streamCategories)[number];

export const userStream = (userId: string): string => `user-${userId}`;
export const avatarStream = (avatarId: string): string => `avatar-${avatarId}`;
export const chatStream = (chatId: string): string => `chat-${chatId}`;

/** The domain holds no crypto: the caller hashes `normalizeEmail(email)` with SHA-256 and passes the hex. */
export function emailReservationStreamName(emailHashHex: string): string {
  if (!/^[0-9a-f]{64}$/.test(emailHashHex)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'An email reservation needs the SHA-256 hex of the address', {
      field: 'emailHashHex',
    });
  }
  return `email-${emailHashHex}`;
}

const STREAM_NAME = new RegExp(`^(${streamCategories.join('|')})-(.+)$`, 's');

/** `avatar-5f0c…` → `{ category: 'avatar', id: '5f0c…' }`; `null` for streams that are not Bishop's. */
export function parseStreamName(name: string): { category: StreamCategory; id: string } | null {
  const parts = STREAM_NAME.exec(name);
  if (parts === null) return null;
  const [, category, id] = parts;
  return { category: category as StreamCategory, id: id ?? '' };
}
