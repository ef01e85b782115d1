/** Structured logging as pino does it: (fields, message). */
export interface WorkerLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Without a logger, problems still reach stderr: a worker never fails in silence. */
export const stderrLogger: WorkerLogger = {
  info() {},
  warn: (fields, message) => console.error(`[worker] ${message}`, fields),
  error: (fields, message) => console.error(`[worker] ${message}`, fields),
};
