import { error, redirect } from '@sveltejs/kit';
import { errorMessage } from '../i18n/error-message.ts';
import { ApiError } from './api-error.ts';
import { gql } from './client.ts';
import type { TypedDocumentString } from './generated/graphql.ts';
import type { Fetch } from './transport.ts';

const statusOf: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, VALIDATION: 400, NETWORK: 503 };

/**
 * A query for a `load` function: an API refusal becomes SvelteKit's error page with a
 * readable message (or a trip to the login page when the session is gone).
 */
export async function load<Data, Variables>(
  fetcher: Fetch,
  document: TypedDocumentString<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  try {
    return await gql(document, variables, { fetch: fetcher });
  } catch (cause) {
    if (cause instanceof ApiError && cause.code === 'UNAUTHENTICATED') redirect(307, '/login');
    const code = cause instanceof ApiError ? cause.code : 'INTERNAL';
    error(statusOf[code] ?? 500, { message: errorMessage(cause), code });
  }
}
