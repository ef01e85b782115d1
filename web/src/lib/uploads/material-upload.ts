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

/** Uploads to POST /api/avatars/:avatarId/voice-sample. */
export function voiceSampleSender(avatarId: string): UploadSender {
  return async (file, onProgress, signal) => {
    const token = await session.accessToken();
    const url = `/api/avatars/${encodeURIComponent(avatarId)}/voice-sample`;
    const { status, body } = await sendFile({ url, file, token, onProgress, signal });
    const result = body as { sampleId?: string; position?: string } | null;
    if (status >= 400 || !result?.sampleId) throw httpError(body, status);
    if (result.position) notePosition(result.position);
    return result.sampleId;
  };
}
