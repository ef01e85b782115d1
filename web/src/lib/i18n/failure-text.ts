import { i18n, t } from './i18n.svelte.ts';
import type { MessageKey } from './messages.en.ts';

/** Failure codes the workers record, each with a sentence in every language of the UI. */
const known = new Set([
  'ARCHIVE_DAMAGED',
  'CANCELLED',
  'EMPTY',
  'INTERRUPTED',
  'INVALID_SETTINGS',
  'LLM_UNAVAILABLE',
  'MATERIAL_UNREADABLE',
  'MODEL_MISSING',
  'NO_PERSON_WORDS',
  'NO_SPEECH',
  'NOT_TRAINED',
  'PARTICIPANT_UNKNOWN',
  'PROCESSING_FAILED',
  'REPLY_ERASED',
  'SAMPLE_UNFIT',
  'SUPERSEDED',
  'TIMEOUT',
  'TTS_UNAVAILABLE',
]);

/** Why something failed as a sentence in the reader's language (the code is for programs). */
export function reasonText(code: string | null): string {
  return code && known.has(code) ? t(`history.reason.${code}` as MessageKey) : t('history.reason.other');
}

/**
 * A recorded failure for people: the worker's own, more specific English in English; in another
 * language the sentence its code stands for (the English only when the code is not a known one).
 */
export function failureText(failure: { readonly code: string; readonly reason: string }): string {
  if (i18n.locale === 'en' || !known.has(failure.code)) return failure.reason;
  return reasonText(failure.code);
}
