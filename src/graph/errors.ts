/** Why a Graph call failed, in the terms the user is told about. */
export type GraphFailureKind =
  | 'unauthorized' // 401: the token is missing, expired or malformed -> sign in again
  | 'forbidden' // 403: scope or Intune role missing
  | 'notFound' // 404: the connector is gone
  | 'badRequest' // 400
  | 'throttled' // 429
  | 'unavailable' // 5xx
  | 'unreachable'; // no HTTP answer at all

export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  constructor(
    readonly kind: GraphFailureKind,
    /** HTTP status, or null when Graph could not be reached. */
    readonly status: number | null,
    /** Graph's `request-id`, quoted to the user so support can trace the call. */
    readonly requestId: string | null,
    /** Seconds from a `Retry-After` header, when Graph sent one. */
    readonly retryAfterSeconds: number | null,
    message: string,
  ) {
    super(message);
  }
}

export function kindForStatus(status: number): GraphFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  return 'badRequest';
}
