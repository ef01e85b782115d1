import type { CitedSource, PersonaCard } from '@bishop/domain';
import type { OpenedPersona } from '../persona/index.ts';
import type { RecalledExchange } from './chat-memory.ts';

/** What a reply is asked for: the message, the avatar as it is now, and the chat so far. */
export interface ReplyRequest {
  readonly message: string;
  readonly avatarName: string;
  readonly card: PersonaCard;
  /** The active persona version, opened; null for an untrained avatar. */
  readonly persona: OpenedPersona | null;
  /** Every earlier exchange of the chat, oldest first. */
  readonly earlier: readonly RecalledExchange[];
  /** Replies already given to this message (asked again): a new one should differ. */
  readonly saidBefore?: readonly string[];
}

export interface ReplyResult {
  /** The pieces given to onToken, joined. */
  readonly text: string;
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly sourceIds: readonly string[];
  /** The most telling of them, described for the user. */
  readonly sources: readonly CitedSource[];
  /** How close the best of them was to the message (see `closenessOf`); null when nothing was drawn on. */
  readonly closeness: number | null;
  readonly firstTokenMs: number | null;
}

export interface RespondOptions {
  readonly signal: AbortSignal;
  readonly onToken: (piece: string) => void;
}

/** A reply mode: an LLM with the persona in its prompt, or the person's own past replies (no LLM). */
export interface Responder {
  readonly mode: 'llm' | 'retrieval';
  respond(request: ReplyRequest, options: RespondOptions): Promise<ReplyResult>;
}

/** A reply cannot be made for a reason retrying will not change; `reason` is for people. */
export class NoReplyError extends Error {
  override readonly name = 'NoReplyError';
  readonly reasonCode: string;
  constructor(reasonCode: string, reason: string) {
    super(reason);
    this.reasonCode = reasonCode;
  }
}
