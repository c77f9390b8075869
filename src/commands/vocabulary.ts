import type { SyncType } from '../graph/types';

/**
 * The words around commands, in English and German: what the parser ignores, what names a connector, which word
 * means which sync. The commands' own words live with their handlers in the registry (registry.ts). Adding a
 * synonym is one entry here or there.
 */

/**
 * Words that change nothing: politeness, glue, time, and the grammar around a request ("kick off a delta on cas01",
 * "pls full sync cas01 asap", "kannst du bitte den Connector CAS01 neu synchronisieren"). Never a connector's name.
 */
export const FILLERS = [
  'please',
  'pls',
  'plz',
  'the',
  'a',
  'an',
  'for',
  'of',
  'my',
  'our',
  'we',
  'us',
  'now',
  'asap',
  'immediately',
  'right',
  'away',
  'quickly',
  'today',
  'do',
  'can',
  'you',
  'could',
  'would',
  'will',
  'just',
  'again',
  'once',
  'more',
  'on',
  'to',
  'me',
  'it',
  'have',
  'got',
  'there',
  'here',
  'kindly',
  'what',
  'which',
  'that',
  'this',
  'its',
  'and',
  'with',
  'be',
  'been',
  'is',
  'are',
  'am',
  'does',
  'ist',
  'sind',
  'how',
  'bitte',
  'den',
  'die',
  'das',
  'der',
  'dem',
  'des',
  'von',
  'vom',
  'für',
  'jetzt',
  'sofort',
  'gleich',
  'mal',
  'einen',
  'eine',
  'ein',
  'einem',
  'doch',
  'kannst',
  'könntest',
  'können',
  'du',
  'sie',
  'erneut',
  'nochmal',
  'noch',
  'neu',
  'mir',
  'uns',
  'wir',
  'zu',
  'an',
  'es',
  'gibt',
  'haben',
  'welche',
  'welcher',
  'welches',
  'was',
  'im',
  'in',
  'und',
  'mit',
  'off',
];

/**
 * Words that make a message a question about a connector, which a status card answers: anywhere in it ("when did
 * CAS01 last sync", "wann wurde CAS01 zuletzt synchronisiert", "why is CAS02 disconnected") they beat a sync verb.
 */
export const QUESTION_WORDS: Record<string, 'lastSync' | 'why' | 'state'> = {
  when: 'lastSync',
  last: 'lastSync',
  lastly: 'lastSync',
  recently: 'lastSync',
  wann: 'lastSync',
  zuletzt: 'lastSync',
  letzte: 'lastSync',
  letzten: 'lastSync',
  why: 'why',
  warum: 'why',
  wieso: 'why',
  weshalb: 'why',
  did: 'state',
  has: 'state',
  wurde: 'state',
  war: 'state',
  hat: 'state',
};

/** A question only as the first word ("is cas01 connected?"), and only without a sync verb or type. */
export const OPENING_QUESTION_WORDS = ['is', 'are', 'was', 'does', 'ist', 'sind', 'läuft', 'funktioniert'];

/**
 * How a connector is: a question about it without a sync verb ("cas01 ok?"), and with one, which connectors a
 * request means when no name is given ("sync the disconnected connector").
 */
export const CONDITION_WORDS: Record<string, 'connected' | 'disconnected' | 'connectionPending' | null> = {
  ok: null,
  okay: null,
  fine: null,
  healthy: null,
  working: null,
  up: null,
  down: 'disconnected',
  connected: 'connected',
  disconnected: 'disconnected',
  offline: 'disconnected',
  pending: 'connectionPending',
  verbunden: 'connected',
  getrennt: 'disconnected',
  ausstehend: 'connectionPending',
  erreichbar: null,
  gesund: null,
};

/**
 * Kinds of connector: "sync the hosted connector", "sync exchange online", "synchronisiere den lokalen Connector".
 * When the words name no connector, the answer offers the connectors of that kind.
 */
export const TYPE_WORDS: Record<string, 'onPremises' | 'hosted' | 'dedicated'> = {
  hosted: 'hosted',
  online: 'hosted',
  cloud: 'hosted',
  'on-premises': 'onPremises',
  'on-prem': 'onPremises',
  onprem: 'onPremises',
  onpremises: 'onPremises',
  lokal: 'onPremises',
  lokale: 'onPremises',
  lokalen: 'onPremises',
  dedicated: 'dedicated',
};

/** The optional noun: "sync connector CAS01", "synchronisiere die Konnektoren". */
export const NOUNS = [
  'connector',
  'connectors',
  'konnektor',
  'konnektoren',
  'connectoren',
  'exchange-connector',
  'exchange-connectors',
  'exchangeconnector',
];

/** "exchange connector": "exchange" before a noun is part of the noun, not a connector's name. */
export const NOUN_PREFIXES = ['exchange', 'intune'];

/** Every connector at once, which the bot answers with the list: syncs go one connector at a time. */
export const ALL_WORDS = ['all', 'every', 'each', 'alle', 'allen', 'aller', 'sämtliche', 'jeden'];

/** Sync type words, compared after lower-casing and removing spaces, dashes and underscores. */
export const SYNC_TYPE_WORDS: Record<string, SyncType> = {
  full: 'fullSync',
  fully: 'fullSync',
  fullsync: 'fullSync',
  complete: 'fullSync',
  vollständig: 'fullSync',
  vollstaendig: 'fullSync',
  vollständige: 'fullSync',
  komplett: 'fullSync',
  voll: 'fullSync',
  vollsync: 'fullSync',
  delta: 'deltaSync',
  deltasync: 'deltaSync',
  quick: 'deltaSync',
  quicksync: 'deltaSync',
  incremental: 'deltaSync',
  schnell: 'deltaSync',
  schnellsync: 'deltaSync',
};

/** One word that says both "sync" and which: "Vollsynchronisierung CAS01". */
export const SYNC_COMPOUNDS: Record<string, SyncType> = {
  vollsynchronisierung: 'fullSync',
  vollsynchronisation: 'fullSync',
  vollständigesynchronisierung: 'fullSync',
  deltasynchronisierung: 'deltaSync',
  deltasynchronisation: 'deltaSync',
  schnellsynchronisierung: 'deltaSync',
  fullresync: 'fullSync',
};

export function squash(word: string): string {
  return word.toLowerCase().replace(/[\s_-]+/g, '');
}
