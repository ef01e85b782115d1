import type { Rating } from '../graphql/generated/graphql.ts';

/** What the user can do to a message and its replies; the chat page sends each as a mutation. */
export interface ChatActions {
  regenerate(messageId: string): Promise<void>;
  choose(messageId: string, replyId: string): Promise<void>;
  rate(replyId: string, rating: Rating | null): Promise<void>;
  edit(messageId: string, text: string): Promise<boolean>;
  remove(messageId: string): Promise<void>;
}
