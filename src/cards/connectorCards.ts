import { displayName } from '../commands/resolveConnector';
import type { Connector, SyncType } from '../graph/types';
import type { Messages } from '../i18n';
import { VERBS, button } from './actions';
import { connectorFacts, lastSyncText, snapshotOf, statusText } from './format';
import { card, heading, text, type AdaptiveCard, type CardElement, type ExecuteAction, type TableCell } from './schema';

/** Two buttons that each open a confirmation card for this connector; nothing syncs from here. */
function syncButtons(connector: Connector, m: Messages): ExecuteAction[] {
  const types: SyncType[] = ['fullSync', 'deltaSync'];
  return types.map((syncType) => button(m.startSync[syncType], { verb: VERBS.prepare, connectorId: connector.id, syncType }));
}

const cell = (value: string, bold = false): TableCell => ({
  type: 'TableCell',
  items: [text(value, bold ? { weight: 'bolder' } : {})],
});

export function connectorListCard(connectors: readonly Connector[], m: Messages): AdaptiveCard {
  if (connectors.length === 0) return card([heading(m.listTitle(0)), text(m.listEmpty)]);
  const header = [m.fact.connector, m.fact.status, m.fact.type, m.fact.server, m.fact.lastSync].map((title) => cell(title, true));
  const rows = connectors.map((connector) => {
    const snapshot = snapshotOf(connector);
    return {
      type: 'TableRow' as const,
      cells: [
        cell(snapshot.name),
        cell(statusText(snapshot, m)),
        cell(snapshot.type ? m.typeName[snapshot.type] : m.unknownValue),
        cell(snapshot.serverName ?? m.unknownValue),
        cell(lastSyncText(snapshot, m)),
      ],
    };
  });
  return card([
    heading(m.listTitle(connectors.length)),
    {
      type: 'Table',
      columns: [{ width: 3 }, { width: 2 }, { width: 2 }, { width: 4 }, { width: 3 }],
      firstRowAsHeader: true,
      showGridLines: false,
      rows: [{ type: 'TableRow', style: 'emphasis', cells: header }, ...rows],
    },
  ], undefined, { fullWidth: true });
}

export function connectorStatusCard(connector: Connector, m: Messages): AdaptiveCard {
  const snapshot = snapshotOf(connector);
  const facts = [
    ...connectorFacts(snapshot, m),
    { title: m.fact.organization, value: connector.exchangeOrganization ?? m.unknownValue },
    { title: m.fact.version, value: connector.version ?? m.unknownValue },
    { title: m.fact.id, value: connector.id },
  ];
  return card([heading(m.statusTitle(snapshot.name)), { type: 'FactSet', facts }], syncButtons(connector, m));
}

/** `sync connector X` without full/delta: say what each does and offer both. */
export function chooseSyncTypeCard(connector: Connector, m: Messages): AdaptiveCard {
  const snapshot = snapshotOf(connector);
  return card(
    [
      heading(m.chooseSyncTitle(snapshot.name)),
      { type: 'FactSet', facts: connectorFacts(snapshot, m) },
      text(`**${m.syncTypeName.fullSync}**: ${m.syncTypeExplained.fullSync}`),
      text(`**${m.syncTypeName.deltaSync}**: ${m.syncTypeExplained.deltaSync}`),
    ],
    syncButtons(connector, m),
  );
}

/** Several connectors match: each candidate with its own buttons. A known sync type is offered first. */
export function ambiguousConnectorCard(query: string, candidates: readonly Connector[], m: Messages): AdaptiveCard {
  const sections: CardElement[] = candidates.map((connector) => {
    const snapshot = snapshotOf(connector);
    return {
      type: 'Container',
      separator: true,
      spacing: 'medium',
      items: [
        text(`**${snapshot.name}** · ${snapshot.serverName ?? m.unknownValue}`),
        text(`${statusText(snapshot, m)} · ${m.fact.lastSync}: ${lastSyncText(snapshot, m)}`, { isSubtle: true, spacing: 'none' }),
        { type: 'ActionSet', actions: syncButtons(connector, m) },
      ],
    };
  });
  return card([heading(m.ambiguousTitle(query, candidates.length)), ...sections]);
}

export function unknownConnectorCard(query: string, suggestion: Connector | null, known: readonly Connector[], m: Messages): AdaptiveCard {
  const body: CardElement[] = [heading(m.unknownConnector(query), 'attention')];
  if (suggestion) body.push(text(m.didYouMean(displayName(suggestion))));
  if (known.length === 0) body.push(text(m.noConnectors));
  else {
    body.push(text(m.knownConnectors, { weight: 'bolder', spacing: 'medium' }));
    body.push(text(known.map((connector) => `- ${displayName(connector)} (${connector.serverName ?? connector.id})`).join('\n')));
  }
  return card(body, suggestion ? syncButtons(suggestion, m) : undefined);
}
