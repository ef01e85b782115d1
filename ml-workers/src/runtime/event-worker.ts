import { type DomainEventType, type EventOfType, eventCatalogue, parseStreamName } from '@bishop/domain';
import { eventSubject, type RecordedEvent, upcastRecorded } from '@bishop/domain/ports';
import type { JobContext } from './process-job.ts';
import { type BusWorkerOptions, type RunningWorker, runBusWorker } from './run-worker.ts';

/** A relayed event as a worker handles it: decrypted, upcast to the current shape, typed by its event type. */
export type Job<Type extends DomainEventType> = Type extends DomainEventType
  ? Omit<RecordedEvent, 'type' | 'data'> & EventOfType<Type> & { readonly streamId: string }
  : never;

export interface WorkerOptions<Type extends DomainEventType>
  extends Omit<BusWorkerOptions, 'subjects' | 'handle' | 'onGiveUp'> {
  /** The event types it works on; their bus subjects follow from the event catalogue. */
  readonly on: readonly Type[];
  readonly handle: (job: Job<Type>, context: JobContext) => Promise<void>;
  /** Records the failure (a *Failed command with a readable reason); the job is then terminated. */
  readonly onGiveUp: (job: Job<Type>, error: unknown) => Promise<void>;
}

/** Runs a worker on events of the catalogue: `runWorker({ on: ['MessageSent'], handle(job) { job.data.text … } })`. */
export function runWorker<Type extends DomainEventType>(options: WorkerOptions<Type>): RunningWorker {
  const { on, handle, onGiveUp, ...rest } = options;
  return runBusWorker({
    ...rest,
    subjects: on.map((type) => eventSubject(eventCatalogue[type].stream, type)),
    handle: (job, context) => handle(jobOf<Type>(job), context),
    onGiveUp: (job, error) => onGiveUp(jobOf<Type>(job), error),
  });
}

/** The bus delivers only the subjects asked for, so the event is one of `Type`. */
function jobOf<Type extends DomainEventType>(job: RecordedEvent): Job<Type> {
  const { type, data } = upcastRecorded(job);
  // The id in the stream name (`chat-<id>` → `<id>`): the chat or avatar the job is about.
  return { ...job, type, data, streamId: parseStreamName(job.streamName)?.id ?? '' } as Job<Type>;
}
