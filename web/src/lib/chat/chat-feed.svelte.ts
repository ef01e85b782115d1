import type { MessageFieldsFragment } from '../graphql/generated/graphql.ts';
import { ReplyAssembler, type ReplyPiece, type StreamedReply } from './reply-stream.ts';

/**
 * The messages of one open chat as the user sees them: loaded history, then live
 * changes (`messageChanged`) and reply pieces (`replyTokens`) merged in.
 */
export class ChatFeed {
  /** Oldest first. */
  messages = $state<MessageFieldsFragment[]>([]);
  /** Reply text streaming in, by message id. */
  streams = $state<Record<string, StreamedReply>>({});
  readonly #assembler = new ReplyAssembler();

  constructor(history: readonly MessageFieldsFragment[]) {
    this.messages = [...history].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }

  /** A message was sent, answered, asked again, rewritten, dubbed, rated, failed or taken back. */
  upsert(message: MessageFieldsFragment): void {
    const index = this.messages.findIndex((m) => m.id === message.id);
    if (message.deletedAt) {
      if (index !== -1) this.messages.splice(index, 1);
      this.#assembler.forget(message.id);
      delete this.streams[message.id];
      return;
    }
    if (index === -1) this.messages.push(message);
    else this.messages[index] = message;
    if (message.replyState !== 'PENDING') {
      this.#assembler.forget(message.id);
      delete this.streams[message.id];
    }
  }

  /** A piece of a reply being generated. */
  receive(piece: ReplyPiece): void {
    const message = this.messages.find((m) => m.id === piece.messageId);
    // Pieces of a reply that already landed whole (e.g. after a reconnect) change nothing.
    if (message && message.replyState !== 'PENDING') return;
    this.streams[piece.messageId] = this.#assembler.apply(piece);
  }

  /** Something is still being answered (the message box shows "Stop"). */
  get pending(): MessageFieldsFragment | undefined {
    return this.messages.findLast((m) => m.replyState === 'PENDING');
  }
}
