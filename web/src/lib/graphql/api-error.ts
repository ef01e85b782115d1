/** What the API answers with when it refuses: GraphQL `errors[].extensions`, or an upload's `error`. */
export interface ApiErrorBody {
  readonly message: string;
  readonly extensions?: {
    readonly code?: string;
    readonly bishopCode?: string;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/**
 * A refusal from the API (or the network) with its stable codes. The UI shows a
 * message chosen by `bishopCode` (see errorMessage), never a stack trace.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Category: UNAUTHENTICATED, NOT_FOUND, VALIDATION, … or NETWORK when the server could not be reached. */
  readonly code: string;
  /** The specific reason, e.g. BISHOP_ERR_EMAIL_TAKEN. */
  readonly bishopCode: string | null;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, code: string, bishopCode: string | null = null, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.bishopCode = bishopCode;
    this.details = details;
  }

  static fromBody(body: ApiErrorBody): ApiError {
    const extensions = body.extensions ?? {};
    return new ApiError(body.message, extensions.code ?? 'INTERNAL', extensions.bishopCode ?? null, {
      ...(extensions.details ?? {}),
    });
  }

  static network(cause: unknown): ApiError {
    return new ApiError(cause instanceof Error ? cause.message : 'Network error', 'NETWORK');
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
