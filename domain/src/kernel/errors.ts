/**
 * Every rejection is a DomainError with a stable code (clients branch on the
 * code, never on the text) and a message a person can read. The category
 * becomes GraphQL's `extensions.code`.
 */
export const ErrorCategory = {
  Validation: 'VALIDATION',
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  Unauthenticated: 'UNAUTHENTICATED',
  RateLimited: 'RATE_LIMITED',
  Unavailable: 'UNAVAILABLE',
} as const;
export type ErrorCategory = (typeof ErrorCategory)[keyof typeof ErrorCategory];

const { Validation, NotFound, Forbidden, Conflict, Unauthenticated, RateLimited, Unavailable } = ErrorCategory;

/** The registry: code → category. Add a code here before throwing it. */
export const errorCategories = {
  // input
  BISHOP_ERR_TEXT_REQUIRED: Validation,
  BISHOP_ERR_TEXT_TOO_LONG: Validation,
  BISHOP_ERR_TEXT_CONTROL_CHARACTERS: Validation,
  BISHOP_ERR_TEXT_INVALID_UTF8: Validation,
  BISHOP_ERR_INVALID_ID: Validation,
  BISHOP_ERR_INVALID_VALUE: Validation,
  BISHOP_ERR_INVALID_EMAIL: Validation,
  BISHOP_ERR_LIMIT_EXCEEDED: Validation,
  BISHOP_ERR_UNSUPPORTED_EVENT: Validation,
  BISHOP_ERR_PASSWORD_TOO_SHORT: Validation,
  BISHOP_ERR_PASSWORD_TOO_LONG: Validation,
  BISHOP_ERR_PASSWORD_BLANK: Validation,
  BISHOP_ERR_PASSWORD_PERSONAL: Validation,
  BISHOP_ERR_PASSWORD_COMMON: Validation,
  // An operator's reset link that is unknown, used already, expired or superseded.
  BISHOP_ERR_RESET_LINK_INVALID: Validation,
  // uploads
  BISHOP_ERR_FILE_EMPTY: Validation,
  BISHOP_ERR_FILE_TOO_LARGE: Validation,
  BISHOP_ERR_FILE_UNSUPPORTED: Validation,
  BISHOP_ERR_FILE_DISGUISED: Validation,
  BISHOP_ERR_QUOTA_EXCEEDED: Validation,
  BISHOP_ERR_UPLOAD_INVALID: Validation,
  // authentication
  BISHOP_ERR_UNAUTHENTICATED: Unauthenticated,
  BISHOP_ERR_WRONG_CREDENTIALS: Unauthenticated,
  // A signed-in person confirming a grave step with a wrong password: their session itself is fine.
  BISHOP_ERR_WRONG_PASSWORD: Forbidden,
  BISHOP_ERR_RATE_LIMITED: RateLimited,
  // Issuing or revoking API tokens and closing the account need a session signed into with a password.
  BISHOP_ERR_SESSION_REQUIRED: Forbidden,
  // A blind-test invite link that is unknown, revoked or expired (the three answer alike).
  BISHOP_ERR_INVITE_INVALID: Forbidden,
  // who and what
  BISHOP_ERR_NOT_FOUND: NotFound,
  BISHOP_ERR_FORBIDDEN: Forbidden,
  // state
  BISHOP_ERR_ALREADY_EXISTS: Conflict,
  BISHOP_ERR_EMAIL_TAKEN: Conflict,
  BISHOP_ERR_DELETED: Conflict,
  BISHOP_ERR_INVALID_STATE: Conflict,
  BISHOP_ERR_TRAINING_RUNNING: Conflict,
  BISHOP_ERR_CONCURRENT_CHANGE: Conflict,
  // service
  // The write is saved but the read models have not reached it (yet): read again shortly.
  BISHOP_ERR_READ_MODELS_BEHIND: Unavailable,
  // A live call cannot start: a model or voice it needs is missing.
  BISHOP_ERR_CALL_UNAVAILABLE: Unavailable,
  // This gateway already carries its maximum number of live calls.
  BISHOP_ERR_TOO_MANY_CALLS: Unavailable,
} as const satisfies Record<string, ErrorCategory>;

export type DomainErrorCode = keyof typeof errorCategories;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly category: ErrorCategory;
  /** Machine-readable specifics (field, limit, …) safe to show to the caller. */
  readonly details: Readonly<Record<string, string | number | boolean>>;
  constructor(code: DomainErrorCode, message: string, details: Record<string, string | number | boolean> = {}) {
    super(message);
    this.code = code;
    this.category = errorCategories[code];
    this.details = details;
  }

  /** What GraphQL puts in `extensions` (graphql-js reads it off the original error, on every transport). */
  get extensions(): {
    code: ErrorCategory;
    bishopCode: DomainErrorCode;
    details: Readonly<Record<string, string | number | boolean>>;
  } {
    return { code: this.category, bishopCode: this.code, details: this.details };
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
