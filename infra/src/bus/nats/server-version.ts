/** What the connected NATS server can do, from its version string (`2.9.10`). */
export interface ServerFeatures {
  /** `filter_subjects` (several filters on one consumer) came in 2.10. */
  readonly multipleFilters: boolean;
  /** `+TERM <reason>` came in 2.11. */
  readonly termReasons: boolean;
}

export function serverFeatures(version: string | undefined): ServerFeatures {
  const [major = 0, minor = 0] = (version ?? '0.0.0').split('.').map((part) => Number.parseInt(part, 10) || 0);
  const atLeast = (wantedMinor: number) => major > 2 || (major === 2 && minor >= wantedMinor);
  return { multipleFilters: atLeast(10), termReasons: atLeast(11) };
}
