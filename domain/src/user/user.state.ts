import { DomainError } from '../kernel/errors.ts';

export type ApiToken = { readonly tokenId: string; readonly name: string; readonly revoked: boolean };

export type NoUser = { readonly status: 'absent' };

export type RegisteredUser = {
  readonly status: 'registered';
  readonly userId: string;
  readonly email: string;
  readonly fullName: string;
  readonly passwordHash: string;
  /** Every token ever issued, revoked ones included, so a token id is never reused. */
  readonly apiTokens: ReadonlyMap<string, ApiToken>;
};

/** A closed account: only its id is left (its personal fields are shredded). */
export type DeletedUser = { readonly status: 'deleted'; readonly userId: string };

export type UserState = NoUser | RegisteredUser | DeletedUser;

export function registeredUser(state: UserState): RegisteredUser {
  if (state.status === 'absent') throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This user does not exist');
  if (state.status === 'deleted') throw new DomainError('BISHOP_ERR_DELETED', 'This account was deleted');
  return state;
}
