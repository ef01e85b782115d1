import type { StyleProfile } from '@bishop/domain';
import type { LanguageModel } from '../../llm/index.ts';
import { recallExchanges } from '../chat-memory.ts';
import { buildReplyPrompt, PromptTooLongError } from '../prompt/build-reply-prompt.ts';
import {
  NoReplyError,
  type ReplyRequest,
  type ReplyResult,
  type Responder,
  type RespondOptions,
} from '../responder.ts';
import { citedIn } from './cited-in-prompt.ts';
import { retrievalQuery } from './retrieval-query.ts';

export interface LlmResponderOptions {
  readonly maxNewTokens: number;
  readonly temperature: number;
  /** Candidates for the prompt; the builder drops the lowest-ranked ones that do not fit. */
  readonly knowledge?: number;
  readonly exemplars?: number;
  readonly memory?: number;
  /** Recent exchanges offered as history; older ones are reached through memory. */
  readonly historyTurns?: number;
}

/**
 * Replies with a language model: persona card + style profile + retrieved
 * knowledge + style exemplars + recalled and recent chat, within the model's
 * context, then streams what the model writes.
 */
export function llmResponder(llm: LanguageModel, options: LlmResponderOptions): Responder {
  const historyTurns = options.historyTurns ?? 20;
  return {
    mode: 'llm',
    async respond(request: ReplyRequest, { signal, onToken }: RespondOptions): Promise<ReplyResult> {
      const { persona } = request;
      const query = retrievalQuery(request);
      const [knowledge, exemplars] = persona
        ? await Promise.all([
            persona.knowledge(query, options.knowledge ?? 6),
            persona.exemplars(request.message, options.exemplars ?? 4),
          ])
        : [[], []];
      const history = request.earlier.slice(-historyTurns);
      const memory = recallExchanges(request.earlier.slice(0, -historyTurns || undefined), query, options.memory ?? 4);
      let prompt: ReturnType<typeof buildReplyPrompt>;
      try {
        prompt = buildReplyPrompt(
          {
            avatarName: request.avatarName,
            card: persona?.card ?? request.card,
            style: (persona?.style as StyleProfile | undefined) ?? null,
            knowledge: knowledge.map(({ item }) => ({ id: item.id, text: item.text })),
            exemplars: exemplars.map(({ item }) => ({ id: item.id, prompt: item.prompt, reply: item.reply })),
            memory,
            history,
            message: request.message,
          },
          { contextTokens: llm.contextTokens, replyTokens: options.maxNewTokens },
          (messages) => llm.countTokens(messages),
        );
      } catch (error) {
        if (error instanceof PromptTooLongError) throw new NoReplyError('MESSAGE_TOO_LONG', error.message);
        throw error;
      }
      const generation = await llm.generate(prompt.messages, {
        maxNewTokens: options.maxNewTokens,
        temperature: options.temperature,
        signal,
        onToken,
      });
      if (generation.text === '') throw new NoReplyError('EMPTY_REPLY', 'The model produced no text for this message');
      return {
        text: generation.text,
        model: llm.name,
        promptTokens: generation.promptTokens,
        completionTokens: generation.completionTokens,
        sourceIds: prompt.sourceIds,
        ...citedIn(prompt.sourceIds, request.message, { knowledge, exemplars, memory }),
        firstTokenMs: generation.firstTokenMs,
      };
    },
  };
}
