import { t } from '$lib/i18n/i18n.svelte.ts';
import { en } from '$lib/i18n/messages.en.ts';
import { ru } from '$lib/i18n/messages.ru.ts';

// A chat opened without a title was stored with the default in the language of the moment.
const defaultTitles = new Set([en['chats.defaultTitle'], ru['chats.defaultTitle']]);

/**
 * A chat's title as shown: the default one in the reader's language, whichever language stored it.
 * `untitled`: no title yet (the first message names it), as opposed to one erased.
 */
export function chatTitle(title: string | null, untitled = false): string {
  if (title === null) return untitled ? t('chats.defaultTitle') : t('common.erased');
  return defaultTitles.has(title) ? t('chats.defaultTitle') : title;
}
