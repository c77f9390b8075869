import type { Requested } from './confirmation';
import type { NewWatchedCard, WatchRecord } from './watch';

/** A requested sync's watch as its card shows it, and who gets the card's automatic refresh while it runs. */
export interface CardWatch {
  record: WatchRecord;
  refreshFor: readonly string[];
}

/**
 * Following an accepted sync until Intune reports it, as the confirm path needs it. Declared here, below the
 * commands and the tab that use it; implemented by the Watcher (src/sync/watcher.ts), whose delivery updates the cards in Teams.
 */
export interface Following {
  /** Starts following a sync that Graph accepted; the card joins the connector's watch. */
  begin(confirmation: Requested, card: NewWatchedCard): void;
  /** The watch a card shows the moment Graph accepted its sync. */
  preview(confirmation: Requested, requesterId: string): CardWatch;
  /** The watch of a requested confirmation's connector, from storage (the requester's look resumes a stopped one). */
  cardWatchOf(confirmation: Requested, viewerIsRequester: boolean): Promise<CardWatch | null>;
}

/** The watches as the dashboard tab reads them; implemented by the Watcher. */
export interface PageWatches {
  /**
   * Every connector followed now and the `also` ones, from storage. A due watch no chat follows is polled first with
   * the page's token (one Graph GET per connector per interval, whoever asks).
   */
  live(also: readonly string[], pageToken: string): Promise<WatchRecord[]>;
}
