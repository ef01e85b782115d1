import { randomUUID } from 'node:crypto';
import { createCommandBus } from '@bishop/commands';
import {
  type AvatarState,
  type AvatarTestReport,
  asAvatarTestReport,
  avatarDecider,
  avatarStream,
  type CommandMetadata,
  type MaterialKind,
  materialBlobKey,
  type TrainingProgressSignal,
  toDomainEvent,
  trainingProgressSubjectPrefix,
} from '@bishop/domain';
import { createRelay } from '@bishop/gateways';
import {
  createFsBlobStore,
  createInProcessBus,
  createPgliteSqlClient,
  createPgSqlClient,
  createPostgresEventStore,
} from '@bishop/infra';
import {
  type RunningWorker,
  startExtractWorker,
  startTrainWorker,
  type TrainWorkerOptions,
  type WorkerLogger,
} from '@bishop/ml-workers';
import { type ModelSettings, modelSettings } from '@bishop/ml-workers/models';
import { eventually, waitFor } from './async.ts';
import { temporaryDirectory, testModelEnvironment, testModelsDir, uniqueSchema } from './test-env.ts';

const quiet: WorkerLogger = { info() {}, warn() {}, error: (fields, message) => console.error(message, fields) };

/**
 * The training path of `bishop start` in the test process: PGlite event
 * store, relay, in-process bus, filesystem blobs, the command bus, the real
 * extraction worker and train workers started (and stopped) at will.
 */
export async function openTrainingRig(
  label: string,
  options: {
    models?: ModelSettings /** A PostgreSQL server instead of PGlite (which takes ~10 s to create). */;
    databaseUrl?: string;
  } = {},
) {
  const dir = await temporaryDirectory(label);
  const schema = options.databaseUrl ? uniqueSchema(label.replace(/\W/g, '_')) : 'bishop';
  const sql = options.databaseUrl
    ? createPgSqlClient({ connectionString: options.databaseUrl })
    : await createPgliteSqlClient({ dataDir: `${dir.path}/pglite` });
  const eventStore = await createPostgresEventStore(sql, { schema });
  const bus = await createInProcessBus({ sql, schema });
  const relay = createRelay({ eventStore, bus });
  await relay.start();
  const blobs = await createFsBlobStore({ root: `${dir.path}/blobs` });
  const commands = createCommandBus({ eventStore });
  const models = options.models ?? modelSettings(testModelsDir, testModelEnvironment());
  const decrypt = async <T>(event: T) => event;
  const extractor = startExtractWorker({ bus, commands, blobs, eventStore, models, decrypt, logger: quiet });
  const trainers = new Set<RunningWorker>();
  const userId = randomUUID();
  const signals: TrainingProgressSignal[] = [];
  const listener = bus.listen(`${trainingProgressSubjectPrefix}.>`);
  void (async () => {
    for await (const signal of listener) signals.push(JSON.parse(new TextDecoder().decode(signal.data)));
  })();

  const metadata = (): CommandMetadata => ({
    commandId: randomUUID(),
    actor: { kind: 'user', userId },
    now: new Date().toISOString(),
  });

  async function stateOf(avatarId: string): Promise<AvatarState> {
    const events = await eventStore.readStream(avatarStream(avatarId));
    return events.reduce(
      (state, event) =>
        avatarDecider.evolve(state, toDomainEvent(event.type, event.metadata.schemaVersion, event.data) as never),
      avatarDecider.initialState(),
    );
  }

  return {
    /** Where a worker in another process finds the same stores (PostgreSQL server rigs only). */
    location: { databaseUrl: options.databaseUrl, schema, blobRoot: `${dir.path}/blobs` },
    eventStore,
    blobs,
    bus,
    commands,
    models,
    userId,
    /** Progress signals seen so far, in arrival order. */
    signals,
    startTrainer(options: Partial<TrainWorkerOptions> = {}): RunningWorker {
      const trainer = startTrainWorker({
        bus,
        commands,
        blobs,
        eventStore,
        models,
        decrypt,
        logger: quiet,
        ...options,
      });
      trainers.add(trainer);
      return trainer;
    },
    /** The train workers running now. */
    trainers: (): RunningWorker[] => [...trainers],
    async stopTrainer(trainer: RunningWorker) {
      trainers.delete(trainer);
      await trainer.stop();
    },
    async createAvatar(name: string): Promise<string> {
      const avatarId = randomUUID();
      await commands.avatar(avatarId, { type: 'CreateAvatar', data: { avatarId, name }, metadata: metadata() });
      return avatarId;
    },
    /** Stores the bytes as an upload would and records it; the extraction worker takes it from there. */
    async upload(avatarId: string, fileName: string, bytes: Uint8Array, kind: MaterialKind, mediaType: string) {
      const materialId = randomUUID();
      const blobKey = materialBlobKey(avatarId, materialId);
      const stored = await blobs.put(blobKey, bytes);
      await commands.avatar(avatarId, {
        type: 'UploadMaterial',
        data: { materialId, fileName, mediaType, kind, sizeBytes: stored.size, sha256: stored.sha256, blobKey },
        metadata: metadata(),
      });
      return materialId;
    },
    /** Waits until extraction has finished with every material; returns those that failed. */
    async waitUntilExtracted(avatarId: string, materialIds: readonly string[], timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = await stateOf(avatarId);
        const statuses = materialIds.map((id) => materialStatus(state, id));
        if (statuses.every((status) => status === 'ready' || status === 'failed')) {
          return materialIds.filter((_, i) => statuses[i] === 'failed');
        }
        if (Date.now() > deadline) throw new Error(`materials not extracted within ${timeoutMs} ms: ${statuses}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    chooseParticipant(avatarId: string, materialId: string, participant: string) {
      return commands.avatar(avatarId, {
        type: 'ChooseChatParticipant',
        data: { materialId, participants: [participant] },
        metadata: metadata(),
      });
    },
    async startTraining(avatarId: string, settings: Record<string, number> = {}): Promise<string> {
      const runId = randomUUID();
      await commands.avatar(avatarId, { type: 'StartTraining', data: { runId, settings }, metadata: metadata() });
      return runId;
    },
    stopTraining(avatarId: string, runId: string) {
      return commands.avatar(avatarId, { type: 'StopTraining', data: { runId }, metadata: metadata() });
    },
    stateOf,
    /** The run once it is no longer running. */
    async finishedRun(avatarId: string, runId: string, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = await stateOf(avatarId);
        if (state.status === 'idle' || state.status === 'training') {
          const run = state.finishedRuns.get(runId);
          if (run) return { run, state };
        }
        if (Date.now() > deadline) throw new Error(`run ${runId} did not finish within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** Types of the run's events, in order. */
    async runEvents(avatarId: string, runId: string) {
      const events = await eventStore.readStream(avatarStream(avatarId));
      return events.filter((event) => event.data.runId === runId);
    },
    /** The AvatarTested report of a run, once the test worker recorded it. */
    async testReportOf(avatarId: string, runId: string, timeoutMs = 120_000): Promise<AvatarTestReport> {
      let report: AvatarTestReport | null = null;
      await eventually(async () => {
        const events = await eventStore.readStream(avatarStream(avatarId));
        const tested = events.find((event) => event.type === 'AvatarTested' && event.data.runId === runId);
        report = tested?.type === 'AvatarTested' ? asAvatarTestReport(tested.data.report) : null;
        return report !== null;
      }, timeoutMs);
      return report as unknown as AvatarTestReport;
    },
    async waitForSignal(matches: (signal: TrainingProgressSignal) => boolean, timeoutMs = 30_000) {
      await waitFor(() => signals.some(matches), timeoutMs);
    },
    async close() {
      for (const trainer of trainers) await trainer.stop();
      await extractor.stop();
      await listener.close();
      await relay.stop();
      await bus.close();
      await eventStore.close();
      if (options.databaseUrl) await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await sql.close();
      await dir.remove();
    },
  };
}

export type TrainingRig = Awaited<ReturnType<typeof openTrainingRig>>;

function materialStatus(state: AvatarState, materialId: string): string | undefined {
  return state.status === 'idle' || state.status === 'training' ? state.materials.get(materialId)?.status : undefined;
}
