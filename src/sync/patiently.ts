import { doubling, retrying } from '../deadline';

/** How often a write that records what already happened is tried after a storage failure. */
const ATTEMPTS = 5;

/**
 * A write that records what already happened (an outcome Graph gave, a claim that sent nothing): tried again with
 * pauses of twice `firstPauseMs`, then four, eight and sixteen times it, because giving up would leave a card saying
 * something false.
 */
export function patiently<T>(write: () => Promise<T>, firstPauseMs: number): Promise<T> {
  const pause = doubling(2 * firstPauseMs);
  return retrying(write, { attempts: ATTEMPTS, pauseAfter: (_error, attempt) => pause(attempt) });
}
