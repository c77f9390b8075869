import type { Logger } from '../logger';

/**
 * Work that outlives its turn (a slow Graph call whose card is updated afterwards). Tracked so that shutdown can
 * wait for it, and say which requests ended with an unknown outcome when it cannot.
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

  /** Waits up to `timeoutMs` for everything in flight; returns (and logs) what did not finish. */
  async drain(timeoutMs: number): Promise<Array<Record<string, unknown>>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.pending.keys()]), timeout]);
    clearTimeout(timer);
    const unfinished = [...this.pending.values()];
    for (const details of unfinished) {
      this.logger.error({ ...details, outcome: 'unknown' }, 'shutting down with a sync request in flight: its outcome is unknown');
    }
    return unfinished;
  }
}
