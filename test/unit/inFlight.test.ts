import { describe, expect, it, vi } from 'vitest';
import { InFlight } from '../../src/bot/inFlight';
import { createLogger } from '../../src/logger';

/** Shutdown waits for work that outlived its turn, but not forever: what is left is named in the log as unknown. */
describe('InFlight.drain', () => {
  it('waits for work that finishes in time, including work it starts meanwhile', async () => {
    const inFlight = new InFlight(createLogger('silent'));
    const done: string[] = [];
    const after = (ms: number, step: () => void): Promise<void> =>
      new Promise((resolve) => setTimeout(() => resolve(step()), ms));
    inFlight.track(
      after(20, () => {
        done.push('late outcome');
        inFlight.track(
          after(20, () => void done.push('card update')),
          { work: 'card update' },
        );
      }),
      { work: 'late outcome' },
    );
    expect(await inFlight.drain(1_000)).toEqual([]);
    expect(done).toEqual(['late outcome', 'card update']);
  });

  it('stops waiting at its timeout and logs each unfinished piece of work as "outcome unknown"', async () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const inFlight = new InFlight(createLogger('info', { write: (line: string) => void lines.push(line) }));
      inFlight.track(new Promise(() => undefined), { work: 'store outcome', confirmationId: 'c-1' });
      const drained = inFlight.drain(8_000);
      await vi.advanceTimersByTimeAsync(8_000);
      expect(await drained).toEqual([{ work: 'store outcome', confirmationId: 'c-1' }]);
      expect(lines.join('')).toMatch(/"confirmationId":"c-1".*"outcome":"unknown".*shutting down with work in flight/);
    } finally {
      vi.useRealTimers();
    }
  });
});
