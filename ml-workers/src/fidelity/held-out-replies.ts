import type { PersonaCard } from '@bishop/domain';
import type { OpenedPersona } from '../persona/index.ts';
import { NoReplyError, type Responder } from '../replies/index.ts';

export interface RepliesRequest {
  readonly responder: Responder;
  readonly messages: readonly string[];
  readonly avatarName: string;
  readonly card: PersonaCard;
  /** The version replying; null: the untrained baseline (persona card only). */
  readonly persona: OpenedPersona | null;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  /** Called after each reply (the job's heartbeat). */
  readonly replied: () => void;
}

/**
 * The responder's reply to each held-out message, as the avatar would give it
 * in a new chat (no history); null where it answers that it cannot (an
 * untrained avatar in retrieval mode, nothing fitting): that is its real answer.
 */
export async function repliesTo(request: RepliesRequest): Promise<(string | null)[]> {
  const replies: (string | null)[] = [];
  for (const message of request.messages) {
    request.signal.throwIfAborted();
    try {
      const result = await request.responder.respond(
        { message, avatarName: request.avatarName, card: request.card, persona: request.persona, earlier: [] },
        { signal: AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]), onToken: () => {} },
      );
      replies.push(result.text.trim() === '' ? null : result.text);
    } catch (error) {
      if (!(error instanceof NoReplyError)) throw error;
      replies.push(null);
    }
    request.replied();
  }
  return replies;
}
