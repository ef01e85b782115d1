import { isValidId } from '@bishop/domain';
import type { BishopConfig } from '../config/config.ts';
import { auditAvatar } from '../runtime/audit-avatar.ts';
import { openStores } from '../runtime/stores.ts';

const usage = 'Usage: bishop audit verify <avatarId>';

/**
 * `bishop audit verify <avatarId>`: recomputes the hash chains of the avatar's
 * streams and prints each head, or every altered, removed or reordered event.
 * Exits 1 when anything does not match, so scripts can alarm on it.
 */
export async function runAuditCommand(config: BishopConfig, action: string | undefined, args: string[]) {
  const [avatarId] = args;
  if (action !== 'verify' || !avatarId) {
    console.error(usage);
    return 1;
  }
  if (!isValidId(avatarId)) {
    console.error(`"${avatarId}" is not an avatar id (a UUID).\n${usage}`);
    return 1;
  }
  const stores = await openStores(config);
  try {
    const results = await auditAvatar(
      stores.rawEventStore,
      stores.chainHeads,
      stores.readStore.db.withSchema(stores.readStore.schema),
      avatarId,
    );
    if (results.every((result) => result.events === 0)) {
      console.error(`No events found for avatar ${avatarId}.`);
      return 1;
    }
    let problems = 0;
    for (const result of results) {
      const head = result.head ? `head ${result.head.hash} at revision ${result.head.revision}` : 'no head';
      const verdict = result.problems.length === 0 ? 'intact' : `${result.problems.length} problem(s)`;
      console.log(`${result.stream}: ${result.events} events, ${head}: ${verdict}`);
      for (const problem of result.problems) console.log(`  ✗ ${problem.kind}: ${problem.message}`);
      problems += result.problems.length;
    }
    console.log(
      problems === 0 ? 'History verified: every event is intact.' : `History does NOT verify: ${problems} problem(s).`,
    );
    return problems === 0 ? 0 : 1;
  } finally {
    await stores.close();
  }
}
