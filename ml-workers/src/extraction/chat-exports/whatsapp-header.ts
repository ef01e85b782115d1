/** The start of a WhatsApp message line, before the date order of the whole file is known. */
export type WhatsAppHeader = {
  /** The date's numbers in file order, e.g. [12, 31, 23] or [2023, 12, 31]. */
  dateFields: [number, number, number];
  dateSeparator: string;
  hour: number;
  minute: number;
  second: number;
  twelveHourClock: boolean;
  /** The text after the timestamp: "Name: message" or a system notice. */
  rest: string;
};

const DATE = String.raw`(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?: ?([ap])\.? ?m\.?)?`;
// iOS: "[31.12.23, 21:41:05] Name: text"; Android: "31/12/2023, 21:41 - Name: text".
// The comma after the date is missing in some locales.
const IOS_LINE = new RegExp(String.raw`^\[${DATE},? ${TIME}\] (.*)$`, 'i');
const ANDROID_LINE = new RegExp(`^${DATE},? ${TIME} - (.*)$`, 'i');

/**
 * Parses a line that starts a message, or returns null for a continuation line.
 * iOS puts left-to-right marks before some lines and CLDR puts a narrow no-break
 * space before AM/PM, so those are normalised first.
 */
export function parseHeader(line: string): WhatsAppHeader | null {
  const plain = line.replace(/^[\u200e\u200f]+/, '').replace(/[\u202f\u00a0\u2009]/g, ' ');
  const found = IOS_LINE.exec(plain) ?? ANDROID_LINE.exec(plain);
  if (!found) return null;
  const [, a, separator, b, c, hour, minute, second, meridiem, rest] = found;
  return {
    dateFields: [Number(a), Number(b), Number(c)],
    dateSeparator: separator ?? '/',
    hour: to24Hour(Number(hour), meridiem?.toLowerCase()),
    minute: Number(minute),
    second: Number(second ?? 0),
    twelveHourClock: meridiem !== undefined,
    rest: rest ?? '',
  };
}

function to24Hour(hour: number, meridiem: string | undefined): number {
  if (meridiem === 'a') return hour % 12;
  if (meridiem === 'p') return (hour % 12) + 12;
  return hour;
}
