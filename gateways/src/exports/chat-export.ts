import { listMessages, type ReadModels } from '@bishop/projections';
import type { Kysely } from 'kysely';
import { allPages } from './all-pages.ts';

/** A chat with every message, reply and dub, oldest first: what a person keeps of a conversation. */
export async function chatDocument(db: Kysely<ReadModels>, ownerId: string, chat: { chat_id: string }) {
  const messages = [];
  const rows = allPages((after) =>
    listMessages(db, ownerId, chat.chat_id, { first: 100, after, order: 'oldestFirst' }),
  );
  for await (const row of rows) {
    messages.push({
      id: row.message_id,
      sentAt: row.sent_at,
      text: row.text,
      reply: {
        state: row.reply_state,
        text: row.reply_text,
        personaVersion: row.reply_persona_version,
        model: row.reply_model,
        latencyMs: row.reply_latency_ms,
        sourceIds: row.reply_source_ids,
        failure: row.failure_reason ? { code: row.failure_reason_code, reason: row.failure_reason } : null,
      },
      dub:
        row.dub_state === 'none' ? null : { state: row.dub_state, seconds: row.dub_duration_sec, voice: row.dub_voice },
      erased: row.erased_fields,
    });
  }
  return { ...chat, messages };
}

/** The same chat as Markdown, for reading. */
export function chatMarkdown(document: Awaited<ReturnType<typeof chatDocument>> & { title?: string | null }): string {
  const lines = [`# ${document.title ?? 'Chat'}`, ''];
  for (const message of document.messages) {
    lines.push(`**You** (${message.sentAt.toISOString()}):`, '', message.text ?? '*(erased)*', '');
    if (message.reply.text !== null) lines.push('**Avatar**:', '', message.reply.text, '');
    else if (message.reply.failure) lines.push(`*No reply: ${message.reply.failure.reason}*`, '');
  }
  return `${lines.join('\n')}\n`;
}
