export { buildApp, type GatewayOptions } from './app.ts';
export type { ReadinessCheck, ReadinessReport } from './health/readiness.ts';
export { checkReadiness } from './health/readiness.ts';
export * from './relay/index.ts';
