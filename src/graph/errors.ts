import { AppError } from '../errors';

/** Why a Graph call failed, in the terms the user is told about. */
export type GraphFailureKind =
  | 'unauthorized' // 401: the token is missing, expired or malformed -> sign in again
  | 'forbidden' // 403: scope or Intune role missing
  | 'notFound' // 404: the connector is gone
  | 'badRequest' // other 4xx
  | 'throttled' // 429
  | 'unavailable' // 503: Graph did not act
  | 'serverError' // 500 and other 5xx answers
  | 'unreachable' // no connection at all: the request never left
  | 'noAnswer'; // sent, but no answer in time (timeout, connection lost, 502/504): Graph may have acted

/**
 * Whether Graph may have acted on the request. Only `notSent` and `refused` answers make a resend safe (and for a
 * POST only when Graph said it did not act: 429, 503); `unknown` is never resent.
 */
export type Delivery = 'notSent' | 'refused' | 'unknown';

export class GraphRequestError extends AppError<'GRAPH_REQUEST_FAILED'> {
  constructor(
    readonly kind: GraphFailureKind,
    /** HTTP status, or null when there was no HTTP answer. */
    readonly status: number | null,
    /** Graph's `request-id`, quoted to the user so support can trace the call. */
    readonly requestId: string | null,
    /** Seconds from a `Retry-After` header, when Graph sent one. */
    readonly retryAfterSeconds: number | null,
    message: string,
  ) {
    super('GRAPH_REQUEST_FAILED', message);
  }

  get delivery(): Delivery {
    if (this.kind === 'unreachable') return 'notSent';
    return this.kind === 'noAnswer' ? 'unknown' : 'refused';
  }
}

export function kindForStatus(status: number): GraphFailureKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'throttled';
  if (status === 503) return 'unavailable';
  if (status === 502 || status === 504) return 'noAnswer'; // a gateway gave up: Intune may have acted
  if (status >= 500) return 'serverError';
  return 'badRequest';
}
