import type { MessageFieldsFragment } from '../graphql/generated/graphql.ts';
import { ReplyAssembler, type ReplyPiece, type StreamedReply } from './reply-stream.ts';

/** A page of a chat's messages, newest first, as `messages(newestFirst: true)` returns it. */
export interface MessagePage {
  readonly nodes: readonly MessageFieldsFragment[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
}

/** Fetches the page of messages older than the one the cursor ends. */
export type EarlierPageFetcher = (cursor: string) => Promise<MessagePage>;

const bySentAt = (a: MessageFieldsFragment, b: MessageFieldsFragment) => a.sentAt.localeCompare(b.sentAt);

/**
 * The messages of one open chat as the user sees them: the newest page of history, earlier pages
 * as the user asks for them, then live changes (`messageChanged`) and reply pieces (`replyTokens`)
 * merged in.
 */
export class ChatFeed {
  /** Oldest first. */
  messages = $state<MessageFieldsFragment[]>([]);
  /** Reply text streaming in, by message id. */
  streams = $state<Record<string, StreamedReply>>({});
  /** An earlier page is being fetched. */
  loadingEarlier = $state(false);
  /** Where the loaded history begins (keyset: messages before it are older); null once it reaches the chat's start. */
  #earlierCursor = $state<string | null>(null);
  readonly #assembler = new ReplyAssembler();

  constructor(newest: MessagePage | readonly MessageFieldsFragment[]) {
    const page: MessagePage = 'nodes' in newest ? newest : { nodes: newest, pageInfo: { hasNextPage: false } };
    this.messages = [...page.nodes].sort(bySentAt);
    this.#earlierCursor = this.#cursorAfter(page);
  }

  /** Older messages than the loaded ones exist. */
  get hasEarlier(): boolean {
    return this.#earlierCursor !== null;
  }

  /**
   * Loads the page before the oldest loaded message (one at a time: a second call while one is in
   * flight does nothing). Keyset paging by position: messages sent meanwhile cannot shift the page.
   */
  async loadEarlier(fetchEarlier: EarlierPageFetcher): Promise<void> {
    const cursor = this.#earlierCursor;
    if (cursor === null || this.loadingEarlier) return;
    this.loadingEarlier = true;
    try {
      const page = await fetchEarlier(cursor);
      const known = new Set(this.messages.map((m) => m.id));
      const older = page.nodes.filter((m) => !known.has(m.id) && !m.deletedAt);
      this.messages = [...older, ...this.messages].sort(bySentAt);
      this.#earlierCursor = this.#cursorAfter(page);
    } finally {
      this.loadingEarlier = false;
    }
  }

  /** The loaded messages include this one. */
  has(messageId: string): boolean {
    return this.messages.some((m) => m.id === messageId);
  }

  /** The feed shows this message exactly as it is (a subscription starts with the messages as they are). */
  shows(message: MessageFieldsFragment): boolean {
    const shown = this.messages.find((m) => m.id === message.id);
    return shown !== undefined && JSON.stringify(shown) === JSON.stringify(message);
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
    if (index !== -1) this.messages[index] = message;
    else if (!this.#beforeLoaded(message)) {
      // In its place by time: usually the end, but a change can overtake an earlier one's.
      const after = this.messages.findIndex((m) => bySentAt(m, message) > 0);
      this.messages.splice(after === -1 ? this.messages.length : after, 0, message);
    }
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

  /** A change to a message older than every loaded one, while older pages are not loaded: its page brings it. */
  #beforeLoaded(message: MessageFieldsFragment): boolean {
    const oldest = this.messages[0];
    return this.#earlierCursor !== null && oldest !== undefined && bySentAt(message, oldest) < 0;
  }

  #cursorAfter(page: MessagePage): string | null {
    return page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  }
}
