import { doubling, retrying, type Deadline } from '../deadline';
import { GraphRequestError } from './errors';

/** A read may be repeated freely; an action (the sync POST) is not idempotent: a repeat may sync twice. */
export type RequestKind = 'read' | 'action';

/**
 * Whether a failed request may be sent again. Any request Graph did not act on may: 429 and 503 say so, and a
 * request that never left (no connection) cannot have been acted on. A read may also be repeated after an answer
 * that was lost or broken (timeout, connection dropped, 5xx); an action never: that outcome is unknown.
 */
export function mayResend(kind: RequestKind, error: GraphRequestError): boolean {
  if (error.kind === 'throttled' || error.kind === 'unavailable' || error.kind === 'unreachable') return true;
  return kind === 'read' && (error.kind === 'noAnswer' || error.kind === 'serverError');
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Three attempts, backing off from half a second: enough for a throttling burst, short enough for a chat. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

/** An attempt is not worth starting with less time than this left. */
const MIN_ATTEMPT_MS = 50;

export interface RetryHooks {
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: GraphRequestError }) => void;
}

/**
 * Runs `attempt` until it succeeds, a failure may not be resent, the attempts are used up, or the wait would pass
 * the deadline. The wait is Graph's `Retry-After` when it sends one (Intune's own 429s often do not), otherwise
 * exponential backoff with jitter.
 */
export function withRetries<T>(
  kind: RequestKind,
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  deadline: Deadline,
  hooks: RetryHooks = {},
  resendable: typeof mayResend = mayResend,
): Promise<T> {
  const random = hooks.random ?? Math.random;
  const backoff = doubling(policy.baseDelayMs, policy.maxDelayMs);
  return retrying(attempt, {
    attempts: policy.maxAttempts,
    pauseAfter: (error, attemptNumber) => {
      if (!(error instanceof GraphRequestError) || !resendable(kind, error)) return null;
      const delayMs =
        error.retryAfterSeconds !== null
          ? error.retryAfterSeconds * 1000
          : Math.round(backoff(attemptNumber) * (0.5 + random() / 2));
      if (delayMs + MIN_ATTEMPT_MS > deadline.remainingMs()) return null;
      hooks.onRetry?.({ attempt: attemptNumber, delayMs, error });
      return delayMs;
    },
  });
}
