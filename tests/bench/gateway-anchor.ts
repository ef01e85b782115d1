import { isDomainError } from '@bishop/domain';
import type { AuthService } from '@bishop/gateways';
import { findAvatarById, listMaterials, type ReadModels } from '@bishop/projections';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';

/** The schema's enum spelling of a read-model value (`chatExport` → `CHAT_EXPORT`), as the gateway's shapes do. */
const enumValue = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

export interface AnchorServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The yardstick for the GraphQL gateway: a bare Fastify instance whose one
 * route authenticates the bearer token with the gateway's own AuthService,
 * runs the same read-model queries as the `avatar { materials }` resolvers
 * and returns the same fields as JSON: no GraphQL, no plugins, no hooks.
 */
export async function startAnchorServer(auth: AuthService, db: Kysely<ReadModels>): Promise<AnchorServer> {
  const app = Fastify({ logger: false });
  app.get<{ Params: { avatarId: string } }>('/avatars/:avatarId', async (request, reply) => {
    const actor = await auth.authenticate(request.headers.authorization).catch((error: unknown) => {
      if (isDomainError(error)) return null;
      throw error;
    });
    if (actor?.kind !== 'user') return reply.code(401).send({ error: 'unauthenticated' });
    const avatar = await findAvatarById(db, actor.userId, request.params.avatarId);
    if (!avatar) return reply.code(404).send({ error: 'no such avatar' });
    const materials = await listMaterials(db, actor.userId, avatar.avatar_id, { includeRemoved: false });
    return {
      id: avatar.avatar_id,
      name: avatar.name,
      materials: materials.map((m) => ({
        id: m.material_id,
        fileName: m.file_name,
        kind: enumValue(m.kind),
        state: enumValue(m.state),
        sizeBytes: Number(m.size_bytes),
      })),
    };
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}
