import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import { jsonParser, type Token } from 'stream-json/parser.js';
import { ExtractionFailure } from '../extraction-failure.ts';

export type { Token } from 'stream-json/parser.js';
/** Where a JSON file's bytes come from: each call reads it again from its start (a file, a ZIP entry, bytes). */
export type JsonSource = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * A JSON file's tokens as its bytes arrive, never the file as one string: chat exports run to gigabytes.
 * Keys, strings and numbers come packed (one token each); invalid or cut-off JSON fails as damaged.
 */
export async function* jsonTokens(source: JsonSource, what = 'The export file'): AsyncGenerator<readonly Token[]> {
  const tokenize = jsonParser({ packValues: true, streamValues: false });
  // Telegram, Discord and Facebook write UTF-8; a byte-order mark is dropped by the decoder.
  const decoder = new TextDecoder('utf-8');
  const tokensOf = (text: string | typeof none): readonly Token[] => {
    try {
      // A flushable stage is called with `none` once the input ends: cut-off JSON fails there.
      const out = tokenize(text as string);
      return isMany(out) ? (getManyValues(out) as Token[]) : [];
    } catch (error) {
      throw damaged(what, error);
    }
  };
  for await (const chunk of source()) {
    const tokens = tokensOf(decoder.decode(chunk, { stream: true }));
    if (tokens.length > 0) yield tokens;
  }
  const last = [...tokensOf(decoder.decode()), ...tokensOf(none)];
  if (last.length > 0) yield last;
}

export function damaged(what: string, cause: unknown): ExtractionFailure {
  return new ExtractionFailure('DOCUMENT_DAMAGED', `${what} is damaged or incomplete (it is not valid JSON)`, {
    cause,
  });
}

/** A scalar token's value (packed: one token per string or number). */
export function scalarOf(token: Token): unknown {
  switch (token.name) {
    case 'stringValue':
      return token.value;
    case 'numberValue':
      return Number(token.value);
    case 'nullValue':
      return null;
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    default:
      return undefined;
  }
}
