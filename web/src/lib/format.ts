import { i18n } from './i18n/i18n.svelte.ts';

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const unitsRu = ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'] as const;

/** 1536 → "1.5 KB" (decimal places only where they help). */
export function formatBytes(bytes: number, locale = i18n.locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
  return `${number} ${(locale === 'ru' ? unitsRu : units)[unit]}`;
}

/** Seconds → "1:05" or "1:02:05" (media times). */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Seconds → "about 3 min" style phrase for ETAs and durations. */
export function formatDuration(totalSeconds: number, locale = i18n.locale): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60)
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(seconds);
  const minutes = Math.round(seconds / 60);
  if (minutes < 90)
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(minutes / 60);
}

export function formatDateTime(iso: string, locale = i18n.locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** An instant as written when its zone is unknown (chat exports without one carry the wall clock as UTC). */
export function formatDateTimeAsWritten(iso: string, zoneKnown: boolean, locale = i18n.locale): string {
  const zone = zoneKnown ? {} : { timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone }).format(new Date(iso));
}

/** An ISO 639 code as a name in the UI's language, with the code: "French (fr)". */
export function formatLanguage(code: string, locale = i18n.locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export function formatDate(iso: string, locale = i18n.locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string, locale = i18n.locale): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
}

/** "5 minutes ago", "yesterday": for lists where the exact time matters less. */
export function formatRelative(iso: string, now = Date.now(), locale = i18n.locale): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(0, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return format.format(Math.round(seconds / 86400), 'day');
  return formatDate(iso, locale);
}

export function formatNumber(value: number, digits = 0, locale = i18n.locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function formatPercent(fraction: number, locale = i18n.locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Stage timings: "850 ms" below a second, "12.3 s" below a minute, then as formatDuration. */
export function formatMilliseconds(ms: number, locale = i18n.locale): string {
  if (ms < 1000)
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(
      Math.round(ms),
    );
  if (ms < 60_000)
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(ms / 1000);
  return formatDuration(ms / 1000, locale);
}
