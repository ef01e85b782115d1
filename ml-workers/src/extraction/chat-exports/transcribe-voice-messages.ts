import type { ChatExport, VoiceMessages } from './chat-export.ts';
import { mapMessages } from './chat-messages.ts';

/** Turns a voice message's audio into its words (the ASR worker's job; passed in). */
export type Transcribe = (bytes: Uint8Array, fileName: string) => Promise<string>;

/**
 * Puts each voice message's transcript in its text, so the person's spoken
 * words count like written ones. One at a time (ASR already uses every core), their audio unpacked a batch at a time.
 */
export async function transcribeVoiceMessages(
  chatExport: ChatExport,
  voiceMessages: VoiceMessages,
  transcribe: Transcribe,
): Promise<ChatExport> {
  const transcripts = new Map<number, string>();
  for await (const batch of voiceMessages.batches()) {
    for (const voice of batch) transcripts.set(voice.messageId, (await transcribe(voice.bytes, voice.fileName)).trim());
  }
  // Put in as the messages pass, at each read: a spilled chat is not copied.
  const messages = mapMessages(chatExport.messages, (message) => {
    const transcript = message.kind === 'voice' ? transcripts.get(message.id) : undefined;
    return transcript ? { ...message, text: [message.text, transcript].filter(Boolean).join('\n') } : message;
  });
  return { ...chatExport, messages };
}
