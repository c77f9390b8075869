/**
 * One error family for the whole bot. Every error the bot raises on purpose is an AppError with a `code`; callers
 * recognise errors by `instanceof` or by `code`, never by message text (messages are for logs and people). Plain
 * `Error`s are programming errors (a broken invariant). Two documented exceptions: `ETagConflictError`
 * (src/bot/botStorage.ts) words itself as botbuilder's MemoryStorage does, because botbuilder's SSO middleware
 * recognises a conflict by that text; the browser page's `ApiProblem` lives outside the server.
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
  | 'TAB_SIGN_IN_FAILED'
  | 'STORAGE_BACKEND_FAILED'
  | 'STORAGE_CONTENTION'
  | 'BODY_REFUSED'
  | 'INBOUND_AUTH_REFUSED'
  | 'SIGNING_KEYS_UNAVAILABLE'
  | 'DASHBOARD_REFUSED';

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
