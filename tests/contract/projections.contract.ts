import { randomUUID } from 'node:crypto';
import { after, before, describe } from 'node:test';
import { createCommandBus } from '@bishop/commands';
import type { ChangeNotice } from '@bishop/domain';
import { createProjector, migrateReadModels, type Projector, type ProjectorOptions } from '@bishop/projections';
import { sql } from 'kysely';
import { deliverySection } from './projections.contract-delivery.ts';
import type { ProjectionsFixture, ProjectionsHarness } from './projections.contract-fixture.ts';
import { querySection } from './projections.contract-queries.ts';
import { rowSection } from './projections.contract-rows.ts';
import {
  chattyAvatar,
  closedAccountHistory,
  conversationHistory,
  deletedAvatarHistory,
  type History,
  liveAvatarHistory,
  registerPerson,
} from './projections.history.ts';

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
      const conversation = await conversationHistory(bus, history);
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
        conversation,
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
