import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/commands/command';
import { parseCommand } from '../../src/commands/parse';
import { COMMANDS, VOCABULARY, helpLines } from '../../src/commands/catalogue';

const parse = (text: string) => parseCommand(text, VOCABULARY);
const sync = (target: string[] | 'all', syncType: 'fullSync' | 'deltaSync' | null): Command => ({
  kind: 'sync',
  target,
  syncType,
});

describe('parseCommand: what people type, in English and German', () => {
  it.each([
    // the documented syntax
    ['sync connector cas01 full', sync(['cas01'], 'fullSync')],
    ['sync connector cas01 delta', sync(['cas01'], 'deltaSync')],
    ['SYNC   Connector   CAS01    FULL', sync(['CAS01'], 'fullSync')],
    ['sync connector cas01 fullSync', sync(['cas01'], 'fullSync')],
    ['sync connector cas01 quick', sync(['cas01'], 'deltaSync')],
    ['sync connector cas01', sync(['cas01'], null)],
    ['sync connector "Munich Exchange" full', sync(['Munich Exchange'], 'fullSync')],
    ['sync connector “Munich  Exchange” delta', sync(['Munich Exchange'], 'deltaSync')],
    ['synchronisiere connector cas01 vollständig', sync(['cas01'], 'fullSync')],
    ['Synchronisiere Konnektor CAS01 Delta', sync(['CAS01'], 'deltaSync')],
    ['synchronisiere connector „Munich Exchange“ schnell', sync(['Munich Exchange'], 'deltaSync')],
    ['<at>Connector Sync</at> sync connector cas01 full', sync(['cas01'], 'fullSync')],
    ['sync&nbsp;connector cas01 full', sync(['cas01'], 'fullSync')],
    // filler words
    ['please sync the exchange connector cas01 fully', sync(['cas01'], 'fullSync')],
    ['delta sync for munich', sync(['munich'], 'deltaSync')],
    ['sync the munich connector', sync(['munich'], null)],
    ['synchronisiere den Connector CAS01 bitte vollständig', sync(['CAS01'], 'fullSync')],
    ['force sync CAS01', sync(['CAS01'], null)],
    ['sync connector CAS01 full please', sync(['CAS01'], 'fullSync')],
    ['sync connector CAS01 full now!', sync(['CAS01'], 'fullSync')],
    // word order
    ['full sync CAS01', sync(['CAS01'], 'fullSync')],
    ['delta sync CAS01', sync(['CAS01'], 'deltaSync')],
    ['CAS01 full sync', sync(['CAS01'], 'fullSync')],
    ['Vollsynchronisierung CAS01', sync(['CAS01'], 'fullSync')],
    // typos in keywords
    ['sync conector CSA01 ful', sync(['CSA01'], 'fullSync')],
    ['synchronisere connector cas01 vollständig', sync(['cas01'], 'fullSync')],
    ['sync connector cas01 fulll', sync(['cas01'], 'fullSync')],
    // names without quotes, two names, every connector
    ['sync connector Munich Exchange full', sync(['Munich', 'Exchange'], 'fullSync')],
    ['sync connector CAS01 CAS02 full', sync(['CAS01', 'CAS02'], 'fullSync')],
    ['sync all connectors', sync('all', null)],
    ['synchronisiere alle Connectoren', sync('all', null)],
    ['sync all', sync('all', null)],
    // emoji
    ['🔄 sync CAS01 full', sync(['CAS01'], 'fullSync')],
    ['sync CAS01 full ✅', sync(['CAS01'], 'fullSync')],
    // look-ups
    ['list connectors', { kind: 'list' }],
    ['connectors', { kind: 'list' }],
    ['liste', { kind: 'list' }],
    ['liste connectors', { kind: 'list' }],
    ['connectors anzeigen', { kind: 'list' }],
    ['show all connectors', { kind: 'list' }],
    ['status cas01', { kind: 'status', target: ['cas01'] }],
    ['Status von CAS01', { kind: 'status', target: ['CAS01'] }],
    ['show CAS01', { kind: 'status', target: ['CAS01'] }],
    ['status "Munich Exchange"', { kind: 'status', target: ['Munich Exchange'] }],
    ['history cas01', { kind: 'history', target: ['cas01'] }],
    ['Verlauf von Munich', { kind: 'history', target: ['Munich'] }],
    // small talk and the rest
    ['thanks', { kind: 'thanks' }],
    ['thank you!', { kind: 'thanks' }],
    ['danke', { kind: 'thanks' }],
    ['Vielen Dank', { kind: 'thanks' }],
    ['hi', { kind: 'greeting' }],
    ['hallo', { kind: 'greeting' }],
    ['Guten Morgen', { kind: 'greeting' }],
    ['cancel', { kind: 'cancel' }],
    ['abbrechen', { kind: 'cancel' }],
    ['logout', { kind: 'signOut' }],
    ['Sign out', { kind: 'signOut' }],
    ['abmelden', { kind: 'signOut' }],
    ['help', { kind: 'help' }],
    ['hilfe', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['', { kind: 'help' }],
  ])('%j -> %j', (text, command) => {
    expect(parse(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['sync connector', { kind: 'missingTarget', command: 'sync' }],
    ['synchronisiere connector', { kind: 'missingTarget', command: 'sync' }],
    ['status', { kind: 'missingTarget', command: 'status' }],
  ])('%j is explained as %j', (text, error) => {
    expect(parse(text)).toEqual({ ok: false, error });
  });

  it('suggests the command a bigger typo was close to', () => {
    expect(parse('snyc cas01')).toEqual({
      ok: false,
      error: { kind: 'notUnderstood', text: 'snyc cas01', suggestion: { kind: 'sync', rest: ['cas01'] } },
    });
    expect(parse('snyc connector cas01 full')).toEqual({ ok: true, command: sync(['cas01'], 'fullSync') });
    expect(parse('lsit')).toMatchObject({
      ok: false,
      error: { kind: 'notUnderstood', suggestion: { kind: 'list', rest: [] } },
    });
  });

  it.each(['what is the weather', 'DROP TABLE connectors;', '{"verb":"sync.confirm"}'])(
    'does not understand %j',
    (text) => {
      const result = parse(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('notUnderstood');
    },
  );

  it.each(['en', 'de'] as const)('every %s help example parses to its own command', (locale) => {
    for (const [kind, entry] of Object.entries(COMMANDS)) {
      for (const line of entry.help[locale])
        expect(parse(line.example), line.example).toMatchObject({ ok: true, command: { kind } });
    }
    expect(helpLines(locale).length).toBeGreaterThanOrEqual(6);
  });

  it('no word names two commands (a synonym is one line in one place)', () => {
    const seen = new Map<string, string>();
    for (const [kind, entry] of Object.entries(COMMANDS)) {
      for (const word of [...entry.words.en, ...entry.words.de]) {
        expect(seen.get(word), word).toBeUndefined();
        seen.set(word, kind);
      }
    }
  });
});

describe('parseCommand: alerts, read before the other intents', () => {
  const alerts = (action: 'on' | 'off' | 'show'): Command => ({ kind: 'alerts', action });
  it.each([
    ['alerts on', alerts('on')],
    ['Alerts ON', alerts('on')],
    ['turn on alerts', alerts('on')],
    ['please enable the alerts here', alerts('on')],
    ['alerts off', alerts('off')],
    ['turn off the alerts', alerts('off')],
    ['alerts', alerts('show')],
    ['are alerts on?', alerts('show')],
    ['Warnungen an', alerts('on')],
    ['schalte die Warnungen bitte ein', alerts('on')],
    ['Warnungen aus', alerts('off')],
    ['Warnungen', alerts('show')],
    // everyday requests: "when" here must not make a status question
    ['tell us here when a connector disconnects', alerts('on')],
    ['notify me when a connector is disconnected', alerts('on')],
    ['benachrichtige uns hier bei Problemen', alerts('on')],
  ])('%s', (text, command) => {
    expect(parse(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['when did CAS01 last sync?', 'status'],
    ['sync connector "Alerts" full', 'sync'],
    ['status alerts-gateway', 'status'],
  ])('%s is not about alerts', (text, kind) => {
    expect(parse(text)).toMatchObject({ ok: true, command: { kind } });
  });

  it.each(['tell me about CAS01', 'notify CAS01', 'alerts for CAS01 please'])(
    '%s is not a switch of the alerts',
    (text) => {
      const result = parse(text);
      expect(result.ok && result.command.kind === 'alerts' && result.command.action !== 'show').toBe(false);
    },
  );
});

describe('parseCommand, property: any connector name in any of the phrasings yields that connector and sync type', () => {
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{1,10}[0-9]$/).filter((value) => parse(value).ok === false); // a name that is not itself a keyword
  const phrasings: Array<[string, (n: string) => string, 'fullSync' | 'deltaSync' | null]> = [
    ['documented', (n) => `sync connector ${n} full`, 'fullSync'],
    ['polite', (n) => `please sync the exchange connector ${n} fully`, 'fullSync'],
    ['type first', (n) => `delta sync ${n}`, 'deltaSync'],
    ['name first', (n) => `${n} full sync`, 'fullSync'],
    ['German', (n) => `synchronisiere den Connector ${n} bitte vollständig`, 'fullSync'],
    ['German compound', (n) => `Vollsynchronisierung ${n}`, 'fullSync'],
    ['forced', (n) => `force sync ${n}`, null],
    ['emoji', (n) => `🔄 sync ${n} delta!`, 'deltaSync'],
    ['quoted', (n) => `sync connector "${n}" quick`, 'deltaSync'],
  ];
  it.each(phrasings)('%s', (_label, phrase, syncType) => {
    fc.assert(
      fc.property(name, (connector) => {
        expect(parse(phrase(connector))).toEqual({ ok: true, command: sync([connector], syncType) });
      }),
      { numRuns: 60 },
    );
  });
});

describe('parseCommand, property: requests and questions generated from the grammar, in both languages, any order', () => {
  /** Connector-like names (CAS01, MUCX07): never a keyword, a filler or a type. */
  const name = fc.stringMatching(/^[A-Z]{2,4}[0-9]{2}$/);
  const language = {
    en: {
      verbs: ['sync', 'resync', 'run', 'start', 'trigger', 'kick off', 'force', 'refresh', 'launch', 'please sync'],
      fillers: [
        'please',
        'now',
        'asap',
        'the exchange connector',
        'the connector',
        'a',
        'for',
        'on',
        'right away',
        'pls',
      ],
      types: { fullSync: ['full', 'fully', 'complete', 'full sync'], deltaSync: ['delta', 'quick', 'delta sync'] },
      questions: [
        'when did {} last sync',
        'when was the last sync of {}',
        'is {} connected',
        'why is {} disconnected',
        'is {} ok',
      ],
    },
    de: {
      verbs: [
        'synchronisiere',
        'synchronisieren',
        'starte',
        'anstoßen',
        'auslösen',
        'ausführen',
        'bitte synchronisieren',
      ],
      fillers: ['bitte', 'jetzt', 'mal', 'den Connector', 'den Exchange Connector', 'doch', 'neu', 'sofort', 'für'],
      types: { fullSync: ['vollständig', 'komplett', 'voll'], deltaSync: ['delta', 'schnell', 'Delta-Sync'] },
      questions: [
        'wann wurde {} zuletzt synchronisiert',
        'ist {} verbunden',
        'warum ist {} getrennt',
        'wann hat {} zuletzt synchronisiert',
      ],
    },
  } as const;

  it.each(['en', 'de'] as const)('%s: a verb, a name, maybe a type, any fillers, in any order: that sync', (locale) => {
    const words = language[locale];
    const syncType = fc.constantFrom<'fullSync' | 'deltaSync' | null>('fullSync', 'deltaSync', null);
    fc.assert(
      fc.property(
        name,
        fc.constantFrom(...words.verbs),
        syncType.chain((type) =>
          fc.tuple(fc.constant(type), type ? fc.constantFrom(...words.types[type]) : fc.constant('')),
        ),
        fc.subarray([...words.fillers], { maxLength: 3 }),
        fc.nat(),
        (connector, verb, [type, typeWord], fillers, seed) => {
          const parts = [verb, connector, ...(typeWord ? [typeWord] : []), ...fillers];
          const shuffled = shuffle(parts, seed);
          const text = shuffled.join(' ') + (seed % 3 === 0 ? '!' : '');
          expect(parse(text), text).toEqual({ ok: true, command: sync([connector], type) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(['en', 'de'] as const)(
    '%s: a question about a connector is a status request, whatever verb it holds',
    (locale) => {
      fc.assert(
        fc.property(name, fc.constantFrom(...language[locale].questions), fc.boolean(), (connector, question, mark) => {
          const text = question.replace('{}', connector) + (mark ? '?' : '');
          const parsed = parse(text);
          expect(parsed, text).toMatchObject({ ok: true, command: { kind: 'status', target: [connector] } });
        }),
        { numRuns: 200 },
      );
    },
  );
});

/** A deterministic shuffle of `parts` driven by `seed` (fast-check shrinks the seed, not the order). */
function shuffle<T>(parts: readonly T[], seed: number): T[] {
  const result = [...parts];
  let state = seed;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
