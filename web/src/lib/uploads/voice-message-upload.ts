import { notePosition } from '../graphql/consistency.ts';
import { session } from '../session/session.svelte.ts';
import { httpError, sendFile } from './send-file.ts';

/** Uploads a recording to POST /api/chats/:chatId/voice-messages; resolves with the new message's id. */
export async function sendVoiceMessage(chatId: string, file: File, signal: AbortSignal): Promise<string> {
  const token = await session.accessToken();
  const url = `/api/chats/${encodeURIComponent(chatId)}/voice-messages`;
  const { status, body } = await sendFile({ url, file, token, onProgress: () => {}, signal });
  const result = body as { messageId?: string; position?: string } | null;
  if (status >= 400 || !result?.messageId) throw httpError(body, status);
  if (result.position) notePosition(result.position);
  return result.messageId;
}
