import type { Locale } from '../i18n';
import type { Command, CommandKind } from './command';
import { handleHistory, handleList, handleStatus } from './handlers/lookups';
import { handleSync } from './handlers/sync';
import { handleCancel, handleGreeting, handleHelp, handleSignOut, handleThanks } from './handlers/talk';
import type { CommandRequest } from './handlers/request';
import type { CommandVocabulary } from './parse';
import type { Reply } from './reply';

export interface HelpLine {
  example: string;
  text: string;
}

interface Entry<K extends CommandKind> {
  /** Single words that name the command anywhere in a message, per language (lower case). */
  words: Record<Locale, readonly string[]>;
  /** Whole messages that are this command ("sign out", "thank you"). */
  phrases?: Record<Locale, readonly string[]>;
  /** How the command is typed, for "did you mean". */
  typed: string;
  /** Its lines on the help card, in the reader's language: the parser accepts every example (a test checks). */
  help: Record<Locale, readonly HelpLine[]>;
  handle: (request: CommandRequest<Extract<Command, { kind: K }>>) => Promise<Reply>;
}

/**
 * Every command the bot understands: one entry each, with its words in English and German, its help lines and its
 * handler. The parser's vocabulary, the help card and "did you mean" all come from here, so adding a command or a
 * synonym is one edit in one place.
 */
export const COMMANDS: { readonly [K in CommandKind]: Entry<K> } = {
  sync: {
    words: {
      en: ['sync', 'synch', 'synchronize', 'synchronise', 'resync'],
      de: ['synchronisiere', 'synchronisieren', 'synchronisier', 'synchronisierung', 'synchronisation'],
    },
    typed: 'sync connector',
    help: {
      en: [
        {
          example: 'sync connector CAS01 full',
          text: 'Full sync of a connector (by alias, server name or id; a unique prefix is enough)',
        },
        {
          example: 'sync connector CAS01 delta',
          text: 'Delta ("Quick") sync; also "delta sync CAS01", "please sync CAS01 fully"',
        },
        {
          example: 'sync connector "Munich Exchange" full',
          text: 'Quotes for names with spaces, where a word could be taken for a command',
        },
      ],
      de: [
        {
          example: 'synchronisiere connector CAS01 vollständig',
          text: 'Vollständige Synchronisierung (Alias, Servername oder ID; ein eindeutiger Anfang genügt)',
        },
        {
          example: 'synchronisiere connector CAS01 delta',
          text: 'Delta-/Schnellsynchronisierung; auch „Vollsynchronisierung CAS01“, „synchronisiere den Connector CAS01 bitte vollständig“',
        },
        {
          example: 'synchronisiere connector "Munich Exchange" vollständig',
          text: 'Anführungszeichen für Namen mit Leerzeichen, wo ein Wort als Befehl gelesen werden könnte',
        },
      ],
    },
    handle: handleSync,
  },
  list: {
    words: { en: ['list', 'show', 'overview'], de: ['liste', 'zeige', 'zeig', 'anzeigen', 'auflisten', 'übersicht'] },
    typed: 'list connectors',
    help: {
      en: [{ example: 'list connectors', text: 'All connectors with status and last sync, ten to a page' }],
      de: [
        {
          example: 'liste connectors',
          text: 'Alle Connectors mit Status und letzter Synchronisierung, zehn pro Seite',
        },
      ],
    },
    handle: handleList,
  },
  status: {
    words: { en: ['status', 'state', 'details', 'info'], de: ['zustand'] },
    typed: 'status',
    help: {
      en: [{ example: 'status CAS01', text: 'Details of one connector, with its sync and history buttons' }],
      de: [
        {
          example: 'status CAS01',
          text: 'Details eines Connectors, mit Schaltflächen für Synchronisierung und Verlauf',
        },
      ],
    },
    handle: handleStatus,
  },
  history: {
    words: { en: ['history', 'audit'], de: ['verlauf', 'historie', 'protokoll'] },
    typed: 'history',
    help: {
      en: [{ example: 'history CAS01', text: 'The last ten sync requests for a connector: who, when, outcome' }],
      de: [{ example: 'verlauf CAS01', text: 'Die letzten zehn Synchronisierungsanfragen: wer, wann, Ergebnis' }],
    },
    handle: handleHistory,
  },
  cancel: {
    words: { en: ['cancel', 'abort', 'stop'], de: ['abbrechen', 'abbruch', 'stopp'] },
    typed: 'cancel',
    help: {
      en: [{ example: 'cancel', text: 'Cancels your sync that waits for confirmation in this chat' }],
      de: [
        { example: 'abbrechen', text: 'Bricht Ihre Synchronisierung ab, die in diesem Chat auf Bestätigung wartet' },
      ],
    },
    handle: handleCancel,
  },
  signOut: {
    words: { en: ['logout', 'signout'], de: ['abmelden', 'ausloggen'] },
    phrases: { en: ['sign out', 'log out', 'log off', 'sign me out'], de: ['melde mich ab'] },
    typed: 'sign out',
    help: {
      en: [{ example: 'sign out', text: 'Signs you out of Microsoft Graph' }],
      de: [{ example: 'abmelden', text: 'Meldet Sie von Microsoft Graph ab' }],
    },
    handle: handleSignOut,
  },
  help: {
    words: { en: ['help', 'commands', 'usage'], de: ['hilfe', 'befehle'] },
    phrases: { en: ['what can you do'], de: ['was kannst du'] },
    typed: 'help',
    help: { en: [], de: [] },
    handle: handleHelp,
  },
  thanks: {
    words: { en: ['thanks', 'thank', 'thx', 'cheers'], de: ['danke', 'dankeschön'] },
    phrases: { en: ['thank you', 'thanks a lot', 'many thanks'], de: ['vielen dank', 'danke schön', 'besten dank'] },
    typed: 'thanks',
    help: { en: [], de: [] },
    handle: handleThanks,
  },
  greeting: {
    words: { en: ['hi', 'hello', 'hey', 'howdy'], de: ['hallo', 'servus', 'moin', 'grüezi'] },
    phrases: {
      en: ['good morning', 'good afternoon', 'good evening'],
      de: ['guten morgen', 'guten tag', 'guten abend', 'grüß gott'],
    },
    typed: 'hi',
    help: { en: [], de: [] },
    handle: handleGreeting,
  },
};

const KINDS = Object.keys(COMMANDS) as CommandKind[];

/** The parser's view of the registry. */
export const VOCABULARY: CommandVocabulary = {
  words: new Map(
    KINDS.flatMap((kind) =>
      [...COMMANDS[kind].words.en, ...COMMANDS[kind].words.de].map((word) => [word, kind] as const),
    ),
  ),
  phrases: new Map(
    KINDS.flatMap((kind) =>
      [...(COMMANDS[kind].phrases?.en ?? []), ...(COMMANDS[kind].phrases?.de ?? [])].map(
        (phrase) => [phrase, kind] as const,
      ),
    ),
  ),
  typed: new Map(KINDS.map((kind) => [kind, COMMANDS[kind].typed] as const)),
};

/** The help card's lines in one language, in the registry's order. */
export function helpLines(locale: Locale): HelpLine[] {
  return KINDS.flatMap((kind) => COMMANDS[kind].help[locale]);
}

/** Runs the handler of a parsed command. */
export function dispatch(request: CommandRequest<Command>): Promise<Reply> {
  const entry = COMMANDS[request.command.kind] as Entry<CommandKind>;
  return entry.handle(request);
}
