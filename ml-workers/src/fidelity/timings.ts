/** Adds up wall-clock time per label, for the report's `timingsMs`. */
export function stopwatch() {
  const timingsMs: Record<string, number> = {};
  async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
    const from = performance.now();
    try {
      return await work();
    } finally {
      timingsMs[label] = Math.round((timingsMs[label] ?? 0) + performance.now() - from);
    }
  }
  return { timingsMs, timed };
}

export type Timed = ReturnType<typeof stopwatch>['timed'];
