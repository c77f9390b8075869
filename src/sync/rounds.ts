/**
 * A round of work every interval, never two at once (a slow round delays the next), with a count that tests wait on
 * instead of sleeping: `afterRounds(n)` resolves once n more rounds are done.
 */
export class Rounds {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private done = 0;
  private readonly waiters: Array<{ until: number; resolve: () => void }> = [];

  constructor(
    private readonly intervalMs: number,
    private readonly round: () => Promise<void>,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.intervalMs);
  }

  /** No new rounds; resolves when the round under way (if any) is done. */
  stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.ticking ?? Promise.resolve();
  }

  /** One round now, or the one under way. */
  tick(): Promise<void> {
    this.ticking ??= this.round().finally(() => {
      this.ticking = null;
      this.done += 1;
      for (const waiter of this.waiters.filter((one) => one.until <= this.done)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
    return this.ticking;
  }

  /** Resolves once `count` more rounds have completed (a round that is under way counts as the first). */
  afterRounds(count: number): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ until: this.done + count, resolve }));
  }
}
