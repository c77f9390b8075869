/**
 * How long this process's event loop was stalled in a span of time. The campaign runs four lanes of bots, Graph,
 * storage and Bot Connector fakes in one process on two cores: while another lane's work holds the loop, no bot can
 * answer, however well it keeps its deadline. A timer that should fire every TICK_MS records how late it fired; the
 * lateness inside a span is the time nothing in the process could run.
 */
const TICK_MS = 5;
/** Samples kept: about a minute at one tick every 5 ms, more than any schedule's invoke. */
const KEEP = 12_000;

export class StallMonitor {
  private readonly at: number[] = [];
  private readonly late: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private expected = 0;

  start(): void {
    this.expected = performance.now() + TICK_MS;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.at.push(now);
      this.late.push(Math.max(0, now - this.expected));
      this.expected = now + TICK_MS;
      if (this.at.length > KEEP) {
        this.at.splice(0, this.at.length - KEEP);
        this.late.splice(0, this.late.length - KEEP);
      }
    }, TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Milliseconds the loop was stalled between `from` and `to` (performance.now() times). `whole`: stalls that ended in
   * the span count whole, also the part before `from` (a deadline that started before such a stall passed during it).
   */
  stalledBetween(from: number, to: number, options: { whole?: boolean } = {}): number {
    let total = 0;
    for (let index = this.at.length - 1; index >= 0; index -= 1) {
      const at = this.at[index]!;
      if (at < from) break;
      // A late tick that fired inside the span: its lateness overlaps the span by at most the span's own start.
      if (at <= to) total += options.whole ? this.late[index]! : Math.min(this.late[index]!, at - from);
    }
    return Math.round(total);
  }
}
