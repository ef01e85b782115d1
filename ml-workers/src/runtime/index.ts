export { type Backoff, backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
export { type Job, runWorker, type WorkerOptions } from './event-worker.ts';
export { deterministicUuid, jobCommandId, jobCommandMetadata } from './job-commands.ts';
export { failureOf, isPermanentFailure, PermanentJobError, RunAgainLater } from './job-failures.ts';
export { jobFilePath, jobScratchDirectory, sweepOrphanedJobFiles } from './job-scratch.ts';
export type { JobContext } from './process-job.ts';
export { type BusWorkerOptions, type RunningWorker, runBusWorker } from './run-worker.ts';
export type { WorkerChatCommand, WorkerCommandResult, WorkerCommands } from './worker-commands.ts';
export { stderrLogger, type WorkerLogger } from './worker-logger.ts';
