import type { BishopConfig } from './config.ts';

/** The roles `bishop run` starts, each as its own process. */
export const roleNames = ['gateway', 'projector', 'relay', 'worker', 'web'] as const;
export type RoleName = (typeof roleNames)[number];

export const isRoleName = (name: string | undefined): name is RoleName =>
  (roleNames as readonly string[]).includes(name ?? '');

/**
 * What a role needs beyond `bishop start`: processes share stores only
 * through servers. PGlite lives inside one process, and a master key
 * generated into one machine's data directory would differ per process, so
 * every role but web needs BISHOP_DATABASE_URL and BISHOP_MASTER_KEY.
 */
export function roleConfigProblems(config: BishopConfig, role: RoleName): string[] {
  if (role === 'web') return [];
  const problems: string[] = [];
  const why = `bishop run ${role} shares its stores with the other roles' processes`;
  if (!config.databaseUrl) {
    problems.push(
      `BISHOP_DATABASE_URL is required: ${why}, and the embedded database (PGlite) lives inside one process (use bishop start to run everything in one process)`,
    );
  }
  if (!config.masterKey) {
    problems.push(
      `BISHOP_MASTER_KEY is required: ${why}, and all of them must hold the same key (openssl rand -base64 32)`,
    );
  }
  return problems;
}
