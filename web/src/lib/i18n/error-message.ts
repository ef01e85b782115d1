import { ApiError } from '../graphql/api-error.ts';
import { serviceStatus } from '../status/service-status.svelte.ts';
import { i18n, t } from './i18n.svelte.ts';
import type { MessageKey } from './messages.en.ts';

/** API codes that have a message of their own in every UI language. */
const byBishopCode: Partial<Record<string, MessageKey>> = {
  BISHOP_ERR_INVALID_EMAIL: 'error.invalidEmail',
  BISHOP_ERR_PASSWORD_TOO_SHORT: 'error.passwordTooShort',
  BISHOP_ERR_PASSWORD_TOO_LONG: 'error.passwordTooLong',
  BISHOP_ERR_PASSWORD_BLANK: 'error.passwordBlank',
  BISHOP_ERR_PASSWORD_PERSONAL: 'error.passwordPersonal',
  BISHOP_ERR_PASSWORD_COMMON: 'error.passwordCommon',
  BISHOP_ERR_SESSION_REQUIRED: 'error.sessionRequired',
  BISHOP_ERR_RESET_LINK_INVALID: 'error.resetLinkInvalid',
  BISHOP_ERR_INVITE_INVALID: 'error.inviteInvalid',
  BISHOP_ERR_EMAIL_TAKEN: 'error.emailTaken',
  BISHOP_ERR_WRONG_CREDENTIALS: 'error.wrongCredentials',
  BISHOP_ERR_WRONG_PASSWORD: 'error.wrongPassword',
  BISHOP_ERR_RATE_LIMITED: 'error.rateLimited',
  BISHOP_ERR_TEXT_REQUIRED: 'error.textRequired',
  BISHOP_ERR_TEXT_TOO_LONG: 'error.textTooLong',
  BISHOP_ERR_FILE_EMPTY: 'error.fileEmpty',
  BISHOP_ERR_FILE_TOO_LARGE: 'error.fileTooLarge',
  BISHOP_ERR_FILE_UNSUPPORTED: 'error.fileUnsupported',
  BISHOP_ERR_FILE_DISGUISED: 'error.fileDisguised',
  BISHOP_ERR_QUOTA_EXCEEDED: 'error.quotaExceeded',
  BISHOP_ERR_TRAINING_RUNNING: 'error.trainingRunning',
  BISHOP_ERR_NOT_FOUND: 'error.notFound',
  BISHOP_ERR_DELETED: 'error.deleted',
  BISHOP_ERR_CONCURRENT_CHANGE: 'error.concurrentChange',
};

/** When nothing more specific is known: one message per category. */
const byCategory: Record<string, MessageKey> = {
  VALIDATION: 'error.validation',
  UNAUTHENTICATED: 'error.unauthenticated',
  FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound',
  CONFLICT: 'error.conflict',
  RATE_LIMITED: 'error.rateLimited',
  UNAVAILABLE: 'error.unavailable',
  NETWORK: 'error.network',
  INTERNAL: 'error.internal',
};

/**
 * What to tell a person about an error: chosen by the API's code (never its
 * stack); English also gets the API's own, more specific wording when there is
 * no message of ours for the code, since the API writes its messages in English.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.internal');
  const params = { time: retryTime(error.details) };
  const lockedOut = error.bishopCode === 'BISHOP_ERR_RATE_LIMITED' && error.details.scope === 'login';
  // The way back in that this Bishop offers: a mailed link when it sends mail, else the operator's.
  const lockout = serviceStatus.passwordResetByEmail ? 'error.rateLimitedLoginMail' : 'error.rateLimitedLogin';
  const specific = lockedOut ? lockout : error.bishopCode ? byBishopCode[error.bishopCode] : undefined;
  if (specific) return t(specific, params);
  const readable =
    error.code !== 'INTERNAL' && error.code !== 'NETWORK' && !/reference|stack|\bat\s/i.test(error.message);
  if (i18n.locale === 'en' && readable && error.message) return error.message;
  return t(byCategory[error.code] ?? 'error.internal', params);
}

/** When a throttled person may try again, as a local time of day ("14:32"), not a count of seconds. */
function retryTime(details: Readonly<Record<string, unknown>>): string {
  const at = typeof details.retryAt === 'string' ? new Date(details.retryAt) : null;
  const seconds = Number(details.retryAfterSeconds);
  const when =
    at && !Number.isNaN(at.getTime()) ? at : new Date(Date.now() + (Number.isFinite(seconds) ? seconds : 60) * 1000);
  return new Intl.DateTimeFormat(i18n.locale, { hour: 'numeric', minute: '2-digit' }).format(when);
}
