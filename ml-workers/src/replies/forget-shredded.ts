import { type ForgetAvatarSignal, forgetAvatarSubject } from '@bishop/domain';
import type { Bus } from '@bishop/domain/ports';

/** Calls `forget` for each avatar the shredder announces, until stopped. */
export function forgetShreddedAvatars(bus: Bus, forget: (avatarId: string) => void): { stop(): Promise<void> } {
  const listener = bus.listen(forgetAvatarSubject);
  const done = (async () => {
    for await (const signal of listener) {
      try {
        const { avatarId } = JSON.parse(new TextDecoder().decode(signal.data)) as ForgetAvatarSignal;
        if (typeof avatarId === 'string') forget(avatarId);
      } catch {
        // A malformed signal names nothing to forget.
      }
    }
  })();
  return {
    async stop() {
      await listener.close();
      await done;
    },
  };
}
