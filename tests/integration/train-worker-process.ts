/**
 * A train worker alone in its own process, on the stores of a training rig
 * (PostgreSQL server, filesystem blobs), for tests that kill it mid-run.
 * Environment: RIG_DATABASE_URL, RIG_SCHEMA, RIG_BLOB_ROOT, RIG_ACK_WAIT_MS.
 */
import { createCommandBus } from '@bishop/commands';
import { createFsBlobStore, createInProcessBus, createPgSqlClient, createPostgresEventStore } from '@bishop/infra';
import { startTrainWorker } from '@bishop/ml-workers';
import { modelSettings } from '@bishop/ml-workers/models';
import { testModelEnvironment, testModelsDir } from '../src/test-env.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const schema = env('RIG_SCHEMA');
const sql = createPgSqlClient({ connectionString: env('RIG_DATABASE_URL') });
const eventStore = await createPostgresEventStore(sql, { schema });
const bus = await createInProcessBus({ sql, schema });
const blobs = await createFsBlobStore({ root: env('RIG_BLOB_ROOT') });
startTrainWorker({
  bus,
  commands: createCommandBus({ eventStore }),
  blobs,
  eventStore,
  models: modelSettings(testModelsDir, testModelEnvironment()),
  decrypt: async (event) => event,
  ackWaitMs: Number(env('RIG_ACK_WAIT_MS')),
  logger: { info() {}, warn() {}, error: (fields, message) => console.error(message, fields) },
});
console.log('train worker ready');
