import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly data: Data | null;
  readonly errors?: readonly { message: string; extensions?: { code?: string; bishopCode?: string } }[];
}

/** A tiny GraphQL-over-HTTP client for tests: real HTTP, optional bearer token and consistency header. */
export function graphqlOverHttp(baseUrl: string) {
  return async function request<Data = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; consistentWith?: string } = {},
  ): Promise<GraphQLResponse<Data> & { status: number }> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.consistentWith ? { 'bishop-consistent-with': options.consistentWith } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as GraphQLResponse<Data>) };
  };
}

/** The standard graphql-ws client over a real WebSocket, authenticated in connection_init. */
export function graphqlOverWebSocket(baseUrl: string, token: string): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects subscription results until `done` says stop (or the timeout passes). */
export function subscribe<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): {
  results: T[];
  errors: unknown[];
  until(done: (results: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  stop(): void;
} {
  const results: T[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) results.push(value.data as T);
      },
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  return {
    results,
    errors,
    stop,
    async until(done, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(results)) {
        if (errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        if (Date.now() > deadline) throw new Error(`subscription timed out with ${JSON.stringify(results)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return results;
    },
  };
}
