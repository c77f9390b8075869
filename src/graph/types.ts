import type {
  DeviceManagementExchangeConnector,
  DeviceManagementExchangeConnectorStatus,
  DeviceManagementExchangeConnectorSyncType,
  DeviceManagementExchangeConnectorType,
} from '@microsoft/microsoft-graph-types';

export type SyncType = DeviceManagementExchangeConnectorSyncType;
export const SYNC_TYPES: readonly SyncType[] = ['fullSync', 'deltaSync'];

export function isSyncType(value: unknown): value is SyncType {
  return value === 'fullSync' || value === 'deltaSync';
}

/**
 * An Exchange connector as the bot uses it: Graph's entity with the key made mandatory.
 * Every other property stays optional/nullable exactly as Graph declares it.
 */
export type Connector = DeviceManagementExchangeConnector & { id: string };
export type ConnectorStatus = DeviceManagementExchangeConnectorStatus;
export type ConnectorType = DeviceManagementExchangeConnectorType;

/** What the bot needs from Microsoft Graph. The token is always the acting user's delegated token. */
export interface ConnectorGraph {
  list(token: string): Promise<Connector[]>;
  get(token: string, id: string): Promise<Connector>;
  /** Resolves with Graph's `request-id` of the accepted (204) request. */
  sync(token: string, id: string, syncType: SyncType): Promise<{ requestId: string | null }>;
}

/** Graph reports "never synced" as the minimum DateTimeOffset. */
export function lastSyncOf(connector: Connector): Date | null {
  const raw = connector.lastSyncDateTime;
  if (!raw) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 ? null : date;
}
