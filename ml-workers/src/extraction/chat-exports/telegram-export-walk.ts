import { Assembler } from 'stream-json/assembler.js';
import { type JsonSource, jsonTokens, scalarOf, type Token } from './json-tokens.ts';
import type { TelegramMessage } from './telegram-message.ts';

/** A chat of the export: 'root' (a single chat's export), or 'chats.N' / 'left_chats.N' of a whole account's. */
export type ChatKey = string;

export type TelegramVisitor = {
  chat?: (chat: ChatKey) => void;
  /** The chat's own name, type and id. */
  chatField?: (chat: ChatKey, field: 'name' | 'type' | 'id', value: unknown) => void;
  /** Each element of a chat's `messages`, assembled alone. */
  message?: (chat: ChatKey, message: TelegramMessage) => void;
};

export type TelegramLayout = {
  /** The root is an object with `messages` or `chats`. */
  isExport: boolean;
  /** A single chat's export: the root's own `messages` is a list. */
  rootHasMessageList: boolean;
  /** The keys of the root object. */
  rootKeys: Set<string>;
  /** Every chat met, in the file's order. */
  chats: ChatKey[];
};

type Frame = {
  array: boolean;
  /** Its key in the parent object; null for a list's element. */
  key: string | null;
  /** Elements seen so far (lists). */
  count: number;
  /** The chat this object is. */
  chat: ChatKey | null;
  /** The chat whose messages this list holds. */
  messagesOf: ChatKey | null;
};

const CHAT_FIELDS = new Set(['name', 'type', 'id']);

/**
 * One pass over Telegram Desktop's result.json as it streams, telling the visitor each chat's fields and
 * each message; nothing else of the file is assembled or kept.
 */
export async function walkTelegramExport(source: JsonSource, visit: TelegramVisitor): Promise<TelegramLayout> {
  const stack: Frame[] = [];
  const layout: TelegramLayout = { isExport: false, rootHasMessageList: false, rootKeys: new Set(), chats: [] };
  let key: string | null = null;
  let message: { chat: ChatKey; assembler: Assembler<TelegramMessage> } | null = null;
  const onToken = (token: Token) => {
    if (message) {
      message.assembler.consume(token);
      if (message.assembler.done) {
        visit.message?.(message.chat, message.assembler.current as TelegramMessage);
        message = null;
      }
      return;
    }
    const parent = stack.at(-1);
    switch (token.name) {
      case 'keyValue':
        key = token.value;
        if (stack.length === 1) {
          layout.rootKeys.add(key);
          if (key === 'messages' || key === 'chats') layout.isExport = true;
        }
        return;
      case 'endObject':
      case 'endArray':
        stack.pop();
        return;
      case 'startObject':
      case 'startArray': {
        const keyInParent = parent?.array ? null : key;
        const index = parent?.array ? parent.count++ : -1;
        if (parent?.messagesOf) {
          message = { chat: parent.messagesOf, assembler: new Assembler<TelegramMessage>() };
          message.assembler.consume(token);
          return;
        }
        const array = token.name === 'startArray';
        const chat = array ? null : chatAt(stack, index);
        if (chat) {
          layout.chats.push(chat);
          visit.chat?.(chat);
        }
        const messagesOf = array && keyInParent === 'messages' && parent?.chat ? parent.chat : null;
        if (messagesOf === 'root') layout.rootHasMessageList = true;
        stack.push({ array, key: keyInParent, count: 0, chat, messagesOf });
        return;
      }
      default: {
        const value = scalarOf(token);
        if (parent?.array) {
          parent.count++;
          if (parent.messagesOf) visit.message?.(parent.messagesOf, value as TelegramMessage);
        } else if (parent?.chat && key !== null && CHAT_FIELDS.has(key)) {
          visit.chatField?.(parent.chat, key as 'name' | 'type' | 'id', value);
        }
      }
    }
  };
  for await (const tokens of jsonTokens(source)) for (const token of tokens) onToken(token);
  return layout;
}

/** The chat an object starting here is: the root, or an element of `chats.list` / `left_chats.list`. */
function chatAt(stack: readonly Frame[], index: number): ChatKey | null {
  if (stack.length === 0) return 'root';
  const [, section, list] = stack;
  const listed = stack.length === 3 && list?.array && list.key === 'list';
  return listed && (section?.key === 'chats' || section?.key === 'left_chats') ? `${section.key}.${index}` : null;
}
