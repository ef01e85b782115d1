import { COOKIE_SESSION_HEADERS } from '../session/cookie-session.ts';
import { ApiError, type ApiErrorBody } from './api-error.ts';
import type { TypedDocumentString } from './generated/graphql.ts';

export type Fetch = typeof fetch;

interface GraphQLResponseBody<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly ApiErrorBody[];
}

/**
 * One GraphQL request over HTTP to the same origin; the first error becomes an ApiError.
 * Every request asks for a cookie session, so signUp/logIn keep the refresh token out of reach of scripts.
 */
export async function postGraphQL<Data, Variables>(
  fetcher: Fetch,
  document: TypedDocumentString<Data, Variables>,
  variables: Variables,
  headers: Record<string, string> = {},
): Promise<Data> {
  let response: Response;
  try {
    response = await fetcher('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...COOKIE_SESSION_HEADERS,
        ...headers,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (error) {
    throw ApiError.network(error);
  }
  let body: GraphQLResponseBody<Data>;
  try {
    body = (await response.json()) as GraphQLResponseBody<Data>;
  } catch (error) {
    // A proxy's HTML error page or a cut connection, not the API speaking.
    throw response.ok ? ApiError.network(error) : new ApiError(response.statusText, 'NETWORK');
  }
  const first = body.errors?.[0];
  if (first) throw ApiError.fromBody(first);
  if (!body.data) throw new ApiError('Empty response', 'INTERNAL');
  return body.data;
}
