import type { UserCommand } from '../../src/user/user.commands.ts';
import { userDecider } from '../../src/user/user.decider.ts';
import type { UserEvent } from '../../src/user/user.events.ts';
import { commandsFor } from '../support/commands.ts';
import { spec } from '../support/decider-spec.ts';
import { id, OWNER } from '../support/ids.ts';

export const userSpec = spec(userDecider);
export const userCommand = commandsFor<UserCommand>();

export const HASH = '$scrypt$N=16384,r=8,p=1$c2FsdA$aGFzaA';
export const registered: UserEvent = {
  type: 'UserRegistered',
  data: { userId: OWNER, email: 'anna@example.org', fullName: 'Anna Petrova', passwordHash: HASH },
};

export const tokenId = (n: number): string => id(100 + n);
export const tokenIssued = (n: number, name = `token ${n}`): UserEvent => ({
  type: 'ApiTokenIssued',
  data: { tokenId: tokenId(n), name, tokenHash: `hash-${n}`, issuedAt: '2025-01-01T00:00:00.000Z' },
});
export const tokenRevoked = (n: number): UserEvent => ({ type: 'ApiTokenRevoked', data: { tokenId: tokenId(n) } });
