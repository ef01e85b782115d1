import type { ApiError } from '../graphql/api-error.ts';
import { notePosition } from '../graphql/consistency.ts';
import { session } from '../session/session.svelte.ts';
import { httpError, sendFile } from './send-file.ts';
import type { UploadSender } from './upload-queue.svelte.ts';

interface MaterialUploadResult {
  readonly materialId?: string;
  readonly position?: string;
  readonly error?: { code?: string; bishopCode?: string; message?: string };
}

/** Uploads to POST /api/avatars/:avatarId/materials, one file per request (so each has its own progress). */
export function materialSender(avatarId: string): UploadSender {
  return async (file, onProgress, signal) => {
    const token = await session.accessToken();
    const url = `/api/avatars/${encodeURIComponent(avatarId)}/materials`;
    const { status, body } = await sendFile({ url, file, token, onProgress, signal });
    const result = (body as { results?: MaterialUploadResult[] } | null)?.results?.[0];
    if (status >= 400 || !result) throw httpError(body, status);
    if (result.error || !result.materialId) throw httpError({ error: result.error }, status) satisfies ApiError;
    if (result.position) notePosition(result.position);
    return result.materialId;
  };
}

/**
 * Uploads to POST /api/avatars/:avatarId/voice-sample; `replacesActive` is read when the file is sent
 * (what the user answered about the sample in use).
 */
export function voiceSampleSender(avatarId: string, replacesActive: () => boolean = () => true): UploadSender {
  return async (file, onProgress, signal) => {
    const token = await session.accessToken();
    const url = `/api/avatars/${encodeURIComponent(avatarId)}/voice-sample?replacesActive=${replacesActive()}`;
    const { status, body } = await sendFile({ url, file, token, onProgress, signal });
    const result = body as { sampleId?: string; position?: string } | null;
    if (status >= 400 || !result?.sampleId) throw httpError(body, status);
    if (result.position) notePosition(result.position);
    return result.sampleId;
  };
}

/** Adds a web page, feed or podcast by its address (POST …/materials/url); the server fetches it. */
export async function addMaterialByUrl(avatarId: string, address: string): Promise<string> {
  const token = await session.accessToken();
  const response = await fetch(`/api/avatars/${encodeURIComponent(avatarId)}/materials/url`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ url: address }),
  });
  const body = (await response.json().catch(() => null)) as (MaterialUploadResult & { error?: unknown }) | null;
  if (!response.ok || !body?.materialId) throw httpError(body, response.status);
  if (body.position) notePosition(body.position);
  return body.materialId;
}
