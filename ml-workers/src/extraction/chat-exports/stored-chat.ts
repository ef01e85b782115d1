import { ExtractionFailure } from '../extraction-failure.ts';
import type { ChatExport, ChatMessage } from './chat-export.ts';
import { spillMessages } from './chat-messages.ts';
import { walkRootMessages } from './json-root-messages.ts';
import type { JsonSource } from './json-tokens.ts';

/**
 * A chat as extraction stored it (its chat blob: the export's fields and its messages), read as it streams,
 * the messages spilled to `spillDir` and read back at each pass. A gigabyte export's chat, parsed whole, held its
 * text and every message's object at once (several GB in the train worker).
 */
export async function readStoredChat(source: JsonSource, spillDir: string): Promise<ChatExport> {
  const spill = spillMessages(spillDir);
  try {
    const fields = await walkRootMessages(source, (message) => spill.add(message as ChatMessage));
    if (!Array.isArray(fields.participants) || 'messages' in fields) {
      throw new ExtractionFailure('DOCUMENT_DAMAGED', 'The stored chat has no participants or no list of messages');
    }
    return { ...(fields as Omit<ChatExport, 'messages'>), messages: spill.done() };
  } catch (error) {
    spill.discard();
    throw error;
  }
}
