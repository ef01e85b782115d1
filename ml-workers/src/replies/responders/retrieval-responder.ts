import { setImmediate as nextTurn } from 'node:timers/promises';
import { StreamedText } from '../../llm/index.ts';
import type { PersonaPair, Retrieved } from '../../persona/index.ts';
import { fuseRanks } from '../../persona/index.ts';
import { citePair, citePassage, closenessOf, excerpt as cutExcerpt } from '../reply-sources.ts';
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
          // The same words as the chats page says before the first message: without a model, training comes first.
          'This avatar has not been trained yet, and with no language model installed it answers only with the person’s own words: train it first (Training tab). Until a language model is installed, nothing can answer from the persona card alone',
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
      for (const text of request.saidBefore ?? []) alreadySaid.add(text);
      const pair = bestPair(byMessage, byContext, alreadySaid);
      const chosen = pair
        ? {
            id: pair.item.id,
            text: pair.item.reply,
            source: citePair(pair.item),
            closeness: closenessOf(request.message, pair, pair.item.prompt),
          }
        : await (async () => {
            const [passage] = await persona.knowledge(query, 1);
            if (!passage) return null;
            const text = excerpt(passage.item.text);
            const closeness = closenessOf(request.message, passage, passage.item.text);
            return { id: passage.item.id, text, source: citePassage(passage.item), closeness };
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
        sources: [chosen.source],
        closeness: chosen.closeness,
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
): Retrieved<PersonaPair> | null {
  // The message's own hit comes first, so its similarity is the one to the message.
  const pairs = new Map<string, Retrieved<PersonaPair>>();
  const ids: string[] = [];
  const positions = (list: readonly Retrieved<PersonaPair>[]) =>
    list.map((found) => {
      if (!pairs.has(found.item.id)) {
        pairs.set(found.item.id, found);
        ids.push(found.item.id);
      }
      return ids.indexOf(found.item.id);
    });
  // The message's own ranking is listed twice: it counts double against the context's.
  const messageRanks = positions(byMessage);
  const fused = fuseRanks([messageRanks, messageRanks, positions(byContext)]);
  const ranked = fused.map(({ index }) => pairs.get(ids[index] as string) as Retrieved<PersonaPair>);
  return ranked.find((pair) => !alreadySaid.has(pair.item.reply)) ?? ranked[0] ?? null;
}

const excerpt = (text: string) => cutExcerpt(text, PASSAGE_MAX_CHARS);
