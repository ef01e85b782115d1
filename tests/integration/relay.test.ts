import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type CommandBus, createCommandBus } from '@bishop/commands';
import { eventCatalogue, isDomainEventType, parseStreamName } from '@bishop/domain';
import { type Bus, decodeRelayedEvent, type EventStore, type RecordedEvent } from '@bishop/domain/ports';
import { createRelay, type Relay, RelayHeaders } from '@bishop/gateways';
import {
  createNatsBus,
  createPersonalDataEventStore,
  createPgSqlClient,
  createPostgresEventStore,
  createSqlKeyStore,
  isEncryptedField,
  type NatsBus,
  type SqlClient,
} from '@bishop/infra';
import {
  failureOf,
  jobCommandMetadata,
  runBusWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '@bishop/ml-workers';
import { readerOf, testNatsUrl } from '../contract/bus.contract.ts';
import { testMasterKey } from '../contract/key-store.contract.ts';
import { sleep, waitFor } from '../src/async.ts';
import { asUser } from '../src/command-fixtures.ts';
import { newEvent, uniquePrefix } from '../src/event-fixtures.ts';
import { testDatabaseUrl, uniqueSchema } from '../src/test-env.ts';

const quiet: WorkerLogger = { info() {}, warn() {}, error() {} };

/** Passes every call through to the real bus, counting the publishes it dropped as duplicates. */
function countingDuplicates(bus: Bus) {
  const counted = { duplicates: 0 };
  const wrapped: Bus = {
    ...bus,
    async publish(subject, data, options) {
      const ack = await bus.publish(subject, data, options);
      if (ack.duplicate) counted.duplicates++;
      return ack;
    },
  };
  return { bus: wrapped, counted };
}

describe('relay: PostgreSQL event store → NATS JetStream → workers', () => {
  const schema = uniqueSchema('relay');
  const root = uniquePrefix('relay');
  const busOptions = { servers: testNatsUrl, streamName: root.toUpperCase(), subjectRoot: root };
  let sql: SqlClient;
  let raw: EventStore;
  let store: EventStore;
  let commands: CommandBus;
  let bus: NatsBus;
  let relay: Relay;

  before(async () => {
    sql = createPgSqlClient({ connectionString: testDatabaseUrl });
    raw = await createPostgresEventStore(sql, { schema });
    const keys = await createSqlKeyStore(sql, { schema, masterKey: testMasterKey });
    store = createPersonalDataEventStore(raw, keys, (type) =>
      isDomainEventType(type) ? eventCatalogue[type].personalFields : [],
    );
    commands = createCommandBus({ eventStore: store });
    bus = await createNatsBus(busOptions);
    relay = createRelay({ eventStore: raw, bus, subjectRoot: root, maxBatch: 10 });
    await relay.start();
  });
  after(async () => {
    await relay.stop();
    await bus.deleteTopology();
    await bus.close();
    await store.close();
    await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await sql.close();
  });

  const consumeAll = (durable = uniquePrefix('d')) =>
    bus.consume({ durable, subjects: [`${root}.>`], ackWaitMs: 5000, maxDeliver: 3, maxAckPending: 1000 });

  async function createAvatarWithMaterial() {
    const owner = randomUUID();
    const avatarId = randomUUID();
    const materialId = randomUUID();
    await commands.avatar(avatarId, {
      type: 'CreateAvatar',
      data: { avatarId, name: 'Лев Толстой' },
      metadata: asUser(owner),
    });
    await commands.avatar(avatarId, {
      type: 'UploadMaterial',
      data: {
        materialId,
        fileName: 'lecture-1.pdf',
        mediaType: 'application/pdf',
        kind: 'text',
        sizeBytes: 1234,
        sha256: 'a'.repeat(64),
        blobKey: `avatars/${avatarId}/materials/${materialId}/original`,
      },
      metadata: asUser(owner),
    });
    return { avatarId, materialId };
  }

  it('publishes each Bishop event to <root>.<category>.<EventType>, msgId = eventId, as recorded (still encrypted)', async () => {
    const { avatarId } = await createAvatarWithMaterial();
    await raw.appendToStream(`other-${randomUUID()}`, [newEvent('NotBishops')]);
    const chatStream = `chat-${randomUUID()}`;
    await raw.appendToStream(chatStream, [newEvent('ChatOpened', { title: 'hi' })]);
    const expected = [...(await raw.readStream(`avatar-${avatarId}`)), ...(await raw.readStream(chatStream))];

    const reader = readerOf(consumeAll());
    const ours: { subject: string; msgId: string; position?: string; event: RecordedEvent }[] = [];
    while (ours.length < expected.length) {
      const message = await reader.next();
      const event = decodeRelayedEvent(message.data);
      assert.notEqual(parseStreamName(event.streamName), null, `relayed a foreign stream: ${event.streamName}`);
      if (expected.some((e) => e.streamName === event.streamName)) {
        ours.push({
          subject: message.subject,
          msgId: message.msgId,
          position: message.headers[RelayHeaders.position],
          event,
        });
      }
      await message.ack();
    }
    assert.deepEqual(
      ours,
      expected.map((event) => ({
        subject: `${root}.${parseStreamName(event.streamName)?.category}.${event.type}`,
        msgId: event.metadata.eventId,
        position: event.position.toString(),
        event,
      })),
    );
    // The relay reads the raw store: the person's data stays encrypted on the bus.
    assert.ok(isEncryptedField(ours[0]?.event.data.name));
  });

  it('resumes after a restart without publishing any event twice', async () => {
    await createAvatarWithMaterial();
    const before = await raw.headPosition();
    await waitFor(() => relay.publishedPosition() >= before);
    await relay.stop();
    for (let i = 0; i < 25; i++) await raw.appendToStream(`avatar-${randomUUID()}`, [newEvent('Something', { i })]);
    const counting = countingDuplicates(bus);
    relay = createRelay({ eventStore: raw, bus: counting.bus, subjectRoot: root, maxBatch: 10 });
    await relay.start();
    const head = await raw.headPosition();
    await waitFor(() => relay.publishedPosition() >= head);
    // The restart re-sent at most the last batch before it, and the bus dropped those.
    assert.ok(counting.counted.duplicates >= 1 && counting.counted.duplicates <= 10, `${counting.counted.duplicates}`);

    const bishopEvents = (await raw.readAll({ maxCount: 10_000 })).filter((e) => parseStreamName(e.streamName));
    const reader = readerOf(consumeAll());
    const seen = new Map<string, number>();
    for (let i = 0; i < bishopEvents.length; i++) {
      const message = await reader.next();
      seen.set(message.msgId, (seen.get(message.msgId) ?? 0) + 1);
      await message.ack();
    }
    await reader.nothingWithin(500);
    assert.deepEqual([...seen.keys()].sort(), bishopEvents.map((e) => e.metadata.eventId).sort());
    assert.ok([...seen.values()].every((count) => count === 1));
  });

  it('redelivers the job of a worker killed mid-job to a second worker', async () => {
    const durable = uniquePrefix('extract');
    const subjects = [`${root}.avatar.MaterialUploaded`];
    const { materialId } = await createAvatarWithMaterial();
    const doomedBus = await createNatsBus(busOptions);
    let release = () => {};
    const firstJobs: unknown[] = [];
    const doomed = runBusWorker({
      bus: doomedBus,
      durable,
      subjects,
      concurrency: 1,
      ackWaitMs: 1000,
      maxDeliver: 3,
      logger: quiet,
      handle: async (job) => {
        if (job.data.materialId !== materialId) return;
        firstJobs.push(job.data.materialId);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      onGiveUp: async () => {},
    });
    await waitFor(() => firstJobs.length > 0);
    // Kill: the connection dies with the job unacked and its heartbeats stop.
    await doomedBus.close();

    const secondJobs: { materialId: unknown; deliveryCount: number }[] = [];
    const survivor = runBusWorker({
      bus,
      durable,
      subjects,
      concurrency: 1,
      ackWaitMs: 1000,
      maxDeliver: 3,
      logger: quiet,
      handle: async (job, context) => {
        secondJobs.push({ materialId: job.data.materialId, deliveryCount: context.deliveryCount });
      },
      onGiveUp: async () => {},
    });
    try {
      await waitFor(() => secondJobs.some((job) => job.materialId === materialId), 10_000);
      const redelivered = secondJobs.find((job) => job.materialId === materialId);
      assert.ok((redelivered?.deliveryCount ?? 0) >= 2, 'the second worker got a redelivery');
    } finally {
      release();
      await survivor.stop();
      await doomed.stop();
    }
  });

  it('records a job that keeps failing once, through the command bus, and then stops delivering it', async () => {
    const workerCommands: WorkerCommands = commands;
    const durable = uniquePrefix('extract');
    const { avatarId, materialId } = await createAvatarWithMaterial();
    let attempts = 0;
    const fileNames: unknown[] = [];
    const givenUp: unknown[] = [];
    const worker = runBusWorker({
      bus,
      durable,
      subjects: [`${root}.avatar.MaterialUploaded`],
      concurrency: 1,
      ackWaitMs: 1000,
      maxDeliver: 3,
      backoff: { initialMs: 50, maxMs: 50 },
      logger: quiet,
      // The bus carries ciphertext; this worker reads the plain event back through the decrypting store.
      decrypt: async (event) =>
        (await store.readStream(event.streamName, { fromRevision: event.revision, maxCount: 1 }))[0] ?? event,
      handle: async (job, context) => {
        if (job.data.materialId !== materialId) return;
        attempts++;
        fileNames.push(job.data.fileName);
        await workerCommands.avatar(avatarId, {
          type: 'StartMaterialExtraction',
          data: { materialId },
          metadata: jobCommandMetadata(job, 'start', 'extract'),
        });
        throw new Error(`the PDF decoder crashed (attempt ${context.deliveryCount})`);
      },
      onGiveUp: async (job, error) => {
        givenUp.push(error);
        await workerCommands.avatar(avatarId, {
          type: 'FailMaterialExtraction',
          data: { materialId, ...failureOf(error, 3) },
          metadata: jobCommandMetadata(job, 'fail', 'extract'),
        });
      },
    });
    try {
      await waitFor(() => givenUp.length === 1, 10_000);
      await sleep(2500); // more than two ack waits: nothing comes back
      assert.equal(attempts, 3);
      assert.equal(givenUp.length, 1);
      assert.match(String(givenUp[0]), /decoder crashed \(attempt 3\)/);
      assert.deepEqual(fileNames, ['lecture-1.pdf', 'lecture-1.pdf', 'lecture-1.pdf']);
      const types = (await store.readStream(`avatar-${avatarId}`)).map((e) => e.type);
      // Redelivered jobs sent the same deterministic commandIds: one start, one failure.
      assert.deepEqual(types, [
        'AvatarCreated',
        'MaterialUploaded',
        'MaterialExtractionStarted',
        'MaterialExtractionFailed',
      ]);
    } finally {
      await worker.stop();
    }
  });
});
