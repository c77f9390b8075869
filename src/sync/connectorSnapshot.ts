import { lastSyncOf, type Connector } from '../graph/types';
import type { ConnectorSnapshot } from './confirmation';

/** The names a user may call a connector by, besides its id. */
export function namesOf(connector: Connector): string[] {
  return [connector.exchangeAlias, connector.serverName, connector.connectorServerName].filter(
    (name): name is string => typeof name === 'string' && name.trim().length > 0,
  );
}

/** The name to show for a connector: its alias, else a server name, else its id. */
export function displayName(connector: Connector): string {
  return namesOf(connector)[0] ?? connector.id;
}

/**
 * What a card keeps of a connector. Graph's values are taken as they come: a status or type the bot does not know
 * stays a string, a field of the wrong type counts as missing, so one odd connector never breaks a card.
 */
export function snapshotOf(connector: Connector): ConnectorSnapshot {
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
  return {
    id: connector.id,
    name: displayName(connector),
    serverName: text(connector.serverName) ?? text(connector.connectorServerName),
    type: text(connector.exchangeConnectorType),
    status: text(connector.status),
    lastSyncDateTime: lastSyncOf(connector)?.toISOString() ?? null,
  };
}
