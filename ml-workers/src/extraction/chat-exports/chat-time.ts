/** When a message was sent, as far as the export tells. */
export type ChatTime = {
  /** ISO 8601 in UTC (`…Z`), or null when the export's time could not be read. */
  at: string | null;
  /** False when the export gave a wall-clock time without a time zone, read here as if it were UTC. */
  zoneKnown: boolean;
};

const UNREADABLE: ChatTime = { at: null, zoneKnown: true };
// 2024-03-05T19:00:00, optionally with fractions, then Z or ±hh:mm / ±hhmm / ±hh.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A Unix time in seconds (Telegram's `date_unixtime` is a string of digits). */
export function fromUnixSeconds(value: unknown): ChatTime {
  if (typeof value === 'number') return instant(value * 1000, true);
  if (typeof value !== 'string' || !/^\s*-?\d{1,12}(?:\.\d+)?\s*$/.test(value)) return UNREADABLE;
  return instant(Number(value) * 1000, true);
}

/**
 * An ISO 8601 date-time as exports write it: with `Z` or an offset it is an
 * instant; without one it is a wall-clock time of unknown zone, read as UTC so
 * that differences between messages stay right.
 */
export function fromIsoDateTime(value: unknown): ChatTime {
  if (typeof value !== 'string') return UNREADABLE;
  const text = value.trim();
  const found = ISO_DATE_TIME.exec(text);
  if (!found) return UNREADABLE;
  const zone = found[1];
  const normal = text.replace(' ', 'T');
  if (!isCalendarDateTime(normal)) return UNREADABLE;
  if (zone === undefined) return instant(Date.parse(`${normal}Z`), false);
  // Date.parse reads "+03" and "+0300" inconsistently across engines; write the offset as ±hh:mm.
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
  return instant(Date.parse(normal.slice(0, normal.length - zone.length) + offset), true);
}

/** The milliseconds of a message's `at`; null when unknown. Also reads chats stored before `at` carried its `Z`. */
export function instantMs(at: string | null | undefined): number | null {
  if (!at) return null;
  const time = fromIsoDateTime(at);
  return time.at === null ? null : Date.parse(time.at);
}

/** Date.parse rolls "30 February" over to March; a time that names no real day is not read. */
function isCalendarDateTime(iso: string): boolean {
  const [year, month, day, hour, minute] = (iso.match(/\d+/g) ?? []).slice(0, 5).map(Number) as number[];
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day && (hour ?? 0) < 24 && (minute ?? 0) < 60;
}

function instant(ms: number, zoneKnown: boolean): ChatTime {
  // Beyond ±100,000,000 days JavaScript has no date, and toISOString would throw.
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return UNREADABLE;
  return { at: new Date(ms).toISOString().replace('.000Z', 'Z'), zoneKnown };
}
