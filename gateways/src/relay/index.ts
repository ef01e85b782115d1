export { createRelay, type Relay, type RelayLogger, type RelayOptions } from './relay.ts';
export { RelayHeaders } from './relay-message.ts';
