// Schema

// Queries for the gateway (each takes the caller's user id)
export * from './api-tokens/api-tokens.queries.ts';
export type * from './api-tokens/api-tokens.table.ts';
export * from './avatars/avatars.queries.ts';
export * from './avatars/avatars.table.ts';
export * from './blind-tests/blind-tests.queries.ts';
export type * from './blind-tests/blind-tests.table.ts';
export * from './chats/chats.queries.ts';
export * from './chats/chats.table.ts';
export {
  type ProjectionStall,
  type ProjectionStatus,
  readProjectionStatus,
} from './checkpoints/checkpoint.queries.ts';
export type * from './checkpoints/checkpoints.table.ts';
export * from './materials/materials.queries.ts';
export * from './materials/materials.table.ts';
export * from './messages/message-search.queries.ts';
export * from './messages/messages.queries.ts';
export * from './messages/messages.table.ts';
export * from './persona-versions/persona-versions.queries.ts';
export type * from './persona-versions/persona-versions.table.ts';
// Projector and rebuild
export { EventProjectionError, ReadModelsTimeoutError } from './projector/projection-error.ts';
export {
  createProjector,
  DEFAULT_PROJECTOR_NAME,
  type ProjectionFailure,
  type ProjectionLag,
  type Projector,
  type ProjectorOptions,
} from './projector/projector.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from './queries/page.ts';
export { readModelChecksums } from './rebuild/read-model-checksums.ts';
export { type RebuildOptions, type RebuildResult, rebuildReadModels } from './rebuild/rebuild-read-models.ts';
export { migrateReadModels } from './schema/migrate.ts';
export { DEFAULT_READ_SCHEMA, type ReadModels, type ReadModelTable, readModelTables } from './schema/read-models.ts';
export { type ColumnSealer, SealedColumnsPlugin } from './sealing/column-sealer.ts';
export { personalColumns, wordlessColumns } from './sealing/personal-columns.ts';
export { sealPlaintextColumns } from './sealing/seal-existing-rows.ts';
export * from './test-reports/test-reports.queries.ts';
export type * from './test-reports/test-reports.table.ts';
export * from './timeline/timeline.queries.ts';
export * from './timeline/timeline.table.ts';
export * from './training-runs/training-runs.queries.ts';
export * from './training-runs/training-runs.table.ts';
export * from './users/users.queries.ts';
export type * from './users/users.table.ts';
export type * from './voices/voice-consents.table.ts';
export * from './voices/voice-samples.table.ts';
export * from './voices/voices.queries.ts';
