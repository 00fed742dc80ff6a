/**
 * The one error type of the platform. Every expected failure is an AppError with a stable snake_case code;
 * the HTTP status comes from one table so that routes never choose statuses by hand.
 */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  invalid_location: 400,
  unknown_category: 400,
  unknown_unit: 400,
  invalid_attachment: 400,
  invalid_file: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  already_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  config_invalid: 500,
  integrity_violation: 500,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** An expected failure: a code for machines, a message safe to show users, details for the log and the client. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.details = details;
  }
}

/** The denial every scoped read gives, so that nobody learns whether a record exists. */
export function notFoundOrNoAccess(what = '记录'): AppError {
  return new AppError('not_found', `${what}不存在或无权访问 (not found or no access)`);
}

/** True when a value is an AppError (also across module copies in tests). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError');
}

/** The driver error with this SQLSTATE that an error is or wraps (drizzle wraps them), if any. */
export function databaseError(e: unknown, code: string): { code: string; detail?: string } | null {
  for (let err = e as { code?: unknown; detail?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    if (err.code === code) return { code, ...(typeof err.detail === 'string' ? { detail: err.detail } : {}) };
  }
  return null;
}

/** True when an error (or the driver error it wraps) is PostgreSQL's unique violation (SQLSTATE 23505). */
export function isUniqueViolation(e: unknown): boolean {
  return databaseError(e, '23505') !== null;
}
