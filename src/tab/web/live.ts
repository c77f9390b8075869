import type { Api } from './api';
import type { RowView } from './table';

/**
 * The rows that change by themselves: while the page is visible it asks the bot, every `pollMs` (half the watch
 * interval), for the connectors being followed. The answer comes from storage; the only Graph call it may carry is a due
 * poll of a sync only this tab follows, with this page's token. A hidden page asks nothing.
 */
export class LiveRows {
  /** Connectors seen followed (or just confirmed): asked for until their watch has ended, so the end is seen. */
  private readonly tracked = new Set<string>();
  private timer: number | null = null;
  private pollMs = 2_000;
  private asking = false;

  private rows: ReadonlyMap<string, RowView> = new Map();

  constructor(private readonly api: Api) {
    document.addEventListener('visibilitychange', () =>
      document.visibilityState === 'visible' ? this.now() : this.pause(),
    );
  }

  /** Follow this connector too (a sync was just confirmed for it), and ask now. */
  follow(connectorId: string): void {
    this.tracked.add(connectorId.toLowerCase());
    this.now();
  }

  /** The rows on screen now (a reload of the list replaces them); asks at once. */
  show(rows: ReadonlyMap<string, RowView>): void {
    this.rows = rows;
    this.now();
  }

  private pause(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }

  private now(): void {
    this.pause();
    void this.ask();
  }

  private async ask(): Promise<void> {
    if (this.asking || document.visibilityState !== 'visible') return;
    this.asking = true;
    try {
      const answer = await this.api.live([...this.tracked]);
      this.pollMs = answer.pollMs;
      for (const row of answer.rows) {
        const id = row.connectorId.toLowerCase();
        this.rows.get(id)?.showLive(row);
        if (row.watch) this.tracked.add(id);
        else this.tracked.delete(id);
      }
    } catch {
      // A failed poll changes nothing on screen; the next one tries again.
    } finally {
      this.asking = false;
      if (document.visibilityState === 'visible') this.timer = window.setTimeout(() => void this.ask(), this.pollMs);
    }
  }
}
