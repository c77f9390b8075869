import { describe, expect, it } from 'vitest';
import { confirmationCard } from '../../src/cards/confirmationCard';
import {
  ambiguousConnectorCard,
  chooseSyncTypeCard,
  connectorListCard,
  connectorStatusCard,
  unknownConnectorCard,
} from '../../src/cards/connectorCards';
import { snapshotOf } from '../../src/cards/format';
import { helpCard } from '../../src/cards/helpCard';
import { historyCard } from '../../src/cards/historyCard';
import { auditEntryOf } from '../../src/sync/auditLog';
import type { AdaptiveCard } from '../../src/cards/schema';
import { messagesFor } from '../../src/i18n';
import { seedConnectors } from '../../src/simulator/seed';
import type { Confirmation, Person } from '../../src/sync/confirmation';
import { cardProblems } from '../helpers/adaptiveCards';

const connectors = seedConnectors();
const [cas01, cas02, , munich] = connectors;
const ada: Person = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Admin' };
const pending: Confirmation = {
  state: 'pending',
  id: '3f0e4c0a-1d2b-4c5d-8e9f-001122334455',
  connector: snapshotOf(cas01!),
  syncType: 'fullSync',
  requestedBy: ada,
  createdAt: '2026-11-26T10:00:00.000Z',
  expiresAt: '2026-11-26T10:10:00.000Z',
};
const claim = { claimedBy: ada, claimedAt: '2026-11-26T10:01:00.000Z' };
const states: Confirmation[] = [
  pending,
  { ...pending, ...claim, state: 'claimed' },
  { ...pending, ...claim, state: 'requested', requestedAt: '2026-11-26T10:01:01.000Z', graphRequestId: 'req-1' },
  {
    ...pending,
    ...claim,
    state: 'failed',
    failedAt: '2026-11-26T10:01:01.000Z',
    failure: { kind: 'throttled', status: 429, requestId: 'req-2', retryAfterSeconds: 30 },
  },
  { ...pending, state: 'cancelled', cancelledBy: ada, cancelledAt: '2026-11-26T10:02:00.000Z' },
  { ...pending, state: 'expired', expiredAt: '2026-11-26T10:11:00.000Z' },
];

function everyCard(locale: 'en' | 'de'): Array<[string, AdaptiveCard]> {
  const m = messagesFor(locale);
  return [
    ...states.map((confirmation): [string, AdaptiveCard] => [`confirmation ${confirmation.state}`, confirmationCard(confirmation, m)]),
    ['confirmation with note', confirmationCard(states[2]!, m, m.alreadyHandled)],
    ['list', connectorListCard(connectors, m)],
    ['empty list', connectorListCard([], m)],
    ['status', connectorStatusCard(munich!, m)],
    ['choose sync type', chooseSyncTypeCard(cas01!, m)],
    ['ambiguous', ambiguousConnectorCard('cas', [cas01!, cas02!], m)],
    ['unknown with suggestion', unknownConnectorCard('cas1', cas01!, connectors, m)],
    ['unknown, no connectors', unknownConnectorCard('x', null, [], m)],
    ['help', helpCard(m, [m.notUnderstood('foo'), m.didYouMeanCommand('sync')])],
    ['history', historyCard('CAS01', [auditEntryOf(states[2]!)!, auditEntryOf(states[3]!)!], m)],
    ['empty history', historyCard('CAS01', [], m)],
  ];
}

describe.each(['en', 'de'] as const)('every card in %s', (locale) => {
  it.each(everyCard(locale))('%s parses cleanly as Adaptive Card 1.5', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card).problems).toEqual([]);
  });
});

describe('confirmation card', () => {
  const m = messagesFor('en');

  it('names the connector, the sync type and the requester, with start and cancel buttons', () => {
    const card = confirmationCard(pending, m);
    const json = JSON.stringify(card);
    expect(json).toContain('CAS01');
    expect(json).toContain('cas01.contoso.local');
    expect(json).toContain('Connected');
    expect(json).toContain('Full sync');
    expect(json).toContain('Ada Admin');
    const { card: parsed } = cardProblems(card);
    expect([0, 1].map((i) => parsed.getActionAt(i).title)).toEqual(['Start full sync', 'Cancel']);
    expect(parsed.getActionAt(0).getJsonTypeName()).toBe('Action.Execute');
  });

  it('carries only the opaque confirmation id in its buttons', () => {
    for (const action of confirmationCard(pending, m).actions ?? []) {
      expect(Object.keys(action.data).sort()).toEqual(['confirmationId', 'verb']);
      expect(action.data.confirmationId).toBe(pending.id);
      expect(JSON.stringify(action.data)).not.toContain(pending.connector.id);
    }
  });

  it.each(states.filter((state) => state.state !== 'pending'))('has no buttons once $state', (confirmation) => {
    expect(confirmationCard(confirmation, m).actions).toBeUndefined();
    expect(JSON.stringify(confirmationCard(confirmation, m))).not.toContain('Action.');
  });

  it('says who requested and when, in each viewer\'s own time zone', () => {
    const json = JSON.stringify(confirmationCard(states[2]!, m));
    expect(json).toContain('Requested by Ada Admin on {{DATE(2026-11-26T10:01:01Z, SHORT)}} {{TIME(2026-11-26T10:01:01Z)}}');
    expect(json).toContain('req-1');
  });

  it('explains a failure with what to do and the Graph request-id', () => {
    const json = JSON.stringify(confirmationCard(states[3]!, m));
    expect(json).toContain('throttling');
    expect(json).toContain('30 s');
    expect(json).toContain('req-2');
  });

  it('speaks German for German users', () => {
    const json = JSON.stringify(confirmationCard(pending, messagesFor('de')));
    expect(json).toContain('Vollständig synchronisieren');
    expect(json).toContain('Abbrechen');
  });
});

describe('connector cards', () => {
  const m = messagesFor('en');
  it('lists every connector with status, type, server and last sync, "never" for a connector that never synced', () => {
    const json = JSON.stringify(connectorListCard(connectors, m));
    for (const text of ['CAS01', 'CAS02', 'EXO-Hosted', 'Munich Exchange', 'Disconnected', 'Hosted', 'mucex01.fabrikam.de', 'never']) {
      expect(json).toContain(text);
    }
  });

  it('gives each ambiguous candidate its own buttons', () => {
    const card = ambiguousConnectorCard('cas', [cas01!, cas02!], m);
    expect(cardProblems(card).problems).toEqual([]);
    const perCandidate = card.body.flatMap((element) =>
      element.type === 'Container'
        ? element.items.flatMap((item) => (item.type === 'ActionSet' ? [item.actions.map((action) => `${action.title}:${action.data.connectorId}`)] : []))
        : [],
    );
    expect(perCandidate).toEqual([
      [`Start full sync:${cas01!.id}`, `Start delta sync:${cas01!.id}`],
      [`Start full sync:${cas02!.id}`, `Start delta sync:${cas02!.id}`],
    ]);
  });
});
