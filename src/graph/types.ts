import type {
  DeviceManagementExchangeConnector,
  DeviceManagementExchangeConnectorSyncType,
} from '@microsoft/microsoft-graph-types';
import type { Deadline } from '../deadline';

export type SyncType = DeviceManagementExchangeConnectorSyncType;

export function isSyncType(value: unknown): value is SyncType {
  return value === 'fullSync' || value === 'deltaSync';
}

/**
 * An Exchange connector as the bot uses it: Graph's entity with the key made mandatory. Every other property stays
 * optional exactly as Graph declares it, and Graph may send values the bot does not know (a new status, a new
 * type): cards show those as they are, so one odd connector never breaks a list.
 */
export type Connector = DeviceManagementExchangeConnector & { id: string };

/** A tenant's connectors; `truncated` when Graph kept handing out pages beyond the bot's limit. */
export interface ConnectorList {
  connectors: Connector[];
  truncated: boolean;
}

/** Who calls and by when: every Graph call carries the acting user's delegated token and a deadline. */
export interface GraphCall {
  token: string;
  deadline: Deadline;
}

/** What the bot needs from Microsoft Graph. */
export interface ConnectorGraph {
  list(call: GraphCall): Promise<ConnectorList>;
  get(call: GraphCall, id: string): Promise<Connector>;
  /** Resolves with Graph's `request-id` of the accepted (204) request. Never repeated when the outcome is unknown. */
  sync(call: GraphCall, id: string, syncType: SyncType): Promise<{ requestId: string | null }>;
}

/** Graph reports "never synced" as the minimum DateTimeOffset. */
export function lastSyncOf(connector: Connector): Date | null {
  const raw = connector.lastSyncDateTime;
  if (typeof raw !== 'string' || !raw) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 ? null : date;
}
