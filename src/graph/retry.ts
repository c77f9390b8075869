import { GraphRequestError } from './errors';

/** How hard to try again when Graph asks us to wait. POST actions are not idempotent, so only throttling and
 * gateway unavailability (where Graph did not act on the request) are retried; 400/401/403/404 never are. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The whole call, waits included, stays within this. */
  maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxTotalMs: 20_000 };

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: GraphRequestError }) => void;
}

export function isRetryable(error: GraphRequestError): boolean {
  return error.kind === 'throttled' || error.status === 503 || error.status === 504;
}

/**
 * Runs `attempt` until it succeeds or a failure is final. The wait is Graph's `Retry-After` when it sends one;
 * Intune's own 429s often do not, and then the wait is exponential backoff with jitter.
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = hooks.random ?? Math.random;
  const now = hooks.now ?? Date.now;
  const started = now();
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof GraphRequestError) || !isRetryable(error) || attemptNumber >= policy.maxAttempts) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
      const delayMs = error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : Math.round(backoff * (0.5 + random() / 2));
      if (now() - started + delayMs > policy.maxTotalMs) throw error;
      hooks.onRetry?.({ attempt: attemptNumber, delayMs, error });
      await sleep(delayMs);
    }
  }
}
