/**
 * One error family for the whole bot. Every error the bot raises on purpose is an AppError with a `code`; callers
 * recognise errors by `instanceof` or by `code`, never by message text (messages are for logs and people).
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'STORAGE_UNAVAILABLE'
  | 'STORAGE_FULL'
  | 'ETAG_CONFLICT'
  | 'GRAPH_REQUEST_FAILED'
  | 'TOKEN_SERVICE_FAILED'
  | 'TAB_UNAUTHORIZED'
  | 'TAB_FORBIDDEN'
  | 'TAB_CONSENT_REQUIRED'
  | 'TAB_SIGN_IN_FAILED';

export abstract class AppError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
