import type { ReadEntries, VoiceMessageAudio, VoiceMessages } from './chat-export.ts';

// Voice messages unpacked at a time: a few MB of audio (Telegram's are ≈ 120 KB a minute), where unpacking a
// chat's thousands at once held them all until the last was transcribed. Each batch walks the archive's
// directory once.
const VOICES_PER_BATCH = 50;

/** A voice message whose audio is in the archive at `path`. */
export type ArchivedVoice = { messageId: number; fileName: string; path: string };

export const noVoiceMessages: VoiceMessages = { messageIds: [], async *batches() {} };

/** Voice messages whose audio stays packed until its batch is transcribed. */
export function archivedVoiceMessages(voices: readonly ArchivedVoice[], read: ReadEntries): VoiceMessages {
  return {
    messageIds: voices.map((voice) => voice.messageId),
    async *batches() {
      for (let at = 0; at < voices.length; at += VOICES_PER_BATCH) {
        const batch = voices.slice(at, at + VOICES_PER_BATCH);
        const paths = new Set(batch.map((voice) => voice.path));
        const files = await read((path) => paths.has(path));
        yield batch.flatMap(({ messageId, fileName, path }) => {
          const bytes = files.get(path);
          return bytes ? [{ messageId, fileName, bytes }] : [];
        });
      }
    },
  };
}

/** Voice messages whose audio was read already (a letter's attachment). */
export function voiceMessagesInMemory(voices: readonly VoiceMessageAudio[]): VoiceMessages {
  return {
    messageIds: voices.map((voice) => voice.messageId),
    async *batches() {
      if (voices.length > 0) yield voices;
    },
  };
}
