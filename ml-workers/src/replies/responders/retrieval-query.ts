import type { ReplyRequest } from '../responder.ts';

// A message this short ("а почему?", "and then?") says little by itself: the turn before it says what it is about.
const SHORT_MESSAGE_WORDS = 4;

/** What to search the person's words and the chat's past with: the message, with the last exchange when it is short. */
export function retrievalQuery(request: ReplyRequest): string {
  const words = request.message.split(/\s+/).filter(Boolean).length;
  const last = request.earlier.at(-1);
  if (words >= SHORT_MESSAGE_WORDS || !last) return request.message;
  return [last.userText, last.replyText ?? '', request.message].join('\n');
}
