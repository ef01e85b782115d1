import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiClient } from '../src/api-client.ts';
import { eventually } from '../src/async.ts';
import { bishopInChromium } from './bishop-in-chromium.ts';
import { axeViolations, freshPage, screenshots } from './browser.ts';

const MESSAGES = 120;
/** The one message the search below looks for, far back in the chat (its words are found nowhere else). */
const LINKED = 5;
const textOf = (n: number) => (n === LINKED ? 'Помнишь ту поездку в Калугу?' : `Сообщение номер ${n}`);

/** The ids of the messages the page shows, top to bottom. */
const shownIds = (page: Page) =>
  page.evaluate<string[]>(
    `[...document.querySelectorAll('ol.messages > li[id^="message-"]')].map((li) => li.id.slice('message-'.length))`,
  );
/** Where a message's top is on the screen (px from the viewport's top). */
const screenTop = (page: Page, messageId: string) =>
  page.evaluate<number>(`document.getElementById('message-${messageId}').getBoundingClientRect().top`);

/**
 * A chat longer than the page the chat view loads (its newest 50: the gateway's query-cost limit), in
 * Chromium against `bishop start`: it opens at the newest message, earlier pages come on request and on
 * scrolling up to them, in order, each message once, the message being read staying put — and a search
 * result far back in the chat opens at its message.
 */
describe('a long chat’s earlier messages in Chromium against bishop start', () => {
  const rig = bishopInChromium('chat-history');

  /** A user with an untrained avatar (replies fail at once) and a chat of MESSAGES messages, sent through the API. */
  async function longChat() {
    const api = apiClient(rig.bishop.url);
    const email = `history-${crypto.randomUUID()}@example.org`;
    const password = 'correct horse battery';
    const token = await api.signUp(email, 'Анна Петрова', password);
    const { avatarId } = await api.createAvatar(token, 'Анна');
    const call = async (query: string, variables: Record<string, unknown>) => {
      const result = await api.gql(query, variables, { token });
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const opened = await call('mutation($a: ID!) { openChat(avatarId: $a, title: "Долгий разговор") { chatId } }', {
      a: avatarId,
    });
    const chatId: string = opened.openChat.chatId;
    const ids: string[] = [];
    for (let n = 1; n <= MESSAGES; n++) {
      const sent = await call('mutation($c: ID!, $t: String!) { sendMessage(chatId: $c, text: $t) { messageId } }', {
        c: chatId,
        t: textOf(n),
      });
      ids.push(sent.sendMessage.messageId);
    }
    // Every reply settled (failed: untrained), so no live change lands while the test reads the page.
    await eventually(async () => {
      // Pages hold at most 100: the newest and the oldest 100 together cover the chat.
      const { chat } = await call(
        `query($c: ID!) { chat(id: $c) { messageCount
          newest: messages(first: 100, newestFirst: true) { nodes { replyState } }
          oldest: messages(first: 100) { nodes { replyState } } } }`,
        { c: chatId },
      );
      const nodes: { replyState: string }[] = [...chat.newest.nodes, ...chat.oldest.nodes];
      return chat.messageCount === MESSAGES && nodes.every((m) => m.replyState !== 'PENDING');
    }, 120_000);
    return { email, password, avatarId, chatId, ids };
  }

  it('opens at the newest, loads earlier pages in order without repeats, keeps the place, and finds an old message by search', async () => {
    const shot = screenshots('chat-history');
    const chat = await longChat();
    const { page, context, errors } = await freshPage(rig.browser);
    try {
      await page.goto(`${rig.bishop.url}/login`);
      await page.getByLabel('Email').fill(chat.email);
      await page.getByLabel('Password').fill(chat.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Your avatars' }).waitFor();
      const chatUrl = `${rig.bishop.url}/avatars/${chat.avatarId}/chats/${chat.chatId}`;
      await page.goto(chatUrl);

      // The newest 50, oldest first, the newest in sight above the message box.
      const newest = page.getByText(textOf(MESSAGES), { exact: true });
      await newest.waitFor();
      await page.waitForTimeout(500);
      assert.deepEqual(await shownIds(page), chat.ids.slice(-50));
      const viewport = page.viewportSize()?.height ?? 0;
      const newestBox = await newest.boundingBox();
      assert.ok(newestBox && newestBox.y >= 0 && newestBox.y + newestBox.height <= viewport, 'the newest is in sight');
      const earlier = page.getByRole('button', { name: 'Show earlier messages' });
      await earlier.waitFor();
      assert.deepEqual(await axeViolations(page), []);

      // The button (pressed where it is, without scrolling to it): the page before, the view unmoved.
      const newestTop = await screenTop(page, chat.ids[MESSAGES - 1] as string);
      await earlier.dispatchEvent('click');
      await eventually(async () => (await shownIds(page)).length === 100, 30_000);
      assert.deepEqual(await shownIds(page), chat.ids.slice(-100));
      assert.ok(
        Math.abs((await screenTop(page, chat.ids[MESSAGES - 1] as string)) - newestTop) <= 2,
        'the view stays on the newest',
      );

      // Scrolling up to the top brings the rest; the message that was first stays where it was on the screen.
      const firstShown = chat.ids[MESSAGES - 100] as string;
      // Measured in the same turn as the scroll: before the page that the scroll asks for can arrive.
      const firstTop = await page.evaluate<number>(`(() => {
        window.scrollTo({ top: 0, behavior: 'instant' });
        return document.getElementById('message-${firstShown}').getBoundingClientRect().top;
      })()`);
      await eventually(async () => (await shownIds(page)).length === MESSAGES, 30_000);
      assert.deepEqual(await shownIds(page), chat.ids, 'every message once, in order');
      await earlier.waitFor({ state: 'detached' });
      assert.ok(Math.abs((await screenTop(page, firstShown)) - firstTop) <= 2, 'the message read stays put');
      assert.deepEqual(await axeViolations(page), []);
      await shot(page, 'all-loaded');

      // In Russian, the button speaks Russian.
      await page.getByLabel('Language').selectOption('ru');
      await page.reload();
      await page.getByRole('button', { name: 'Показать более ранние сообщения' }).waitFor();
      await page.getByLabel('Язык', { exact: true }).selectOption('en');

      // A search result in the chat's first page opens the chat at that message.
      await page.goto(`${rig.bishop.url}/avatars/${chat.avatarId}/chats`);
      await page.getByLabel('Search this avatar’s chats').fill('калугу');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('region', { name: 'Found in chats' }).getByRole('link', { name: 'Долгий разговор' }).click();
      const linked = page.locator(`#message-${chat.ids[LINKED - 1]}`);
      await linked.waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      const linkedBox = await linked.boundingBox();
      assert.ok(
        linkedBox && linkedBox.y < viewport && linkedBox.y + linkedBox.height > 0,
        'the found message is in sight',
      );
      const shown = await shownIds(page);
      assert.equal(new Set(shown).size, shown.length, 'no message twice');
      assert.deepEqual(shown, chat.ids.slice(-shown.length), 'a run of the newest, no gap');
      await shot(page, 'search-result');
      assert.deepEqual(errors, []);
    } catch (error) {
      await shot(page, 'failure');
      throw error;
    } finally {
      await context.close();
    }
  });
});
