import type { Connector } from '../graph/types';
import type { SimulatedError } from './graphErrors';
import type { SimulatedOperation } from './http';

/** One request the simulator received, as a test or a benchmark wants to check it. */
export interface RecordedCall {
  operation: SimulatedOperation | 'unknown';
  method: string;
  path: string;
  connectorId: string | null;
  syncType: unknown;
  /** The bearer token the caller sent, or null. Kept only here, in the simulator, for assertions. */
  bearerToken: string | null;
  /** The status sent, 0 while pending or when the connection was dropped. */
  status: number;
  /** For a sync: Intune acted on it (even when its answer was then lost). */
  accepted: boolean;
  at: string;
  /** The Host header the caller used (which of several names of this machine it was configured with). */
  host: string | null;
  /** When it arrived, on this process's performance clock (to line it up with other measurements in the process). */
  arrivedAt: number;
  /** Milliseconds from the request's arrival until its answer left (real time; null: no answer was sent). */
  answeredAfterMs: number | null;
}

/** Makes the next `times` matching requests fail, be slow, or lose their answer. */
export interface Fault {
  operation: SimulatedOperation | 'any';
  error?: SimulatedError;
  /** Delay before answering, for slow-Graph scenarios. */
  delayMs?: number;
  /** Close the connection without an answer. */
  dropConnection?: boolean;
  /** true: Intune performs the sync although its answer is an error, late or lost; false: it never acts on it. */
  apply?: boolean;
  times: number;
}

export interface GraphSimulatorOptions {
  connectors?: Connector[];
  /** How long after a sync Intune reports the new `lastSyncDateTime` (Intune syncs in the background). */
  syncCompletesAfterMs?: number;
  /** Connectors per page of the list (Graph pages with `@odata.nextLink`); default: all on one page. */
  pageSize?: number;
  now?: () => Date;
  /** A certificate and key (PEM): the simulator speaks HTTPS, as Graph does (Teams-mode tests need an https root). */
  tls?: { cert: string; key: string };
}

export type Answer = { status: number; json?: unknown } | { status: number; error: SimulatedError };
