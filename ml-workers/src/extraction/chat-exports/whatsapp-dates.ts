import { ExtractionFailure } from '../extraction-failure.ts';
import type { WhatsAppHeader } from './whatsapp-header.ts';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/**
 * Day-first or month-first is one setting for the whole file, so it is decided
 * once: a first field above 12 means day-first, a second above 12 month-first.
 * When every date fits both, the order that keeps the messages chronological
 * wins (exports are in order); a dot separator ("31.12.23") then means day-first,
 * and so does the rest of the world outside the US-style 12-hour clock.
 */
export function resolveDateOrder(headers: readonly WhatsAppHeader[], usesTwelveHourClock: boolean): DateOrder {
  if (headers.every((h) => h.dateFields[0] > 31)) return 'ymd';
  const dayFirst = headers.some((h) => h.dateFields[0] > 12);
  const monthFirst = headers.some((h) => h.dateFields[1] > 12);
  if (dayFirst && monthFirst) {
    throw new ExtractionFailure(
      'UNSUPPORTED_FORMAT',
      'The dates in this WhatsApp export mix day-first and month-first',
    );
  }
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  const backwardsDmy = countBackwardSteps(headers, 'dmy');
  const backwardsMdy = countBackwardSteps(headers, 'mdy');
  if (backwardsDmy !== backwardsMdy) return backwardsDmy < backwardsMdy ? 'dmy' : 'mdy';
  if (headers.some((h) => h.dateSeparator === '.')) return 'dmy';
  return usesTwelveHourClock ? 'mdy' : 'dmy';
}

/** The header's local wall-clock time as ISO 8601 without an offset; null if no such day exists. */
export function localTimestamp(header: WhatsAppHeader, order: DateOrder): string | null {
  const [first, second, third] = header.dateFields;
  const [year, month, day] =
    order === 'ymd' ? [first, second, third] : order === 'dmy' ? [third, second, first] : [third, first, second];
  const fullYear = year < 100 ? 2000 + year : year;
  const time = Date.UTC(fullYear, month - 1, day, header.hour, header.minute, header.second);
  const date = new Date(time);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || header.hour > 23 || header.minute > 59)
    return null;
  return date.toISOString().slice(0, 19);
}

function countBackwardSteps(headers: readonly WhatsAppHeader[], order: DateOrder): number {
  let steps = 0;
  let previous = '';
  for (const header of headers) {
    const at = localTimestamp(header, order);
    if (at === null) return Number.POSITIVE_INFINITY;
    if (at < previous) steps++;
    previous = at;
  }
  return steps;
}
