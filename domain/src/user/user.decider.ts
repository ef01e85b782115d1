import { match } from 'ts-pattern';
import { validEmail } from '../email/email-address.ts';
import type { Decider } from '../kernel/decider.ts';
import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { issueApiToken, revokeApiToken } from './api-token.decisions.ts';
import type { ChangeEmail, ChangePassword, RegisterUser, UpdateProfile, UserCommand } from './user.commands.ts';
import type {
  AccountDeleted,
  EmailChanged,
  PasswordChanged,
  UserEvent,
  UserProfileUpdated,
  UserRegistered,
} from './user.events.ts';
import { validFullName, validSecretHash } from './user.rules.ts';
import { type RegisteredUser, registeredUser, type UserState } from './user.state.ts';

export const initialState = (): UserState => ({ status: 'absent' });

export function evolve(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') return { status: 'registered', ...event.data, apiTokens: new Map() };
  if (state.status !== 'registered') return state;
  return match(event)
    .with({ type: 'UserProfileUpdated' }, ({ data }) => ({ ...state, fullName: data.fullName }))
    .with({ type: 'PasswordChanged' }, ({ data }) => ({ ...state, passwordHash: data.passwordHash }))
    .with({ type: 'EmailChanged' }, ({ data }) => ({ ...state, email: data.email }))
    .with({ type: 'ApiTokenIssued' }, ({ data }) =>
      withToken(state, { tokenId: data.tokenId, name: data.name, revoked: false }),
    )
    .with({ type: 'ApiTokenRevoked' }, ({ data }) => {
      const token = state.apiTokens.get(data.tokenId);
      return token ? withToken(state, { ...token, revoked: true }) : state;
    })
    .with({ type: 'AccountDeleted' }, (): UserState => ({ status: 'deleted', userId: state.userId }))
    .exhaustive();
}

function withToken(user: RegisteredUser, token: { tokenId: string; name: string; revoked: boolean }): RegisteredUser {
  return { ...user, apiTokens: new Map(user.apiTokens).set(token.tokenId, token) };
}

export function decide(command: UserCommand, state: UserState): UserEvent[] {
  if (command.type === 'RegisterUser') return registerUser(command, state);
  const user = registeredUser(state);
  return match(command)
    .with({ type: 'UpdateProfile' }, (update) => updateProfile(update, user))
    .with({ type: 'ChangePassword' }, (change) => changePassword(change, user))
    .with({ type: 'ChangeEmail' }, (change) => changeEmail(change, user))
    .with({ type: 'IssueApiToken' }, (issue) => issueApiToken(issue, user))
    .with({ type: 'RevokeApiToken' }, (revoke) => revokeApiToken(revoke, user))
    .with({ type: 'DeleteAccount' }, (): AccountDeleted[] => [{ type: 'AccountDeleted', data: {} }])
    .exhaustive();
}

function registerUser({ data, metadata }: RegisterUser, state: UserState): UserRegistered[] {
  const userId = validId(data.userId, 'User id');
  const { actor } = metadata;
  // Sign-up runs as the `auth` service; a signed-in person may only register themselves.
  if (actor.kind === 'user' && actor.userId !== userId) {
    throw new DomainError('BISHOP_ERR_FORBIDDEN', 'You cannot register an account for someone else');
  }
  if (state.status !== 'absent') throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'This user is already registered');
  const email = validEmail(data.email);
  const fullName = validFullName(data.fullName);
  const passwordHash = validSecretHash(data.passwordHash, 'Password hash');
  return [{ type: 'UserRegistered', data: { userId, email, fullName, passwordHash } }];
}

function updateProfile({ data }: UpdateProfile, user: RegisteredUser): UserProfileUpdated[] {
  const fullName = validFullName(data.fullName);
  if (fullName === user.fullName) return [];
  return [{ type: 'UserProfileUpdated', data: { fullName } }];
}

function changePassword({ data }: ChangePassword, user: RegisteredUser): PasswordChanged[] {
  const passwordHash = validSecretHash(data.passwordHash, 'Password hash');
  if (passwordHash === user.passwordHash) return [];
  return [{ type: 'PasswordChanged', data: { passwordHash } }];
}

function changeEmail({ data }: ChangeEmail, user: RegisteredUser): EmailChanged[] {
  const email = validEmail(data.email);
  if (email === user.email) return [];
  return [{ type: 'EmailChanged', data: { email } }];
}

export function ownerOf(state: UserState): string | null {
  // A deleted account still owns its stream, so its owner is told "deleted", not "forbidden".
  return state.status === 'absent' ? null : state.userId;
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = { initialState, evolve, decide };
