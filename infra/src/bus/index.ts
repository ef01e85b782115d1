export { BusDefaults } from './bus-defaults.ts';
export { createInProcessBus, type InProcessBusOptions } from './in-process/in-process-bus.ts';
export { createNamespacedBus } from './namespaced-bus.ts';
export { createNatsBus, type NatsBus, type NatsBusOptions } from './nats/nats-bus.ts';
