import { DomainError } from './errors.ts';

export interface TextRule {
  /** Human name of the field, used in messages ("Avatar name"). */
  readonly field: string;
  readonly maxLength: number;
  readonly minLength?: number;
  /** Multi-line texts (messages, descriptions) may hold newlines and tabs; names may not. */
  readonly multiline?: boolean;
}

// C0 and C1 controls, DEL, and the bidi overrides used to disguise text (Trojan Source).
export const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** Free text keeps \t, \n and \r. */
export const MULTILINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Invalid UTF-8 shows up in a JS string as a lone surrogate, or as U+FFFD left by a lenient decoder. */
export function isValidUtf8Text(value: string): boolean {
  return value.isWellFormed() && !value.includes('\ufffd');
}

/** Validates and normalises (NFC, trimmed) a text field. */
export function validText(value: string, rule: TextRule): string {
  if (typeof value !== 'string') {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${rule.field} must be text`, { field: rule.field });
  }
  if (!isValidUtf8Text(value)) {
    throw new DomainError('BISHOP_ERR_TEXT_INVALID_UTF8', `${rule.field} is not valid UTF-8 text`, {
      field: rule.field,
    });
  }
  const forbidden = rule.multiline ? MULTILINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN;
  if (forbidden.test(value)) {
    throw new DomainError(
      'BISHOP_ERR_TEXT_CONTROL_CHARACTERS',
      `${rule.field} contains control characters${rule.multiline ? '' : ' or line breaks'}`,
      { field: rule.field },
    );
  }
  const text = value.normalize('NFC').trim();
  const minLength = rule.minLength ?? 1;
  if (text.length < minLength) {
    throw new DomainError(
      'BISHOP_ERR_TEXT_REQUIRED',
      minLength === 1 ? `${rule.field} must not be empty` : `${rule.field} must be at least ${minLength} characters`,
      { field: rule.field, minLength },
    );
  }
  // Count code points, not UTF-16 units, so an emoji counts as one character.
  const length = codePointCount(text);
  if (length > rule.maxLength) {
    throw new DomainError(
      'BISHOP_ERR_TEXT_TOO_LONG',
      `${rule.field} must be at most ${rule.maxLength} characters (got ${length})`,
      { field: rule.field, maxLength: rule.maxLength, length },
    );
  }
  return text;
}

/**
 * Unicode code points in a string, as `[...text].length` counts them (an emoji is one, a lone surrogate one),
 * without copying it: spreading a 10-million-character book into an array of characters took ≈ 300 MB.
 */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** Like validText, but an empty value means "not set". */
export function optionalText(value: string | null | undefined, rule: TextRule): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return validText(value, rule);
}
