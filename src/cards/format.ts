import { displayName } from '../commands/resolveConnector';
import type { Connector } from '../graph/types';
import { lastSyncOf } from '../graph/types';
import type { Messages } from '../i18n';
import type { ConnectorSnapshot } from '../sync/confirmation';

/**
 * A point in time as Adaptive Card date functions, so each viewer sees it in their own time zone and format.
 * The functions want RFC 3339 without fractions.
 */
export function when(iso: string): string {
  const clean = new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${clean}, SHORT)}} {{TIME(${clean})}}`;
}

export function snapshotOf(connector: Connector): ConnectorSnapshot {
  return {
    id: connector.id,
    name: displayName(connector),
    serverName: connector.serverName ?? connector.connectorServerName ?? null,
    type: connector.exchangeConnectorType ?? null,
    status: connector.status ?? null,
    lastSyncDateTime: lastSyncOf(connector)?.toISOString() ?? null,
  };
}

export function lastSyncText(snapshot: ConnectorSnapshot, m: Messages): string {
  return snapshot.lastSyncDateTime ? when(snapshot.lastSyncDateTime) : m.never;
}

export function statusText(snapshot: ConnectorSnapshot, m: Messages): string {
  return snapshot.status ? m.statusName[snapshot.status] : m.unknownValue;
}

export function connectorFacts(snapshot: ConnectorSnapshot, m: Messages): Array<{ title: string; value: string }> {
  return [
    { title: m.fact.connector, value: snapshot.name },
    { title: m.fact.server, value: snapshot.serverName ?? m.unknownValue },
    { title: m.fact.type, value: snapshot.type ? m.typeName[snapshot.type] : m.unknownValue },
    { title: m.fact.status, value: statusText(snapshot, m) },
    { title: m.fact.lastSync, value: lastSyncText(snapshot, m) },
  ];
}

/** How a user would type this connector in a command: quoted when the name has spaces. */
export function typedName(name: string): string {
  return /\s/.test(name) ? `"${name}"` : name;
}

export function syncCommand(name: string, syncType: 'fullSync' | 'deltaSync'): string {
  return `sync connector ${typedName(name)} ${syncType === 'fullSync' ? 'full' : 'delta'}`;
}
