/**
 * An absolute point in time by which a piece of work must be done. Every outgoing call takes its own timeout and
 * the time left before the deadline, whichever is shorter, so the deadline a user feels (an invoke's answer, a message
 * turn's redelivery window) is budgeted across calls instead of being the sum of their timeouts.
 */
export class Deadline {
  private constructor(
    readonly at: number,
    private readonly now: () => number,
  ) {}

  static after(ms: number, now: () => number = Date.now): Deadline {
    return new Deadline(now() + ms, now);
  }

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  /** A signal that aborts after `maxMs`, or at the deadline if that comes first. */
  signal(maxMs: number): AbortSignal {
    return AbortSignal.timeout(Math.max(1, Math.min(maxMs, this.remainingMs())));
  }
}

/**
 * Graph calls of one chat turn, or of one dashboard request, end this long after it arrived: well inside Teams' 15 s
 * redelivery window, and short enough that a person waiting at a page or a card hears back.
 */
export const REQUEST_GRAPH_BUDGET_MS = 8_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The one retry loop: runs `work` up to `attempts` times. After a failed attempt `n` (from 1), `pauseAfter` says how
 * long to wait before the next, or null to give up at once with that error (not retryable, no time left, pointless).
 */
export async function retrying<T>(
  work: () => Promise<T>,
  plan: { attempts: number; pauseAfter: (error: unknown, attempt: number) => number | null },
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const pause = attempt >= plan.attempts ? null : plan.pauseAfter(error, attempt);
      if (pause === null) throw error;
      await sleep(pause);
    }
  }
}

/** Pauses that double from `firstMs` (after the first failed attempt), at most `maxMs`. */
export function doubling(firstMs: number, maxMs = Number.POSITIVE_INFINITY): (attempt: number) => number {
  return (attempt) => Math.min(maxMs, firstMs * 2 ** (attempt - 1));
}
