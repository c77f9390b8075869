import type { SyncType } from '../graph/types';

/**
 * The words around commands, in English and German: what the parser ignores, what names a connector, which word
 * means which sync. The commands' own words live with their handlers in the registry (registry.ts). Adding a
 * synonym is one entry here or there.
 */

/** Politeness and glue: "please sync the connector CAS01 now", "synchronisiere den Connector bitte". */
export const FILLERS = [
  'please',
  'pls',
  'the',
  'a',
  'an',
  'for',
  'of',
  'my',
  'our',
  'now',
  'force',
  'do',
  'run',
  'start',
  'can',
  'you',
  'could',
  'would',
  'just',
  'again',
  'on',
  'to',
  'me',
  'kindly',
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
  'mal',
  'einen',
  'eine',
  'ein',
  'doch',
  'kannst',
  'du',
  'sie',
  'starte',
  'erneut',
  'nochmal',
  'mir',
  'zu',
  'an',
];

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
