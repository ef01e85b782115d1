import { DomainError } from './errors.ts';

// BCP-47 in practice: a 2–3 letter language, then optional script/region/variant subtags ("ru", "en-GB", "sr-Latn").
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** Validates a language tag and gives it its canonical case: `EN-gb` → `en-GB`. */
export function validLanguageCode(value: string, field: string): string {
  if (typeof value !== 'string' || value.length > 35 || !LANGUAGE_TAG.test(value)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be a language code such as "ru" or "en-GB"`, {
      field,
    });
  }
  const [language = '', ...subtags] = value.split('-');
  return [language.toLowerCase(), ...subtags.map(canonicalSubtagCase)].join('-');
}

function canonicalSubtagCase(subtag: string): string {
  if (/^[a-z]{2}$/i.test(subtag)) return subtag.toUpperCase(); // region
  if (/^[a-z]{4}$/i.test(subtag)) return subtag[0]?.toUpperCase() + subtag.slice(1).toLowerCase(); // script
  return subtag.toLowerCase();
}
