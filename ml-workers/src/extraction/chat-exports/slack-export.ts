import { ExtractionFailure } from '../extraction-failure.ts';
import type { ChatMessageKind } from './chat-export.ts';
import { fromUnixSeconds } from './chat-time.ts';
import type { Conversation, DraftMessage } from './conversations.ts';

type SlackUser = {
  id?: string;
  name?: string;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string };
};
type SlackMessage = {
  type?: string;
  subtype?: string;
  user?: string;
  username?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  edited?: unknown;
  files?: { name?: string; subtype?: string }[];
  user_profile?: { real_name?: string; display_name?: string };
};

// Notices Slack keeps as messages; a bot's post is no one's words either.
const SERVICE_SUBTYPES = /^(?:channel_|group_|bot_message|pinned_item|tombstone|joiner_notification)/;

/** Slack's name for a user: the display name they chose, else their real name, else the handle. */
export function slackNames(users: readonly SlackUser[]): Map<string, string> {
  return new Map(
    users.flatMap((user) =>
      user.id
        ? [[user.id, user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || user.id]]
        : [],
    ),
  );
}

/**
 * One channel's day files (YYYY-MM-DD.json, arrays of messages) as
 * conversations: the channel itself and each thread apart, since a thread's
 * replies answer its first message, not what the channel said meanwhile.
 */
export function slackConversations(
  channel: string,
  days: readonly unknown[],
  names: ReadonlyMap<string, string>,
): Conversation[] {
  const byThread = new Map<string, DraftMessage[]>();
  for (const day of days) {
    if (!Array.isArray(day)) {
      throw new ExtractionFailure(
        'UNSUPPORTED_FORMAT',
        `A day file of Slack channel "${channel}" is not a list of messages`,
      );
    }
    // Anything but a message object in the list (null, a number) carries no one's words.
    const listed = day.filter((entry): entry is SlackMessage => typeof entry === 'object' && entry !== null);
    for (const message of listed) {
      // A thread's first message opens the thread's conversation; its replies follow it there.
      const key = message.thread_ts ? `${channel} / thread ${message.thread_ts}` : channel;
      const messages = byThread.get(key) ?? [];
      messages.push(slackMessage(message, names));
      byThread.set(key, messages);
    }
  }
  return [...byThread].map(([name, messages]) => ({ name, messages }));
}

function slackMessage(message: SlackMessage, names: ReadonlyMap<string, string>): DraftMessage {
  const author =
    (message.user && names.get(message.user)) ||
    message.user_profile?.display_name ||
    message.user_profile?.real_name ||
    message.username ||
    message.user ||
    'Unknown';
  const audio = message.files?.find((file) => file.subtype === 'slack_audio');
  const kind: ChatMessageKind =
    message.subtype && SERVICE_SUBTYPES.test(message.subtype)
      ? 'service'
      : audio
        ? 'voice'
        : message.files?.length && !message.text
          ? 'media'
          : 'text';
  return {
    at: fromUnixSeconds(message.ts).at,
    author,
    text: readableText(message.text ?? '', names),
    forwarded: false,
    edited: message.edited !== undefined,
    kind,
    // Slack's export links files by a private URL; the files themselves are not in it.
    ...(kind === 'voice' || kind === 'media' ? { media: { fileName: null } } : {}),
  };
}

/** Slack's markup as a reader sees it: <@U123> → @name, <https://x|label> → label, &amp; → &. */
function readableText(text: string, names: ReadonlyMap<string, string>): string {
  return text
    .replace(/<@(\w+)(?:\|[^>]*)?>/g, (_, id: string) => `@${names.get(id) ?? id}`)
    .replace(/<#\w+\|([^>]+)>/g, '#$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
