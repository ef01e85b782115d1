import type { CallSessionPort } from './call-engine-port.ts';

/**
 * The live calls this gateway process carries: at most `maxConcurrent`
 * (a slot is taken before the call opens, so a burst cannot overshoot), each
 * ended cleanly — its history kept — when the process shuts down.
 */
export function createCallRegistry(maxConcurrent: number) {
  let reserved = 0;
  const sessions = new Set<CallSessionPort>();
  return {
    maxConcurrent,
    /** Takes a slot; false when the gateway is full. */
    reserve(): boolean {
      if (reserved >= maxConcurrent) return false;
      reserved++;
      return true;
    },
    release(): void {
      reserved = Math.max(0, reserved - 1);
    },
    add(session: CallSessionPort): void {
      sessions.add(session);
    },
    remove(session: CallSessionPort): void {
      sessions.delete(session);
    },
    get active(): number {
      return reserved;
    },
    /** On shutdown: every call says goodbye and records its end. */
    async endAll(reasonCode: string, reason: string): Promise<void> {
      await Promise.all([...sessions].map((session) => session.end(reasonCode, reason)));
    },
  };
}

export type CallRegistry = ReturnType<typeof createCallRegistry>;
