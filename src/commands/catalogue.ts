import type { Locale } from '../i18n';
import type { CommandKind } from './command';
import type { CommandVocabulary } from './parse';

export interface HelpLine {
  example: string;
  text: string;
}

interface Entry {
  /** Single words that name the command anywhere in a message, per language (lower case). */
  words: Record<Locale, readonly string[]>;
  /** Whole messages that are this command ("sign out", "thank you"). */
  phrases?: Record<Locale, readonly string[]>;
  /** How the command is typed, for "did you mean", in the reader's language. */
  typed: Record<Locale, string>;
  /** Its lines on the help card, in the reader's language: the parser accepts every example (a test checks). */
  help: Record<Locale, readonly HelpLine[]>;
}

/**
 * Every command the bot understands: one entry each, with its words in English and German and its help lines. The
 * parser's vocabulary, the help card and "did you mean" all come from here, so a synonym is one edit in one place;
 * the handlers are in registry.ts (which handlers may use this catalogue without a circle).
 */
export const COMMANDS: { readonly [K in CommandKind]: Entry } = {
  sync: {
    // Verbs of doing: any of them with a connector is a request; every request is confirmed by a card.
    words: {
      en: [
        'sync',
        'synch',
        'synced',
        'synchronize',
        'synchronise',
        'resync',
        'run',
        'start',
        'trigger',
        'kick',
        'force',
        'refresh',
        'launch',
        'initiate',
        'perform',
        'execute',
        'rerun',
      ],
      de: [
        'synchronisiere',
        'synchronisieren',
        'synchronisier',
        'synchronisiert',
        'synchronisierung',
        'synchronisation',
        'starten',
        'starte',
        'anstoßen',
        'anstossen',
        'stoße',
        'auslösen',
        'ausführen',
        'durchführen',
        'aktualisieren',
        'aktualisiere',
      ],
    },
    typed: { en: 'sync connector', de: 'synchronisiere connector' },
    help: {
      en: [
        {
          example: 'sync connector CAS01 full',
          text: 'Full sync of a connector (by alias, server name or id; a unique prefix is enough); also "please sync CAS01 fully", "trigger a full sync for CAS01"',
        },
        {
          example: 'sync connector CAS01 delta',
          text: 'Delta ("Quick") sync; also "delta sync CAS01", "kick off a delta on CAS01"',
        },
        {
          example: 'sync connector "Name with spaces" full',
          text: 'Quotes for names with spaces, where a word could be taken for a command',
        },
      ],
      de: [
        {
          example: 'synchronisiere connector CAS01 vollständig',
          text: 'Vollständige Synchronisierung (Alias, Servername oder ID; ein eindeutiger Anfang genügt); auch „Vollsynchronisierung CAS01“, „synchronisiere den Connector CAS01 bitte vollständig“',
        },
        {
          example: 'synchronisiere connector CAS01 delta',
          text: 'Delta-/Schnellsynchronisierung; auch „Delta-Sync für CAS01 starten“',
        },
        {
          example: 'synchronisiere connector "Name mit Leerzeichen" vollständig',
          text: 'Anführungszeichen für Namen mit Leerzeichen, wo ein Wort als Befehl gelesen werden könnte',
        },
      ],
    },
  },
  list: {
    words: { en: ['list', 'show', 'overview'], de: ['liste', 'zeige', 'zeig', 'anzeigen', 'auflisten', 'übersicht'] },
    typed: { en: 'list connectors', de: 'liste connectors' },
    help: {
      en: [{ example: 'list connectors', text: 'All connectors with status and last sync, ten to a page' }],
      de: [
        {
          example: 'liste connectors',
          text: 'Alle Connectors mit Status und letzter Synchronisierung, zehn pro Seite',
        },
      ],
    },
  },
  status: {
    words: { en: ['status', 'state', 'details', 'info'], de: ['zustand'] },
    typed: { en: 'status', de: 'status' },
    help: {
      en: [
        {
          example: 'status CAS01',
          text: 'Details of one connector, read fresh; also "when did CAS01 last sync?", "why is CAS02 disconnected?"',
        },
      ],
      de: [
        {
          example: 'status CAS01',
          text: 'Details eines Connectors, frisch gelesen; auch „wann wurde CAS01 zuletzt synchronisiert?“',
        },
      ],
    },
  },
  history: {
    words: { en: ['history', 'audit'], de: ['verlauf', 'historie', 'protokoll'] },
    typed: { en: 'history', de: 'verlauf' },
    help: {
      en: [{ example: 'history CAS01', text: 'The last ten sync requests for a connector: who, when, outcome' }],
      de: [{ example: 'verlauf CAS01', text: 'Die letzten zehn Synchronisierungsanfragen: wer, wann, Ergebnis' }],
    },
  },
  cancel: {
    words: { en: ['cancel', 'abort', 'stop', 'nevermind'], de: ['abbrechen', 'abbruch', 'stopp'] },
    phrases: {
      en: ['never mind', 'forget it', 'forget about it', 'no thanks'],
      de: ['vergiss es', 'vergiss das', 'lass es', 'doch nicht', 'nein danke'],
    },
    typed: { en: 'cancel', de: 'abbrechen' },
    help: {
      en: [{ example: 'cancel', text: 'Cancels your sync that waits for confirmation in this chat' }],
      de: [
        { example: 'abbrechen', text: 'Bricht Ihre Synchronisierung ab, die in diesem Chat auf Bestätigung wartet' },
      ],
    },
  },
  signOut: {
    words: { en: ['logout', 'signout'], de: ['abmelden', 'ausloggen'] },
    phrases: { en: ['sign out', 'log out', 'log off', 'sign me out'], de: ['melde mich ab'] },
    typed: { en: 'sign out', de: 'abmelden' },
    help: {
      en: [{ example: 'sign out', text: 'Signs you out of Microsoft Graph' }],
      de: [{ example: 'abmelden', text: 'Meldet Sie von Microsoft Graph ab' }],
    },
  },
  help: {
    words: { en: ['help', 'commands', 'usage'], de: ['hilfe', 'befehle'] },
    phrases: { en: ['what can you do'], de: ['was kannst du'] },
    typed: { en: 'help', de: 'hilfe' },
    help: { en: [], de: [] },
  },
  thanks: {
    words: { en: ['thanks', 'thank', 'thx', 'cheers'], de: ['danke', 'dankeschön'] },
    phrases: { en: ['thank you', 'thanks a lot', 'many thanks'], de: ['vielen dank', 'danke schön', 'besten dank'] },
    typed: { en: 'thanks', de: 'danke' },
    help: { en: [], de: [] },
  },
  greeting: {
    words: { en: ['hi', 'hello', 'hey', 'howdy'], de: ['hallo', 'servus', 'moin', 'grüezi'] },
    phrases: {
      en: ['good morning', 'good afternoon', 'good evening'],
      de: ['guten morgen', 'guten tag', 'guten abend', 'grüß gott'],
    },
    typed: { en: 'hi', de: 'hallo' },
    help: { en: [], de: [] },
  },
  alerts: {
    // Read before the other intents (alertsIntent.ts): these words here only name the command for help and suggestions.
    words: { en: ['alerts'], de: ['warnungen'] },
    typed: { en: 'alerts', de: 'warnungen' },
    help: {
      en: [
        {
          example: 'alerts on',
          text: 'Tells this chat or channel when a connector disconnects, comes back, or stops syncing (also "tell us here when a connector disconnects"); "alerts off", "alerts" for how they stand',
        },
      ],
      de: [
        {
          example: 'Warnungen an',
          text: 'Meldet in diesem Chat oder Kanal, wenn ein Connector getrennt wird, zurückkommt oder nicht mehr synchronisiert (auch „benachrichtige uns hier bei Problemen“); „Warnungen aus“, „Warnungen“ für den Stand',
        },
      ],
    },
  },
  confirm: {
    // Short words of assent: typing never starts a sync, so the answer points at the card's button.
    words: { en: ['ok', 'okay', 'yes', 'yep', 'confirm', 'confirmed', 'sure'], de: ['ja', 'bestätigen', 'bestätige'] },
    phrases: { en: ['go ahead', 'do it', 'yes please'], de: ['mach das', 'mach es', 'ja bitte', 'los geht'] },
    typed: { en: 'ok', de: 'ja' },
    help: { en: [], de: [] },
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
};

/** How a command is typed in the reader's language (suggestions never switch language). */
export function typedCommand(kind: CommandKind, locale: Locale): string {
  return COMMANDS[kind].typed[locale];
}

/** The help card's lines in one language, in the registry's order. */
export function helpLines(locale: Locale): HelpLine[] {
  return KINDS.flatMap((kind) => COMMANDS[kind].help[locale]);
}
