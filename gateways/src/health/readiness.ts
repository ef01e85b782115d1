/** One dependency whose failure makes (part of) Bishop unable to serve. */
export interface ReadinessCheck {
  readonly name: string;
  /**
   * A capability (an ML model) that is missing makes only its feature
   * unavailable: it is reported, but Bishop stays ready. Default: essential.
   */
  readonly optional?: boolean;
  /** Resolves when healthy (a string result says what is in use, e.g. which voice); rejects (or times out) when not. */
  readonly check: () => Promise<unknown>;
}

export interface ReadinessReport {
  /** Every essential part works. */
  readonly ready: boolean;
  readonly checks: Record<
    string,
    {
      readonly ok: boolean;
      readonly optional?: boolean;
      readonly detail?: string;
      readonly error?: string;
      readonly ms: number;
    }
  >;
}

/** Runs every check in parallel, each bounded by `timeoutMs`, so /readyz never hangs. */
export async function checkReadiness(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check, optional }) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        const detail = await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [
          name,
          {
            ok: true,
            ...(optional ? { optional } : {}),
            ...(typeof detail === 'string' ? { detail } : {}),
            ms: Math.round(performance.now() - started),
          },
        ] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [
          name,
          { ok: false, ...(optional ? { optional } : {}), error: message, ms: Math.round(performance.now() - started) },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: results.every(([, result]) => result.ok || result.optional), checks: Object.fromEntries(results) };
}
