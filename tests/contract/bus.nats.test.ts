import { createNatsBus, type NatsBus } from '@bishop/infra';
import { uniquePrefix } from '../src/event-fixtures.ts';
import { busContract, testNatsUrl } from './bus.contract.ts';

busContract('NATS JetStream', async () => {
  const root = uniquePrefix('bus');
  const options = { servers: testNatsUrl, streamName: root.toUpperCase(), subjectRoot: root };
  let bus: NatsBus = await createNatsBus(options);
  return {
    root,
    get bus() {
      return bus;
    },
    async reopen() {
      await bus.close();
      bus = await createNatsBus(options);
      return bus;
    },
    async teardown() {
      await bus.deleteTopology();
      await bus.close();
    },
  };
});
