import type { Logger } from '../logger';

/**
 * Work that outlives its turn (a slow Graph call whose card is updated afterwards, storing an outcome again, an
 * audit append). Tracked so that shutdown can wait for it, and say which work ended unfinished when it cannot.
 */
export class InFlight {
  private readonly pending = new Map<Promise<unknown>, Record<string, unknown>>();

  constructor(private readonly logger: Logger) {}

  get size(): number {
    return this.pending.size;
  }

  track(work: Promise<unknown>, details: Record<string, unknown>): void {
    const settled = work.then(
      () => undefined,
      (error: unknown) => this.logger.error({ err: error, ...details }, 'background work failed'),
    );
    this.pending.set(settled, details);
    void settled.finally(() => this.pending.delete(settled));
  }

  /**
   * Waits up to `timeoutMs` for everything in flight, including work that work in flight starts meanwhile (a late
   * outcome queues its card update); returns (and logs) what did not finish.
   */
  async drain(timeoutMs: number, options: { quiet?: boolean } = {}): Promise<Array<Record<string, unknown>>> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
    });
    while (this.pending.size > 0 && !timedOut)
      await Promise.race([Promise.allSettled([...this.pending.keys()]), timeout]);
    clearTimeout(timer);
    const unfinished = [...this.pending.values()];
    if (options.quiet) return unfinished;
    for (const details of unfinished) {
      this.logger.error(
        { ...details, outcome: 'unknown' },
        'shutting down with work in flight: its outcome is unknown',
      );
    }
    return unfinished;
  }
}
