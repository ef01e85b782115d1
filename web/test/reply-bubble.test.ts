import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ChatActions } from '../src/lib/chat/chat-actions.ts';
import ReplyBubble from '../src/lib/components/chats/ReplyBubble.svelte';
import type { MessageFieldsFragment } from '../src/lib/graphql/generated/graphql.ts';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

const pending: MessageFieldsFragment = {
  id: 'm1',
  chatId: 'c1',
  kind: 'TEXT',
  voice: null,
  text: 'Hello?',
  sentAt: '2026-01-01T00:00:00Z',
  replyState: 'PENDING',
  editedAt: null,
  deletedAt: null,
  failure: null,
  reply: null,
  replies: [],
};

type Reply = NonNullable<MessageFieldsFragment['reply']>;
const reply = (overrides: Partial<Reply> = {}): Reply => ({
  id: 'r1',
  text: 'Hello, world',
  personaVersion: 1,
  latencyMs: 120,
  model: 'retrieval',
  closeness: 0.9,
  lowConfidence: false,
  rating: null,
  repliedAt: '2026-01-01T00:00:05Z',
  cut: null,
  sources: [],
  dub: null,
  ...overrides,
});
const replied = (overrides: Partial<Reply> = {}, replies = [{ id: 'r1' }]): MessageFieldsFragment => ({
  ...pending,
  replyState: 'REPLIED',
  reply: reply(overrides),
  replies,
});

/** Records what the user asked for. */
function recordingActions() {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return true;
    };
  return {
    calls,
    chatActions: {
      regenerate: record('regenerate'),
      choose: record('choose'),
      rate: record('rate'),
      edit: record('edit'),
      remove: record('remove'),
    } as unknown as ChatActions,
  };
}
const { chatActions } = recordingActions();

describe('reply bubble', () => {
  i18n.setLocale('en');

  it('says the avatar is typing until the first piece arrives', () => {
    render(ReplyBubble, { message: pending, avatarName: 'Ada', chatActions });
    expect(screen.getByRole('status').textContent).toContain('Ada is typing…');
  });

  it('shows the text streamed so far, without the typing notice', () => {
    render(ReplyBubble, {
      message: pending,
      avatarName: 'Ada',
      chatActions,
      stream: { text: 'Hello, wor', started: true, done: false },
    });
    expect(screen.getByText('Hello, wor')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the stored reply and its spoken version once ready', () => {
    const spoken = replied({
      dub: {
        state: 'READY',
        audioUrl: '/api/media/avatars/a/chats/c/dubs/d?s=x',
        durationSec: 2.5,
        voice: 'generic',
        madeUnderWithdrawnConsent: false,
        failure: null,
      },
    });
    const { container } = render(ReplyBubble, { message: spoken, avatarName: 'Ada', chatActions });
    expect(screen.getByText('Hello, world')).toBeTruthy();
    expect(container.querySelector('audio')?.getAttribute('src')).toContain('/dubs/');
    expect(screen.getByLabelText('Play the spoken reply')).toBeTruthy();
  });

  it('says why a reply failed, in words', () => {
    render(ReplyBubble, {
      message: {
        ...pending,
        replyState: 'FAILED',
        failure: { code: 'LLM_DOWN', reason: 'The language model stopped answering' },
      },
      avatarName: 'Ada',
      chatActions,
    });
    expect(screen.getByText('The language model stopped answering')).toBeTruthy();
  });

  it('tells an untrained avatar without a model to train it, in the reader’s language', () => {
    i18n.setLocale('ru');
    render(ReplyBubble, {
      message: { ...pending, replyState: 'FAILED', failure: { code: 'NOT_TRAINED', reason: 'English text' } },
      avatarName: 'Ada',
      chatActions,
    });
    expect(screen.getByText(/сначала обучите его/)).toBeTruthy();
    i18n.setLocale('en');
  });

  it('marks a reply whose sources were not close to the message', () => {
    render(ReplyBubble, { message: replied({ closeness: 0, lowConfidence: true }), avatarName: 'Ada', chatActions });
    expect(screen.getByRole('note').textContent).toContain('Nothing close to your message was found in Ada’s words');
  });

  it('shows what a reply drew on: the passage, its material and where in the recording', () => {
    const sources = [
      {
        id: 'm1:abc',
        kind: 'PASSAGE' as const,
        text: 'Радио изобрёл Попов.',
        prompt: null,
        startSec: 75,
        saidAt: null,
        material: { id: 'm1', fileName: 'lecture.mp3', uploadedAt: '2026-01-01T00:00:00Z' },
      },
    ];
    render(ReplyBubble, { message: replied({ sources }), avatarName: 'Ada', chatActions });
    expect(screen.getByText('What it drew on (1)')).toBeTruthy();
    expect(screen.getByText(/Passage from “lecture.mp3” at 1:15/)).toBeTruthy();
    expect(screen.getByText('Радио изобрёл Попов.')).toBeTruthy();
  });

  it('switches between replies, rates and regenerates through the chat actions', async () => {
    const { calls, chatActions: recorded } = recordingActions();
    const message = replied({ id: 'r2', rating: 'UP' }, [{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }]);
    render(ReplyBubble, { message, avatarName: 'Ada', chatActions: recorded });
    expect(screen.getByText('Reply 2 of 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Good reply' }).getAttribute('aria-pressed')).toBe('true');
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    screen.getByRole('button', { name: 'Previous reply' }).click();
    await settle();
    screen.getByRole('button', { name: 'Good reply' }).click();
    await settle();
    screen.getByRole('button', { name: /Regenerate/ }).click();
    await settle();
    expect(calls).toEqual([
      ['choose', 'm1', 'r1'],
      ['rate', 'r2', null],
      ['regenerate', 'm1'],
    ]);
  });
});
