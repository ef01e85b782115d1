import type { MaterialFieldsFragment } from '$lib/graphql/generated/graphql.ts';
import { i18n } from '$lib/i18n/i18n.svelte.ts';

type Chat = NonNullable<MaterialFieldsFragment['chat']>;

/**
 * What tells one chat export from another when every Telegram export is named
 * result.json: who wrote in it and when ("Boris Ivanov, Анна Петрова · 5 Mar 2024 – 6 Mar 2024").
 */
export function chatExportLabel(chat: Chat, locale = i18n.locale): string {
  const names = chat.participants.map((participant) => participant.name).join(', ');
  if (!chat.firstMessageAt || !chat.lastMessageAt) return names;
  // Without a time zone the times are the exporting device's wall clock, given as UTC.
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(chat.timeZoneKnown ? {} : { timeZone: 'UTC' }),
  });
  return `${names} · ${format.formatRange(new Date(chat.firstMessageAt), new Date(chat.lastMessageAt))}`;
}
