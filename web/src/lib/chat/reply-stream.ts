/** One piece of a reply as `replyTokens` delivers it. */
export interface ReplyPiece {
  readonly messageId: string;
  readonly index: number;
  readonly text: string;
  readonly done: boolean;
}

export interface StreamedReply {
  /** The text of the pieces received in order so far (no gaps). */
  readonly text: string;
  /** Pieces have started arriving. */
  readonly started: boolean;
  /** The last piece arrived (the full reply then lands on `messageChanged`). */
  readonly done: boolean;
}

interface Assembly {
  next: number;
  text: string;
  pending: Map<number, ReplyPiece>;
  done: boolean;
}

/**
 * Puts a reply back together from its pieces: they are applied in index order, a
 * piece that arrives early waits for the ones before it, and a repeated piece
 * (redelivery, reconnect) is ignored, so the text never shows twice or out of order.
 */
export class ReplyAssembler {
  readonly #replies = new Map<string, Assembly>();

  /** Applies one piece; returns the reply as it now reads. */
  apply(piece: ReplyPiece): StreamedReply {
    let assembly = this.#replies.get(piece.messageId);
    if (!assembly) {
      assembly = { next: 0, text: '', pending: new Map(), done: false };
      this.#replies.set(piece.messageId, assembly);
    }
    if (piece.index >= assembly.next && !assembly.pending.has(piece.index)) assembly.pending.set(piece.index, piece);
    for (let ready = assembly.pending.get(assembly.next); ready; ready = assembly.pending.get(assembly.next)) {
      assembly.pending.delete(assembly.next);
      assembly.text += ready.text;
      assembly.next += 1;
      if (ready.done) assembly.done = true;
    }
    return this.read(piece.messageId);
  }

  read(messageId: string): StreamedReply {
    const assembly = this.#replies.get(messageId);
    if (!assembly) return { text: '', started: false, done: false };
    return { text: assembly.text, started: assembly.next > 0, done: assembly.done };
  }

  /** Once the final reply is stored, its pieces are no longer needed. */
  forget(messageId: string): void {
    this.#replies.delete(messageId);
  }
}
