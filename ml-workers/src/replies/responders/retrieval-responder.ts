import { setImmediate as nextTurn } from 'node:timers/promises';
import { StreamedText } from '../../llm/index.ts';
import type { PersonaPair, Retrieved } from '../../persona/index.ts';
import { fuseRanks } from '../../persona/index.ts';
import {
  NoReplyError,
  type ReplyRequest,
  type ReplyResult,
  type Responder,
  type RespondOptions,
} from '../responder.ts';
import { retrievalQuery } from './retrieval-query.ts';

export const RETRIEVAL_MODEL = 'retrieval';

const CANDIDATES = 8;
// A passage answers in place of a reply only in part: a few sentences, as someone would say in chat.
const PASSAGE_MAX_CHARS = 400;

/**
 * The reply mode that needs no LLM: the person's own reply to the past
 * message most like this one (their dialogue pairs, searched with the message
 * and with the chat's last exchange), not one the avatar already gave in this
 * chat; without a fitting pair, the most relevant thing they said. Streamed
 * word by word like a model's reply.
 */
export function retrievalResponder(): Responder {
  return {
    mode: 'retrieval',
    async respond(request: ReplyRequest, { signal, onToken }: RespondOptions): Promise<ReplyResult> {
      const { persona } = request;
      if (!persona) {
        throw new NoReplyError(
          'NOT_TRAINED',
          'This avatar has not been trained yet, and with no language model installed it can answer only with its person’s own words: train it first (or install a model with `bishop models pull llm`)',
        );
      }
      const query = retrievalQuery(request);
      const [byMessage, byContext] = await Promise.all([
        persona.exemplars(request.message, CANDIDATES),
        query === request.message ? Promise.resolve([]) : persona.exemplars(query, CANDIDATES),
      ]);
      const alreadySaid = new Set(
        request.earlier.map((exchange) => exchange.replyText).filter((text) => text !== null),
      );
      const pair = bestPair(byMessage, byContext, alreadySaid);
      const chosen = pair
        ? { id: pair.id, text: pair.reply }
        : await (async () => {
            const [passage] = await persona.knowledge(query, 1);
            return passage ? { id: passage.item.id, text: excerpt(passage.item.text) } : null;
          })();
      if (!chosen) {
        throw new NoReplyError(
          'NO_MATCH',
          'Nothing the person said in the training material fits this message, and with no language model installed the avatar answers only with the person’s own words',
        );
      }
      const started = performance.now();
      let firstTokenMs: number | null = null;
      const reply = new StreamedText([], (piece) => {
        firstTokenMs ??= performance.now() - started;
        onToken(piece);
      });
      const words = chosen.text.match(/\S+\s*/g) ?? [];
      for (const word of words) {
        signal.throwIfAborted();
        reply.push(word);
        // Let each piece go out before the next, as a model's would.
        await nextTurn();
      }
      const text = reply.finish();
      return {
        text,
        model: RETRIEVAL_MODEL,
        promptTokens: 0,
        completionTokens: words.length,
        sourceIds: [chosen.id],
        firstTokenMs,
      };
    },
  };
}

/** Fuses the two rankings (the message's weighs as much as the context's) and skips replies already given. */
function bestPair(
  byMessage: readonly Retrieved<PersonaPair>[],
  byContext: readonly Retrieved<PersonaPair>[],
  alreadySaid: ReadonlySet<string | null>,
): PersonaPair | null {
  const pairs = new Map<string, PersonaPair>();
  const ids: string[] = [];
  const positions = (list: readonly Retrieved<PersonaPair>[]) =>
    list.map(({ item }) => {
      if (!pairs.has(item.id)) {
        pairs.set(item.id, item);
        ids.push(item.id);
      }
      return ids.indexOf(item.id);
    });
  // The message's own ranking is listed twice: it counts double against the context's.
  const messageRanks = positions(byMessage);
  const fused = fuseRanks([messageRanks, messageRanks, positions(byContext)]);
  const ranked = fused.map(({ index }) => pairs.get(ids[index] as string) as PersonaPair);
  return ranked.find((pair) => !alreadySaid.has(pair.reply)) ?? ranked[0] ?? null;
}

function excerpt(text: string): string {
  if (text.length <= PASSAGE_MAX_CHARS) return text;
  const cut = text.slice(0, PASSAGE_MAX_CHARS);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return sentenceEnd > 80 ? cut.slice(0, sentenceEnd + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
