import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ReplyBubble from '../src/lib/components/chats/ReplyBubble.svelte';
import type { MessageFieldsFragment } from '../src/lib/graphql/generated/graphql.ts';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

const pending: MessageFieldsFragment = {
  id: 'm1',
  chatId: 'c1',
  text: 'Hello?',
  sentAt: '2026-01-01T00:00:00Z',
  replyState: 'PENDING',
  failure: null,
  reply: null,
};

describe('reply bubble', () => {
  i18n.setLocale('en');

  it('says the avatar is typing until the first piece arrives', () => {
    render(ReplyBubble, { message: pending, avatarName: 'Ada' });
    expect(screen.getByRole('status').textContent).toContain('Ada is typing…');
  });

  it('shows the text streamed so far, without the typing notice', () => {
    render(ReplyBubble, {
      message: pending,
      avatarName: 'Ada',
      stream: { text: 'Hello, wor', started: true, done: false },
    });
    expect(screen.getByText('Hello, wor')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the stored reply and its spoken version once ready', () => {
    const replied: MessageFieldsFragment = {
      ...pending,
      replyState: 'REPLIED',
      reply: {
        id: 'r1',
        text: 'Hello, world',
        personaVersion: 1,
        latencyMs: 120,
        dub: {
          state: 'READY',
          audioUrl: '/api/media/avatars/a/chats/c/dubs/d?s=x',
          durationSec: 2.5,
          voice: 'generic',
          failure: null,
        },
      },
    };
    const { container } = render(ReplyBubble, { message: replied, avatarName: 'Ada' });
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
    });
    expect(screen.getByText('The language model stopped answering')).toBeTruthy();
  });
});
