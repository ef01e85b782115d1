import { session } from '../session/session.svelte.ts';
import { SessionExpiredError } from '../session/token-refresher.ts';
import { ApiError } from './api-error.ts';
import { consistencyHeaders, notePositions } from './consistency.ts';
import type { TypedDocumentString } from './generated/graphql.ts';
import { type Fetch, postGraphQL } from './transport.ts';

async function tokenOrExpired(get: () => Promise<string | null>): Promise<string | null> {
  try {
    return await get();
  } catch (error) {
    if (error instanceof SessionExpiredError) throw new ApiError(error.message, 'UNAUTHENTICATED');
    throw error;
  }
}

/**
 * The app's only way to the API: typed operations (generated from the gateway schema)
 * with the session's token, silent token renewal and read-your-writes.
 */
export async function gql<Data, Variables>(
  document: TypedDocumentString<Data, Variables>,
  variables: Variables,
  options: { readonly fetch?: Fetch } = {},
): Promise<Data> {
  const fetcher = options.fetch ?? fetch;
  const send = (token: string | null) =>
    postGraphQL(fetcher, document, variables, {
      ...consistencyHeaders(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    });
  const token = await tokenOrExpired(() => session.accessToken());
  let data: Data;
  try {
    data = await send(token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'UNAUTHENTICATED' || !token) throw error;
    // The token was refused before its time (server restarted with new keys…): renew once, then give up.
    const renewed = await tokenOrExpired(() => session.renew(token));
    if (!renewed) throw error;
    try {
      data = await send(renewed);
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.code === 'UNAUTHENTICATED') session.expire();
      throw retryError;
    }
  }
  if (document.toString().trimStart().startsWith('mutation')) notePositions(data);
  return data;
}
