import { createPasswordResets, passwordResetLink } from '@bishop/gateways';
import type { BishopConfig } from '../config/config.ts';
import { openStores } from '../runtime/stores.ts';

const usage = 'Usage: bishop users reset-password <email>';

/**
 * `bishop users reset-password <email>`: the operator's way back into an
 * account without mail. Prints a one-time link that expires (only its hash
 * is stored); using it sets a new password, lifts the log-in lockout and
 * ends every session of the account. A newer link voids older ones.
 */
export async function runUsersCommand(config: BishopConfig, action: string | undefined, args: string[]) {
  const [email] = args;
  if (action !== 'reset-password' || !email) {
    console.error(usage);
    return 1;
  }
  if (!config.databaseUrl && (await answersHealth(config))) {
    console.error(
      `Bishop is running on this data directory (${config.dataDir}), and its embedded database (PGlite) opens in one process at a time.\n` +
        'Stop `bishop start`, run this command again, then start Bishop and open the link.',
    );
    return 1;
  }
  const stores = await openStores(config);
  try {
    const resets = createPasswordResets({
      eventStore: stores.eventStore,
      store: stores.authStore,
      clock: () => new Date(),
      ttlSeconds: config.passwordResetTtlSeconds,
    });
    const issued = await resets.issue(email).catch((error: { code?: string; message?: string }) => {
      if (error.code !== 'BISHOP_ERR_NOT_FOUND') throw error;
      console.error(`${error.message}.`);
      return null;
    });
    if (issued === null) return 1;
    console.log(`Password-reset link for ${email} (works once, until ${issued.expiresAt.toISOString()}):`);
    console.log(passwordResetLink(config.publicUrl, issued.token));
    console.log('Give it to the account owner privately: whoever opens it can set the password.');
    return 0;
  } finally {
    await stores.close();
  }
}

/** Whether a Bishop answers on the configured port (then PGlite is in use). */
async function answersHealth(config: BishopConfig): Promise<boolean> {
  const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  try {
    const response = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${config.port}/healthz`, {
      signal: AbortSignal.timeout(1500),
    });
    return response.status < 500;
  } catch {
    return false;
  }
}
