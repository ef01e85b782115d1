export {
  type ChatExport,
  type ChatMedia,
  type ChatMessage,
  type ChatMessageKind,
  type ChatParticipant,
  chatMessageKinds,
  chatSources,
} from './chat-export.ts';
export { chatExportLines, type TextLines } from './chat-export-lines.ts';
export { chatExportText } from './chat-export-text.ts';
export type { TurnOptions } from './conversation-turns.ts';
export { type DialoguePair, dialoguePairs } from './dialogue-pairs.ts';
export {
  type ParsedChatExport,
  readExportArchive,
  type VoiceMessageAudio,
  type VoiceMessages,
} from './export-archive.ts';
export { type ChatExportInput, extractChatExport, extractMailbox } from './extract-chat-export.ts';
export { asOnePerson } from './one-person.ts';
export { personWords } from './person-words.ts';
export { readStoredChat } from './stored-chat.ts';
export { readTelegramExport } from './telegram-json.ts';
export { type Transcribe, transcribeVoiceMessages } from './transcribe-voice-messages.ts';
export { parseWhatsAppExport } from './whatsapp-txt.ts';
