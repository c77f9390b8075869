import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmationCard } from '../../src/cards/confirmationCard';
import {
  ambiguousConnectorCard,
  chooseSyncTypeCard,
  connectorListCard,
  connectorStatusCard,
  unknownConnectorCard,
} from '../../src/cards/connectorCards';
import { helpCard } from '../../src/cards/helpCard';
import { helpLines } from '../../src/commands/catalogue';
import { historyCard } from '../../src/cards/historyCard';
import type { AdaptiveCard } from '../../src/cards/schema';
import type { Connector } from '../../src/graph/types';
import { messagesFor } from '../../src/i18n';
import { seedConnectors } from '../../src/simulator/seed';
import { auditEntryOf } from '../../src/sync/auditLog';
import type { Confirmation, Person } from '../../src/sync/confirmation';
import { snapshotOf } from '../../src/sync/connectorSnapshot';
import { md } from '../../src/text/rich';
import { cardProblems } from '../helpers/adaptiveCards';
import { CARD_LIMIT_BYTES, activityBytes, buttonsOf, liveLinksIn, markdownTexts } from '../helpers/cardChecks';

const connectors = seedConnectors();
const [cas01, cas02, , munich] = connectors;
const ada: Person = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Admin' };

function statesOf(connector: Connector, person: Person): Confirmation[] {
  const pending: Confirmation = {
    state: 'pending',
    id: '3f0e4c0a-1d2b-4c5d-8e9f-001122334455',
    connector: snapshotOf(connector),
    syncType: 'fullSync',
    requestedBy: person,
    conversationId: 'a:1',
    createdAt: '2026-11-26T10:00:00.000Z',
    expiresAt: '2026-11-26T10:10:00.000Z',
    revision: 0,
  };
  const claim = { claimId: 'c1', claimedBy: person, claimedAt: '2026-11-26T10:01:00.000Z' };
  return [
    pending,
    { ...pending, signInExpired: true },
    { ...pending, ...claim, state: 'claimed', revision: 1 },
    {
      ...pending,
      ...claim,
      state: 'requested',
      requestedAt: '2026-11-26T10:01:01.000Z',
      graphRequestId: 'req-1',
      revision: 2,
    },
    {
      ...pending,
      ...claim,
      state: 'refused',
      refusedAt: '2026-11-26T10:01:01.000Z',
      failure: { kind: 'throttled', status: 429, requestId: 'req-2', retryAfterSeconds: 30 },
      revision: 2,
    },
    {
      ...pending,
      ...claim,
      state: 'unknown',
      unknownAt: '2026-11-26T10:01:11.000Z',
      reason: 'noAnswer',
      failure: null,
      revision: 2,
    },
    {
      ...pending,
      ...claim,
      state: 'unknown',
      unknownAt: '2026-11-26T10:05:00.000Z',
      reason: 'interrupted',
      failure: null,
      revision: 2,
    },
    { ...pending, state: 'cancelled', cancelledBy: person, cancelledAt: '2026-11-26T10:02:00.000Z', revision: 1 },
    { ...pending, state: 'expired', expiredAt: '2026-11-26T10:11:00.000Z', revision: 1 },
    {
      ...pending,
      state: 'superseded',
      supersededAt: '2026-11-26T10:03:00.000Z',
      other: { confirmationId: 'x', by: person, syncType: 'deltaSync', at: '2026-11-26T10:02:00.000Z' },
      revision: 1,
    },
  ];
}

function everyCard(
  locale: 'en' | 'de',
  connector: Connector = cas01!,
  person: Person = ada,
  all: Connector[] = connectors,
  query = 'cas',
): Array<[string, AdaptiveCard]> {
  const m = messagesFor(locale);
  const states = statesOf(connector, person);
  const entries = states.map(auditEntryOf).filter((entry) => entry !== null);
  return [
    ...states.map((confirmation): [string, AdaptiveCard] => [
      `confirmation ${confirmation.state}`,
      confirmationCard(confirmation, { m, personal: false }),
    ]),
    ['confirmation in a personal chat', confirmationCard(states[0]!, { m, personal: true })],
    ['confirmation with note', confirmationCard(states[3]!, { m, personal: false }, m.alreadyHandled)],
    ['list', connectorListCard({ connectors: all, page: 1, truncated: false, owner: 'aad-ada' }, m)],
    [
      'list, last page, truncated',
      connectorListCard({ connectors: all, page: 99, truncated: true, owner: 'aad-ada' }, m),
    ],
    ['empty list', connectorListCard({ connectors: [], page: 1, truncated: false, owner: 'aad-ada' }, m)],
    ['status', connectorStatusCard(connector, 'aad-ada', m)],
    ['choose sync type', chooseSyncTypeCard(connector, 'aad-ada', m)],
    ['ambiguous', ambiguousConnectorCard(query, all, 'aad-ada', m)],
    ['unknown with suggestion', unknownConnectorCard(query, connector, all, 'aad-ada', m)],
    ['unknown, no connectors', unknownConnectorCard(query, null, [], 'aad-ada', m)],
    ['help', helpCard(m, helpLines(locale), [m.notUnderstood(query), m.didYouMeanCommand(`sync ${query}`)])],
    ['history', historyCard(connector.exchangeAlias ?? connector.id, entries, m)],
    ['empty history', historyCard('CAS01', [], m)],
  ];
}

describe.each(['en', 'de'] as const)('every card in %s', (locale) => {
  it.each(everyCard(locale))('%s parses cleanly as Adaptive Card 1.5 and stays within 28 KB', (_name, card) => {
    expect(cardProblems(card).problems).toEqual([]);
    expect(activityBytes(card)).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
  });
});

describe('untrusted text is shown as text', () => {
  const hostile = {
    ...cas01!,
    exchangeAlias: '[Re-authenticate here](https://evil.example/login)',
    serverName: '**Approved** <a href="https://evil.example">x</a> www.evil.example',
    status: 'degraded',
    exchangeConnectorType: 'cloud',
    version: undefined,
  } as unknown as Connector;

  it('Graph values with markdown or links never reach markdown text; they stay in TextRuns, exactly as Graph has them', () => {
    for (const [name, card] of everyCard(
      'en',
      hostile,
      { ...ada, name: '[Ada](https://evil.example)' },
      [hostile, cas02!],
      '[x](https://evil.example)',
    )) {
      expect(markdownTexts(card).flatMap(liveLinksIn), name).toEqual([]);
      expect(cardProblems(card).problems, name).toEqual([]);
    }
    expect(JSON.stringify(connectorStatusCard(hostile, 'aad-ada', messagesFor('en')))).toContain(
      '"text":"[Re-authenticate here](https://evil.example/login)"',
    );
  });

  it('names read exactly as Graph has them: no escaping of - or . in cards', () => {
    const json = JSON.stringify(
      confirmationCard(statesOf({ ...cas01!, exchangeAlias: 'Contoso-HQ' }, ada)[0]!, {
        m: messagesFor('en'),
        personal: false,
      }),
    );
    expect(json).toContain('"text":"Contoso-HQ"');
    expect(json).toContain('"text":"cas01.contoso.local"');
  });

  it('a status or type the bot does not know is shown as Graph sends it, and one odd connector never breaks the list', () => {
    const odd = { id: 'odd-1', status: 'degraded', exchangeConnectorType: 'cloud' } as unknown as Connector;
    const json = JSON.stringify(
      connectorListCard({ connectors: [odd, cas01!], page: 1, truncated: false, owner: 'aad-ada' }, messagesFor('en')),
    );
    expect(json).toContain('degraded');
    expect(json).toContain('CAS01');
  });

  const text = fc.string({ unit: 'grapheme', maxLength: 300 });
  const arbitraryConnector = fc.record({
    id: fc.uuid(),
    exchangeAlias: fc.option(text, { nil: undefined }),
    serverName: fc.option(text, { nil: undefined }),
    connectorServerName: fc.option(text, { nil: null }),
    status: fc.oneof(
      fc.constantFrom('connected', 'disconnected', 'connectionPending', 'none', 'unknownFutureValue'),
      text,
      fc.constant(undefined),
    ),
    exchangeConnectorType: fc.oneof(
      fc.constantFrom('onPremises', 'hosted', 'serviceToService', 'dedicated'),
      text,
      fc.constant(undefined),
    ),
    lastSyncDateTime: fc.oneof(
      fc.constant('0001-01-01T00:00:00Z'),
      fc
        .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') })
        .map((d) => d.toISOString()),
      text,
    ),
    version: fc.option(text, { nil: undefined }),
    exchangeOrganization: fc.option(text, { nil: undefined }),
  }) as fc.Arbitrary<Connector>;

  it('property: any connector, any name, any typed query -> every card parses, fits 28 KB, and carries no live link from untrusted text', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryConnector, { minLength: 1, maxLength: 40 }),
        text,
        text,
        fc.constantFrom('en' as const, 'de' as const),
        (all, name, query, locale) => {
          for (const [cardName, card] of everyCard(locale, all[0], { ...ada, name }, all, query)) {
            expect(cardProblems(card).problems, cardName).toEqual([]);
            expect(activityBytes(card), cardName).toBeLessThanOrEqual(CARD_LIMIT_BYTES);
            expect(markdownTexts(card).flatMap(liveLinksIn), cardName).toEqual([]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("chat text: untrusted parts are inert (entities, no links), the bot's own markdown still renders", async () => {
    const { toMarkdown } = await import('../../src/text/rich');
    const markdown = toMarkdown(
      md`Sorry, I did not understand “${'[click](http://evil.example) **bold** www.x.com'}”. Type \`help\`.`,
    );
    expect(liveLinksIn(markdown)).toEqual([]);
    expect(markdown).not.toContain('**bold**');
    expect(markdown).toContain('`help`');
    expect(toMarkdown(md`${'Contoso-HQ cas01.contoso.local'}`)).toBe('Contoso-HQ cas01.contoso.local');
  });
});

describe('confirmation card', () => {
  const m = messagesFor('en');
  const [pending, , , requested, refused, unknown] = statesOf(cas01!, ada);

  it('names the connector, the sync type and the requester, with start and cancel buttons', () => {
    const card = confirmationCard(pending!, { m, personal: false });
    const json = JSON.stringify(card);
    for (const text of [
      'CAS01',
      'cas01.contoso.local',
      'Connected',
      'Full sync',
      'Ada Admin',
      'Only ',
      'Valid until ',
      '{{TIME(2026-11-26T10:10:00Z)}}',
    ])
      expect(json).toContain(text);
    const { card: parsed } = cardProblems(card);
    expect([0, 1].map((i) => parsed.getActionAt(i).title)).toEqual(['Start full sync', 'Cancel']);
    expect(parsed.getActionAt(0).getJsonTypeName()).toBe('Action.Execute');
  });

  it('in a personal chat it does not say who else may press it (there is nobody else)', () => {
    expect(JSON.stringify(confirmationCard(pending!, { m, personal: true }))).not.toContain('Only ');
  });

  it('carries only the opaque confirmation id in its buttons', () => {
    for (const action of buttonsOf(confirmationCard(pending!, { m, personal: false }))) {
      expect(Object.keys(action.data).sort()).toEqual(['confirmationId', 'verb']);
      expect(action.data.confirmationId).toBe(pending!.id);
    }
  });

  it('offers what to do next after the outcome: Status and History, Retry (a new confirmation), never a resend', () => {
    expect(buttonsOf(confirmationCard(requested!, { m, personal: false })).map((b) => [b.title, b.data.verb])).toEqual([
      ['Status', 'connector.status'],
      ['History', 'connector.history'],
    ]);
    expect(buttonsOf(confirmationCard(refused!, { m, personal: false })).map((b) => [b.title, b.data.verb])).toEqual([
      ['Retry', 'sync.prepare'],
      ['Status', 'connector.status'],
    ]);
    expect(buttonsOf(confirmationCard(unknown!, { m, personal: false })).map((b) => b.data.verb)).toEqual([
      'connector.status',
    ]);
    for (const state of statesOf(cas01!, ada).slice(2))
      expect(buttonsOf(confirmationCard(state, { m, personal: false })).map((b) => b.data.verb)).not.toContain(
        'sync.confirm',
      );
  });

  it('an unknown outcome says so in those words, what to check, and that nothing was sent again', () => {
    const json = JSON.stringify(confirmationCard(unknown!, { m, personal: false }));
    expect(json).toContain('outcome is unknown because Graph did not confirm it');
    expect(json).toContain('status CAS01');
    expect(json).toContain('not sent again');
    expect(JSON.stringify(confirmationCard(unknown!, { m: messagesFor('de'), personal: false }))).toContain(
      'unbekannt',
    );
  });

  it('explains a refusal with what to do and the Graph request-id', () => {
    const json = JSON.stringify(confirmationCard(refused!, { m, personal: false }));
    for (const text of ['throttling', '30 s', 'req-2']) expect(json).toContain(text);
  });

  it('a 429 names one wait, in minutes and seconds, and nothing contradicts it', () => {
    const throttled = statesOf(cas01!, ada)[4]!;
    if (throttled.state !== 'refused') throw new Error('not refused');
    const text = JSON.stringify(
      confirmationCard(
        { ...throttled, failure: { ...throttled.failure, retryAfterSeconds: 120 } },
        { m, personal: false },
      ),
    );
    expect(text).toContain('Intune asks to wait 2 minutes (120 s) before trying again.');
    expect(text).not.toContain('in a minute');
  });

  it('speaks German for German users', () => {
    const json = JSON.stringify(confirmationCard(pending!, { m: messagesFor('de'), personal: false }));
    expect(json).toContain('Vollständig synchronisieren');
    expect(json).toContain('Abbrechen');
  });
});

describe('connector cards', () => {
  const m = messagesFor('en');

  it('lists every connector as a compact block with its own Status and Sync buttons, "never" for one that never synced', () => {
    const card = connectorListCard({ connectors, page: 1, truncated: false, owner: 'aad-ada' }, m);
    const json = JSON.stringify(card);
    for (const text of [
      'CAS01',
      'CAS02',
      'EXO-Hosted',
      'Munich Exchange',
      'Disconnected',
      'mucex01.fabrikam.de',
      'never',
    ])
      expect(json).toContain(text);
    const perConnector = buttonsOf(card).map((b) => `${b.title}:${b.data.connectorId}`);
    for (const connector of connectors)
      expect(perConnector).toEqual(expect.arrayContaining([`Status:${connector.id}`, `Sync…:${connector.id}`]));
  });

  it('pages a long list: "showing 1–10 of 137" and Show more', () => {
    const many = Array.from({ length: 137 }, (_, n) => ({ ...cas01!, id: `c-${n}`, exchangeAlias: `C${n}` }));
    const first = connectorListCard({ connectors: many, page: 1, truncated: false, owner: 'aad-ada' }, m);
    expect(JSON.stringify(first)).toContain('Showing 1–10 of 137.');
    expect(buttonsOf(first).find((b) => b.title === 'Show more')).toMatchObject({
      data: { verb: 'connectors.page', page: '2', owner: 'aad-ada' },
    });
    const last = connectorListCard({ connectors: many, page: 14, truncated: false, owner: 'aad-ada' }, m);
    expect(JSON.stringify(last)).toContain('Showing 131–137 of 137.');
    expect(buttonsOf(last).map((b) => b.title)).not.toContain('Show more');
  });

  it('gives each ambiguous candidate its own buttons', () => {
    const card = ambiguousConnectorCard('cas', [cas01!, cas02!], 'aad-ada', m);
    const perCandidate = buttonsOf(card).map((b) => `${b.title}:${b.data.connectorId}`);
    expect(perCandidate).toEqual([
      `Start full sync:${cas01!.id}`,
      `Start delta sync:${cas01!.id}`,
      `Start full sync:${cas02!.id}`,
      `Start delta sync:${cas02!.id}`,
    ]);
  });

  it('the status card has a History button; a disconnected connector is named as such', () => {
    expect(buttonsOf(connectorStatusCard(munich!, 'aad-ada', m)).map((b) => b.title)).toEqual([
      'Start full sync',
      'Start delta sync',
      'History',
    ]);
  });
});
