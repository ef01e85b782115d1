import { DomainError } from './errors.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export function validIsoDate(value: string, field: string): string {
  const parts = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const [year, month, day] = (parts?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined || !isCalendarDate(year, month, day)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be a date written as YYYY-MM-DD`, { field });
  }
  return value;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/** The calendar date (UTC) of an ISO instant such as `command.metadata.now`. */
export function dateOf(isoInstant: string): string {
  return isoInstant.slice(0, 10);
}
