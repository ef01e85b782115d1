import type { CommandBus } from '@bishop/commands';
import type { ChangeNotice } from '@bishop/domain';
import type { EventStore, KeyStore } from '@bishop/domain/ports';
import type { ReadStore, SqlClient } from '@bishop/infra';
import type { Projector, ProjectorOptions, ReadModels } from '@bishop/projections';
import type { Kysely } from 'kysely';
import type { Conversation, DeletedAvatar, History, LiveAvatar, Person } from './projections.history.ts';

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
  /** Replies regenerated, chosen, rated; messages edited and deleted; a call with barge-in. */
  readonly conversation: Conversation;
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
