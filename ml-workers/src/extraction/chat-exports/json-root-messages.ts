import { Assembler } from 'stream-json/assembler.js';
import { type JsonSource, jsonTokens, scalarOf, type Token } from './json-tokens.ts';

/**
 * One pass over a JSON export whose root object holds a `messages` list beside a few small fields
 * (DiscordChatExporter's channel, Facebook's message_N.json): each message is assembled alone and handed to
 * `message`, never the list; the root's other fields are assembled and returned. A busy channel's export
 * runs to gigabytes, and parsed whole it took several times its size.
 */
export async function walkRootMessages(
  source: JsonSource,
  message: (value: unknown) => void,
): Promise<Record<string, unknown>> {
  const fields: Record<string, unknown> = {};
  let depth = 0;
  let key: string | null = null;
  let inMessages = false;
  let value: { assembler: Assembler; done: (assembled: unknown) => void } | null = null;
  const onToken = (token: Token) => {
    if (value) {
      value.assembler.consume(token);
      if (value.assembler.done) {
        value.done(value.assembler.current);
        value = null;
      }
      return;
    }
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        if (inMessages || (depth === 1 && !(key === 'messages' && token.name === 'startArray'))) {
          value = { assembler: new Assembler(), done: inMessages ? message : fieldSetter(fields, key) };
          value.assembler.consume(token);
          return;
        }
        inMessages = depth === 1;
        depth++;
        return;
      // Outside the assembler, only the messages list and the root end.
      case 'endObject':
      case 'endArray':
        depth--;
        inMessages = false;
        return;
      case 'keyValue':
        if (depth === 1) key = token.value;
        return;
      default:
        if (inMessages) message(scalarOf(token));
        else if (depth === 1) fieldSetter(fields, key)(scalarOf(token));
    }
  };
  for await (const tokens of jsonTokens(source)) for (const token of tokens) onToken(token);
  return fields;
}

function fieldSetter(fields: Record<string, unknown>, key: string | null): (value: unknown) => void {
  return (value) => {
    if (key !== null) fields[key] = value;
  };
}
