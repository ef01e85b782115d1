import { notePosition } from '../graphql/consistency.ts';
import { session } from '../session/session.svelte.ts';
import { httpError } from './send-file.ts';

/** A document or recording attached to a letter of a mail material, as the gateway lists it. */
export interface MailAttachment {
  readonly id: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly from: string;
  readonly at: string | null;
  readonly subject: string;
}

/** One chosen attachment's outcome: added as a material, or refused with a reason. */
export interface AttachmentResult {
  readonly attachmentId: number;
  readonly fileName: string;
  readonly materialId?: string;
  readonly position?: string;
  readonly error?: { code?: string; bishopCode?: string; message?: string };
}

const attachmentsUrl = (avatarId: string, materialId: string) =>
  `/api/avatars/${encodeURIComponent(avatarId)}/materials/${encodeURIComponent(materialId)}/attachments`;

async function call(url: string, init: RequestInit = {}): Promise<unknown> {
  const token = await session.accessToken();
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw httpError(body, response.status);
  return body;
}

/** GET …/materials/:materialId/attachments: empty for anything but mail. */
export async function listMailAttachments(avatarId: string, materialId: string): Promise<MailAttachment[]> {
  const body = (await call(attachmentsUrl(avatarId, materialId))) as { attachments?: MailAttachment[] } | null;
  return body?.attachments ?? [];
}

/** POST the user's choice; each chosen attachment is checked and stored like an upload. */
export async function addMailAttachments(
  avatarId: string,
  materialId: string,
  ids: readonly number[],
): Promise<AttachmentResult[]> {
  const body = (await call(attachmentsUrl(avatarId, materialId), {
    method: 'POST',
    body: JSON.stringify({ ids }),
  })) as { results?: AttachmentResult[] } | null;
  const results = body?.results ?? [];
  for (const result of results) if (result.position) notePosition(result.position);
  return results;
}
