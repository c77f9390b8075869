import type { Confirmation } from '../../src/sync/confirmation';
import type { AuditEntry } from '../../src/sync/auditLog';
import type { Schedule } from './schedule';

/** What one schedule left behind, as the lane saw it: the invariants judge this. */
export interface TimedInvoke {
  ms: number;
  stalledMs: number;
  status: number;
}

/** Everything one schedule left behind, for the invariants. */
export interface Observation {
  schedule: Schedule;
  connectorId: string;
  confirmationId: string;
  /**
   * The sync POSTs Graph saw; `late`: its answer may have come after the caller's deadline (GRAPH_TIMEOUT_MS), judged
   * by Graph's time to answer plus the process's stalls from a deadline before it arrived until it was answered.
   */
  posts: Array<{ status: number; accepted: boolean; answeredAfterMs: number; stalledMs: number; late: boolean }>;
  /** The confirmation as stored after the last view. */
  finalState: Confirmation['state'] | 'missing';
  /** For an "unknown" confirmation: why, as stored (no answer in time, or a claim settled after an interruption). */
  unknownBecause: string | null;
  audit: AuditEntry[];
  /** The last confirmation card the conversation shows, as text. */
  shownCard: string;
  /** The last card answer the requester's clicks received (Action.Execute), as text. */
  lastInvokeCard: string;
  /** The card the final view returned (the "next view" after an instance stopped). */
  finalView: string;
  /** Wall time of each invoke answer, ms, with its status (a refusal is timed as well as an answer). */
  invokeMs: number[];
  /** Each timed invoke: its time and how long the process's event loop was stalled meanwhile (stalls.ts). */
  invokes: TimedInvoke[];
  faultsInjected: string[];
  /** The tab's confirmation of the same connector, when the schedule had one. */
  tab: { confirmationId: string; finalState: Confirmation['state'] | 'missing'; audit: AuditEntry[] } | null;
  /** The watch phase, when the schedule had one and Graph accepted the sync. */
  watch: WatchObservation | null;
}

export interface WatchObservation {
  /** The round Intune reported the sync in (null: never). */
  reportedRound: number | null;
  rounds: number;
  /**
   * Polls of the connector that Graph answered in each round (instances that got an answer), and whether an instance
   * was restarted in it; `retries`: when one instance's client asked again in the round, every answered GET's time
   * from arrival to answer, in ms (a retry follows only an attempt its client gave up on).
   */
  getsPerRound: Array<{ gets: number; restart: boolean; retries: number[] }>;
  /** The watch record's final state (null: none stored). */
  state: string | null;
  /** The completion history recorded for the card's confirmation. */
  completions: string[];
  /** The card's text after the last round. */
  card: string;
}
