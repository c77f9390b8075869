import type { SyncType } from '../graph/types';

/** Words that start a sync, in English and German. */
export const SYNC_VERBS = ['sync', 'synchronize', 'synchronise', 'synchronisiere', 'synchronisieren', 'synchronisier'];
/** Optional noun after the verb: `sync connector cas01 full`. */
export const CONNECTOR_NOUNS = ['connector', 'konnektor', 'exchange-connector'];
export const STATUS_WORDS = ['status', 'zustand'];
export const HISTORY_WORDS = ['history', 'verlauf'];
export const HELP_WORDS = ['help', 'hilfe', '?', 'commands', 'befehle', 'hi', 'hello', 'hallo'];
export const LIST_PHRASES = [
  'list connectors',
  'list connector',
  'list',
  'connectors',
  'show connectors',
  'liste connectors',
  'liste connector',
  'liste konnektoren',
  'connectors anzeigen',
  'konnektoren anzeigen',
  'zeige connectors',
  'konnektoren',
];

export const SIGN_OUT_PHRASES = ['logout', 'log out', 'sign out', 'signout', 'abmelden', 'ausloggen'];

/** Sync type words, compared after lower-casing and removing spaces, dashes and underscores. */
export const SYNC_TYPE_WORDS: Record<string, SyncType> = {
  full: 'fullSync',
  fullsync: 'fullSync',
  vollständig: 'fullSync',
  vollstaendig: 'fullSync',
  voll: 'fullSync',
  vollsync: 'fullSync',
  delta: 'deltaSync',
  deltasync: 'deltaSync',
  quick: 'deltaSync',
  quicksync: 'deltaSync',
  schnell: 'deltaSync',
  schnellsync: 'deltaSync',
};

/** First words the "did you mean" for an unknown command compares against, with the command they stand for. */
export const COMMAND_KEYWORDS: Record<string, string> = {
  sync: 'sync connector',
  synchronisiere: 'synchronisiere connector',
  status: 'status',
  history: 'history',
  list: 'list connectors',
  connectors: 'list connectors',
  help: 'help',
  hilfe: 'hilfe',
  logout: 'logout',
};
