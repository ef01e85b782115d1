export type { CallSettings } from './call-context.ts';
export { type CallEngine, type CallEngineOptions, createCallEngine } from './call-engine.ts';
export type { CallSession } from './call-session.ts';
export { defaultTurnSettings, type TurnDetectorSettings } from './turn-detector.ts';
