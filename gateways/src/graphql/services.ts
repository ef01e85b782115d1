import type { CommandBus } from '@bishop/commands';
import type { BlobStore } from '@bishop/domain/ports';
import type { ReadModels } from '@bishop/projections';
import type { Kysely } from 'kysely';
import type { AuthService } from '../auth/index.ts';
import type { ReadinessReport } from '../health/readiness.ts';
import type { LiveFeeds } from '../live/live-feeds.ts';
import type { MediaUrlSigner } from '../media/signed-urls.ts';
import type { ChatAvatarLookup, OwnershipCheck } from './ownership.ts';

/** What the GraphQL resolvers work with; assembled once per process. */
export interface GraphQLServices {
  readonly commands: CommandBus;
  readonly readModels: Kysely<ReadModels>;
  /** Resolves once the read models include `position` (read-your-writes); rejects after `timeoutMs`. */
  readonly waitForPosition: (position: bigint, timeoutMs?: number) => Promise<void>;
  readonly auth: AuthService;
  readonly blobs: BlobStore;
  readonly signer: MediaUrlSigner;
  readonly live: LiveFeeds;
  readonly owns: OwnershipCheck;
  /** The avatar of a chat, from the event log (read-your-writes). */
  readonly avatarOfChat: ChatAvatarLookup;
  readonly readiness: () => Promise<ReadinessReport>;
}
