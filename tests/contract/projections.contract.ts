import { randomUUID } from 'node:crypto';
import { after, before, describe } from 'node:test';
import { type CommandBus, createCommandBus } from '@bishop/commands';
import type { EventStore, KeyStore } from '@bishop/domain/ports';
import type { ReadStore, SqlClient } from '@bishop/infra';
import {
  type ChangeNotice,
  createProjector,
  migrateReadModels,
  type Projector,
  type ProjectorOptions,
  type ReadModels,
} from '@bishop/projections';
import { type Kysely, sql } from 'kysely';
import { deliverySection } from './projections.contract-delivery.ts';
import { querySection } from './projections.contract-queries.ts';
import { rowSection } from './projections.contract-rows.ts';
import {
  chattyAvatar,
  closedAccountHistory,
  type DeletedAvatar,
  deletedAvatarHistory,
  type History,
  type LiveAvatar,
  liveAvatarHistory,
  type Person,
  registerPerson,
} from './projections.history.ts';

export interface ProjectionsHarness {
  /** The decrypting event store, as production reads it. */
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly readStore: ReadStore;
  /** Another client of the same database: a second connection on a server; on PGlite, the SqlClient sharing its session. */
  readonly otherClient: SqlClient;
  /** A server serves many sessions; PGlite one. */
  readonly sessions: 'many' | 'one';
  /** An event store in a schema of its own on the same database, for tests that must not disturb the shared `$all`. */
  openIsolatedEventStore(): Promise<{ readonly eventStore: EventStore; readonly raw: EventStore }>;
  teardown(): Promise<void>;
}

/** Everything the sections share: one history, projected once into `models`. */
export interface ProjectionsFixture {
  readonly harness: ProjectionsHarness;
  readonly bus: CommandBus;
  readonly history: History;
  readonly anna: Person;
  readonly annasAvatar: LiveAvatar;
  readonly annasDeletedAvatar: DeletedAvatar;
  readonly boris: Person;
  /** Registered, issued API tokens, then deleted the account. */
  readonly closed: Person;
  readonly borisAvatar: { readonly avatarId: string; readonly chatId: string; readonly messageIds: string[] };
  /** The read schema the shared projector keeps current. */
  readonly schema: string;
  readonly models: Kysely<ReadModels>;
  /** Keeps `schema` current for the whole suite. */
  readonly projector: Projector;
  /** Everything the shared projector notified. */
  readonly notices: readonly ChangeNotice[];
  /** A fresh, migrated read schema (dropped at the end). */
  freshSchema(): Promise<string>;
  /** Starts a projector on `schema` (over the shared event store unless told otherwise); stopped at the end. */
  startProjector(schema: string, options?: Partial<ProjectorOptions>): Promise<Projector>;
}

/**
 * The read models' contract, run against every database they support: real
 * commands through the command bus on a real event store, a real projector,
 * and the rows and queries the gateway will read.
 */
export function projectionsContract(name: string, openHarness: () => Promise<ProjectionsHarness>): void {
  describe(`read models: ${name}`, () => {
    const schemas: string[] = [];
    const projectors: Projector[] = [];
    let fixture: ProjectionsFixture | undefined;

    before(async () => {
      const harness = await openHarness();
      const bus = createCommandBus({ eventStore: harness.eventStore });
      const { db } = harness.readStore;
      const freshSchema = async () => {
        const schema = `rm_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
        schemas.push(schema);
        await migrateReadModels(db, schema);
        return schema;
      };
      const startProjector = async (schema: string, options: Partial<ProjectorOptions> = {}) => {
        const projector = createProjector({ eventStore: harness.eventStore, db, schema, ...options });
        projectors.push(projector);
        await projector.start();
        return projector;
      };
      const history: History = { position: 0n };
      const anna = await registerPerson(bus, history);
      const annasAvatar = await liveAvatarHistory(bus, history, anna.userId);
      const annasDeletedAvatar = await deletedAvatarHistory(bus, history, anna.userId);
      const boris = await registerPerson(bus, history, 'Борис Пастернак');
      const borisAvatar = await chattyAvatar(bus, history, boris.userId, 3);
      const closed = await closedAccountHistory(bus, history);
      const schema = await freshSchema();
      const notices: ChangeNotice[] = [];
      const projector = await startProjector(schema, { onCommitted: (batch) => notices.push(...batch) });
      await projector.waitFor(history.position, 30_000);
      fixture = {
        harness,
        bus,
        history,
        anna,
        annasAvatar,
        annasDeletedAvatar,
        boris,
        closed,
        borisAvatar,
        schema,
        models: db.withSchema(schema),
        projector,
        notices,
        freshSchema,
        startProjector,
      };
    });

    after(async () => {
      for (const projector of projectors) await projector.stop();
      if (fixture === undefined) return;
      for (const schema of schemas)
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(fixture.harness.readStore.db);
      await fixture.harness.teardown();
    });

    const get = (): ProjectionsFixture => {
      if (fixture === undefined) throw new Error('the read-model fixture failed to open');
      return fixture;
    };
    rowSection(get);
    querySection(get);
    deliverySection(get);
  });
}
