/** Shared by both adapters, so switching adapters changes no behaviour. */
export const BusDefaults = {
  /** The stream stores `<subjectRoot>.>`. */
  subjectRoot: 'bishop',
  /** A msgId published again within this window is dropped (JetStream's default is 2 minutes; the relay wants more slack). */
  duplicateWindowMs: 10 * 60_000,
} as const;
