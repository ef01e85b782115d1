import type { RevocationSignal } from '@bishop/domain';

/**
 * What a request or socket authenticated with, beyond who it is: revocation
 * ends credentials (one session, one API token), not people, and some
 * operations need a session a person signed into with their password.
 */
export type Credential =
  | {
      readonly kind: 'session';
      readonly userId: string;
      /** The refresh-token family the access token was issued for; null for tokens minted before sessions had ids. */
      readonly sessionId: string | null;
      readonly expiresAt: Date;
    }
  | { readonly kind: 'apiToken'; readonly userId: string; readonly tokenId: string };

/** Whether the signal ends this credential. */
export function revokes(signal: RevocationSignal, credential: Credential): boolean {
  if (signal.userId !== credential.userId) return false;
  switch (signal.kind) {
    case 'account':
      return true;
    case 'session':
      return credential.kind === 'session' && credential.sessionId === signal.sessionId;
    case 'sessions':
      return (
        credential.kind === 'session' &&
        credential.sessionId !== null &&
        signal.sessionIds.includes(credential.sessionId)
      );
    case 'apiToken':
      return credential.kind === 'apiToken' && credential.tokenId === signal.tokenId;
  }
}

/** A short reason for people and clients: the WebSocket close reason and the refusal's wording. */
export function revocationReason(signal: RevocationSignal): string {
  switch (signal.kind) {
    case 'account':
      return 'The account was deleted';
    case 'apiToken':
      return 'The API token was revoked';
    case 'sessions':
      return {
        passwordChanged: 'The password was changed; please log in again',
        passwordReset: 'The password was reset; please log in again',
        emailChanged: 'The account’s email was changed; please log in again',
      }[signal.reason];
    case 'session':
      return signal.reason === 'refreshReused'
        ? 'The session was ended for your safety (a refresh token was used twice); please log in again'
        : 'The session has ended; please log in again';
  }
}
