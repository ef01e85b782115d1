import { type Bus, listenLive, liveChannels } from '@bishop/domain/ports';

/** Calls `forget` for each avatar the shredder announces, until stopped. */
export function forgetShreddedAvatars(bus: Bus, forget: (avatarId: string) => void): { stop(): Promise<void> } {
  const listener = listenLive(bus, liveChannels.forgetAvatar, ({ avatarId }) => {
    // A malformed signal names nothing to forget.
    if (typeof avatarId === 'string') forget(avatarId);
  });
  return { stop: () => listener.close() };
}
