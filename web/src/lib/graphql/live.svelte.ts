import { type Client, createClient } from 'graphql-ws';
import { session } from '../session/session.svelte.ts';
import { ApiError, type ApiErrorBody } from './api-error.ts';
import type { TypedDocumentString } from './generated/graphql.ts';

export type LiveState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

/**
 * How the server closes a socket whose credential ended: 4401 — the access
 * token expired (refresh and reconnect); 4403 — the session was revoked
 * (logged out elsewhere, password reset, account deleted): log in again.
 */
const TOKEN_EXPIRED = 4401;
const SESSION_REVOKED = 4403;
const NORMAL_CLOSURE = 1000;
const closeCodeOf = (event: unknown): number | undefined =>
  typeof event === 'object' && event !== null && 'code' in event
    ? Number((event as { code: unknown }).code)
    : undefined;

/**
 * Subscriptions over one graphql-ws connection per signed-in session. The connection
 * opens with the first subscription, authenticates with a fresh access token on every
 * (re)connect, and retries forever with backoff: a restart of Bishop heals by itself.
 */
class Live {
  state = $state<LiveState>('idle');
  #client: Client | null = null;
  #everConnected = false;
  /** The socket closed other than by our own idle close: what changed meanwhile was not heard. */
  #lost = false;
  readonly #reconnected = new Set<() => void>();

  constructor() {
    session.onReset(() => this.#dispose());
  }

  #connect(): Client {
    if (this.#client) return this.#client;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    this.#client = createClient({
      url,
      lazy: true,
      lazyCloseTimeout: 5_000,
      keepAlive: 20_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      // A revoked session would only be refused again: the person must log in.
      shouldRetry: (event) => closeCodeOf(event) !== SESSION_REVOKED,
      connectionParams: async () => {
        const token = await session.accessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      on: {
        connecting: () => {
          this.state = this.#everConnected ? 'reconnecting' : 'connecting';
        },
        connected: () => {
          this.#everConnected = true;
          this.state = 'connected';
          if (this.#lost) for (const listener of this.#reconnected) listener();
          this.#lost = false;
        },
        closed: (event) => {
          // 1000 is the client's own close once no page subscribes (lazy): nothing was missed.
          if (closeCodeOf(event) !== NORMAL_CLOSURE) this.#lost = true;
          if (closeCodeOf(event) === SESSION_REVOKED) session.expire();
          else if (this.state === 'connected') this.state = 'reconnecting';
        },
      },
    });
    return this.#client;
  }

  #dispose(): void {
    void this.#client?.dispose();
    this.#client = null;
    this.#everConnected = false;
    this.#lost = false;
    this.state = 'idle';
  }

  /** Calls `listener` after each reconnect (not the first connect); returns the unsubscribe. */
  onReconnected(listener: () => void): () => void {
    this.#reconnected.add(listener);
    return () => this.#reconnected.delete(listener);
  }

  /** Calls `onData` with every result until the returned function is called. */
  subscribe<Data, Variables>(
    document: TypedDocumentString<Data, Variables>,
    variables: Variables,
    onData: (data: Data) => void,
    onError: (error: ApiError) => void = () => {},
  ): () => void {
    let stop = this.#subscribeOnce(document, variables, onData, onError, () => {
      // The access token expired under an open socket: subscribe again (connectionParams fetches a fresh one).
      stop = this.subscribe(document, variables, onData, onError);
    });
    return () => stop();
  }

  #subscribeOnce<Data, Variables>(
    document: TypedDocumentString<Data, Variables>,
    variables: Variables,
    onData: (data: Data) => void,
    onError: (error: ApiError) => void,
    onTokenExpired: () => void,
  ): () => void {
    return this.#connect().subscribe<Data>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          const first = result.errors?.[0];
          if (first)
            onError(
              ApiError.fromBody({ message: first.message, extensions: first.extensions as ApiErrorBody['extensions'] }),
            );
          if (result.data) onData(result.data as Data);
        },
        error: (error) => {
          if (closeCodeOf(error) === TOKEN_EXPIRED) onTokenExpired();
          else onError(ApiError.network(error));
        },
        complete: () => {},
      },
    );
  }
}

export const live = new Live();

/**
 * Subscribes for as long as the calling component lives, resubscribing when the
 * variables change by value (call during component initialisation). A reload of the
 * page's data with the same ids keeps the subscription: a new one would start again
 * with what the page shows, and a page that reloads on a change would never rest.
 * A subscription starts with the rows as they are: a page that reloads on a change
 * skips those it already shows as they are (`shownAsIs`) and reloads for every later one.
 */
export function subscribeWhileMounted<Data, Variables>(
  document: TypedDocumentString<Data, Variables>,
  variables: () => Variables | null,
  /** `delivery` counts this subscription's messages from 0: the first ones are the rows it starts with. */
  onData: (data: Data, delivery: number) => void,
): void {
  const key = $derived(JSON.stringify(variables()));
  $effect(() => {
    const current = JSON.parse(key) as Variables | null;
    if (current === null) return;
    let delivered = 0;
    return live.subscribe(document, current, (data) => onData(data, delivered++));
  });
}
