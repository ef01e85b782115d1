import { ApiError } from './graphql/api-error.ts';
import { session } from './session/session.svelte.ts';
import { httpError } from './uploads/send-file.ts';

/**
 * Downloads from an API route that needs the session's token (exports): a plain
 * link cannot send the Authorization header, so fetch it and hand the browser a blob.
 */
export async function downloadWithSession(url: string, fileName: string): Promise<void> {
  const token = await session.accessToken();
  let response: Response;
  try {
    response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!response.ok) throw httpError(await response.json().catch(() => null), response.status);
  const href = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
