import { closest, distance } from 'fastest-levenshtein';
import type { SyncType } from '../graph/types';
import type { Command, CommandKind, ConnectorFilter, ParseResult } from './command';
import { alertsIntent } from './alertsIntent';
import { tokenize, type Token } from './tokenize';
import {
  ALL_WORDS,
  CONDITION_WORDS,
  FILLERS,
  NOUNS,
  NOUN_PREFIXES,
  OPENING_QUESTION_WORDS,
  QUESTION_WORDS,
  SYNC_COMPOUNDS,
  SYNC_TYPE_WORDS,
  TYPE_WORDS,
  squash,
} from './vocabulary';

/** The commands' own words, from the registry: single words anywhere in a message, or whole-message phrases. */
export interface CommandVocabulary {
  words: ReadonlyMap<string, CommandKind>;
  phrases: ReadonlyMap<string, CommandKind>;
}

type Role =
  | { role: 'command'; kind: CommandKind }
  | { role: 'type'; syncType: SyncType; impliesSync: boolean }
  /** `weak`: an opening "is"/"ist", a question only where no sync verb or type says otherwise. */
  | { role: 'question'; focus: 'lastSync' | 'why' | 'state'; weak?: true }
  | { role: 'noun' }
  | { role: 'filler' }
  | { role: 'all' }
  /** A word that may be part of a name, and also says which connectors are meant when no name is given. */
  | { role: 'name'; text: string; filter?: ConnectorFilter; condition?: boolean };

/**
 * When a message holds several intents, the most specific wins: "sync history cas01" is a history request, "when
 * did CAS01 last sync" a question; a question word only opens a status question where no sync verb says otherwise.
 */
const PRIORITY: readonly CommandKind[] = ['cancel', 'history', 'signOut', 'sync', 'status', 'list'];
const SMALL_TALK: readonly CommandKind[] = ['confirm', 'help', 'thanks', 'greeting'];

/**
 * Turns what the user typed (bot mention already removed) into a command. Pure and bilingual: English and German
 * are both accepted whatever the user's Teams language. The intent comes from the words that matter (a verb of
 * doing, a question word, a command's own word) in any order; fillers, emoji and politeness are ignored, a keyword
 * one letter off is read as that keyword, and everything else names a connector. Every sync is confirmed by a card
 * that names the connector and the type, so the parser is lenient: it refuses only what would be ambiguous.
 */
export function parseCommand(text: string, vocabulary: CommandVocabulary): ParseResult {
  const tokens = tokenize(text);
  if (tokens.length === 0) return ok({ kind: 'help' });
  const whole = vocabulary.phrases.get(tokens.map((token) => token.text.toLowerCase()).join(' '));
  if (whole) return ok({ kind: whole } as Command);
  const alerts = alertsIntent(tokens);
  if (alerts) return ok(alerts);

  const roles = tokens.map((token, index) => classify(token, tokens[index + 1], index, vocabulary));
  let nameRoles = roles.filter((role): role is Extract<Role, { role: 'name' }> => role.role === 'name');
  // No command word, but a sync type and a first word two letters off a command: that word is the command ("snyc").
  const hinted =
    roles.some((role) => role.role === 'command') || !roles.some((role) => role.role === 'type')
      ? null
      : misspeltCommand(nameRoles[0]?.text, vocabulary);
  if (hinted) {
    roles.push({ role: 'command', kind: hinted });
    nameRoles = nameRoles.slice(1);
  }
  // Kind and condition words ("online", "disconnected") are names only when nothing else names a connector.
  const plain = nameRoles.filter((role) => !role.filter && !role.condition);
  const names = distinct((plain.length > 0 ? plain : nameRoles).map((role) => role.text));
  const types = distinct(roles.flatMap((role) => (role.role === 'type' ? [role.syncType] : [])));
  const impliesSync = roles.some((role) => role.role === 'type' && role.impliesSync);
  const commands = roles.flatMap((role) => (role.role === 'command' ? [role.kind] : []));
  const questionRoles = roles.filter((role): role is Extract<Role, { role: 'question' }> => role.role === 'question');
  const questions = questionRoles.map((role) => role.focus);
  const conditions = nameRoles.some((role) => role.condition);
  const all = roles.some((role) => role.role === 'all');
  const filter = mergedFilter(nameRoles);

  const wantsSync = commands.includes('sync') || impliesSync || (types.length > 0 && names.length > 0);
  // Strong question words ("when", "last", "why", "did") beat a sync verb; "is" or "ok" only without one.
  const strongQuestion = questionRoles.some((role) => !role.weak);
  const weakQuestion = questionRoles.some((role) => role.weak) || conditions;
  const question = strongQuestion || (weakQuestion && !wantsSync && types.length === 0);
  const kind: CommandKind | undefined =
    (['cancel', 'history', 'signOut'] as const).find((candidate) => commands.includes(candidate)) ??
    (question && names.length > 0 ? 'status' : undefined) ??
    (wantsSync ? 'sync' : undefined) ??
    PRIORITY.find((candidate) => commands.includes(candidate)) ??
    (names.length === 0 ? SMALL_TALK.find((candidate) => commands.includes(candidate)) : undefined) ??
    (commands.includes('confirm') && names.length > 0 ? 'status' : undefined);

  const syncType = types.length === 1 ? (types[0] ?? null) : null;
  switch (kind) {
    case 'sync': {
      const both = types.length > 1 ? { bothTypes: true as const } : {};
      if (all && names.length === 0) return ok({ kind: 'sync', target: 'all', syncType, ...both });
      if (names.length === 0) return { ok: false, error: { kind: 'missingTarget', command: 'sync' } };
      return ok({ kind: 'sync', target: names, syncType, ...both, ...(filter ? { filter } : {}) });
    }
    case 'list':
      // "show CAS01" asks for one connector; "list connectors" for all of them.
      return ok(names.length > 0 ? { kind: 'status', target: names } : { kind: 'list' });
    case 'status': {
      if (all && names.length === 0) return ok({ kind: 'list' });
      if (names.length === 0) return { ok: false, error: { kind: 'missingTarget', command: 'status' } };
      const focus = questions.includes('why') ? 'why' : questions.includes('lastSync') ? 'lastSync' : undefined;
      return ok({ kind: 'status', target: names, ...(focus ? { focus } : {}), ...(filter ? { filter } : {}) });
    }
    case 'history':
      if (all && names.length === 0) return ok({ kind: 'list' });
      if (names.length === 0) return { ok: false, error: { kind: 'missingTarget', command: 'history' } };
      return ok({ kind, target: names });
    case undefined:
      // "connectors", "what connectors do we have?", "welche Connectoren gibt es": a list.
      if (names.length === 0 && roles.some((role) => role.role === 'noun')) return ok({ kind: 'list' });
      return {
        ok: false,
        error: { kind: 'notUnderstood', text: text.trim(), suggestion: suggestion(tokens, vocabulary) },
      };
    case 'alerts':
      return ok({ kind: 'alerts', action: 'show' });
    default:
      return ok({ kind });
  }
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}

/** The same name twice (a command pasted twice, "sync CAS01 full please sync CAS01") is one name. */
function distinct<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = String(value).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mergedFilter(names: ReadonlyArray<Extract<Role, { role: 'name' }>>): ConnectorFilter | null {
  const merged: ConnectorFilter = {};
  for (const { filter } of names) Object.assign(merged, filter);
  return Object.keys(merged).length > 0 ? merged : null;
}

function classify(token: Token, next: Token | undefined, index: number, vocabulary: CommandVocabulary): Role {
  if (token.quoted) return { role: 'name', text: token.text };
  const word = token.text.toLowerCase();
  const squashed = squash(word);
  if (index === 0 && OPENING_QUESTION_WORDS.includes(word)) return { role: 'question', focus: 'state', weak: true };
  const focus = QUESTION_WORDS[word];
  if (focus) return { role: 'question', focus };
  const command = vocabulary.words.get(word);
  if (command) return { role: 'command', kind: command };
  if (SYNC_COMPOUNDS[squashed]) return { role: 'type', syncType: SYNC_COMPOUNDS[squashed], impliesSync: true };
  if (SYNC_TYPE_WORDS[squashed]) return { role: 'type', syncType: SYNC_TYPE_WORDS[squashed], impliesSync: false };
  if (NOUNS.includes(word)) return { role: 'noun' };
  if (NOUN_PREFIXES.includes(word) && next && !next.quoted && NOUNS.includes(next.text.toLowerCase()))
    return { role: 'noun' };
  if (FILLERS.includes(word)) return { role: 'filler' };
  if (ALL_WORDS.includes(word)) return { role: 'all' };
  // Kinds and conditions may be part of a name ("EXO Online"): they stay names, and say what is meant without one.
  const type = TYPE_WORDS[word];
  if (type) return { role: 'name', text: token.text, filter: { type } };
  if (Object.hasOwn(CONDITION_WORDS, word)) {
    const status = CONDITION_WORDS[word];
    return { role: 'name', text: token.text, condition: true, ...(status ? { filter: { status } } : {}) };
  }
  return corrected(word, vocabulary) ?? { role: 'name', text: token.text };
}

/** Commands a typo may be read as. Never cancel or sign-out ("about" is one letter from "abort"), nor small talk. */
const CORRECTABLE: readonly CommandKind[] = ['sync', 'status', 'history', 'list', 'help'];

/**
 * A keyword with a typo ("conector", "ful", "synk"): only plain words (letters), and only one letter off (two for
 * long words), so connector names like CSA01 or cas01.contoso.local are never taken for keywords.
 */
function corrected(word: string, vocabulary: CommandVocabulary): Role | null {
  if (!/^\p{L}{3,}$/u.test(word)) return null;
  const commands = [...vocabulary.words]
    .filter(([, kind]) => CORRECTABLE.includes(kind))
    .map(([candidate]) => candidate);
  const candidates = [...commands, ...Object.keys(SYNC_TYPE_WORDS), ...NOUNS].filter(
    (candidate) => candidate.length >= 4,
  );
  const best = closest(word, candidates);
  if (distance(word, best) > (word.length >= 7 ? 2 : 1)) return null;
  const command = vocabulary.words.get(best);
  if (command) return { role: 'command', kind: command };
  const syncType = SYNC_TYPE_WORDS[best];
  if (syncType) return { role: 'type', syncType, impliesSync: false };
  return { role: 'noun' };
}

function misspeltCommand(word: string | undefined, vocabulary: CommandVocabulary): CommandKind | null {
  if (!word || !/^\p{L}{3,}$/u.test(word)) return null;
  const lower = word.toLowerCase();
  const best = closest(
    lower,
    [...vocabulary.words].filter(([, kind]) => CORRECTABLE.includes(kind)).map(([candidate]) => candidate),
  );
  return distance(lower, best) <= 2 ? (vocabulary.words.get(best) ?? null) : null;
}

/** "snyc cas01" -> sync, with cas01 after it; "lsit" -> list. The reader's language words it (handleCommand). */
function suggestion(tokens: Token[], vocabulary: CommandVocabulary): { kind: CommandKind; rest: string[] } | null {
  const [first, ...rest] = tokens;
  if (!first || first.quoted) return null;
  const word = first.text.toLowerCase();
  const words = [...vocabulary.words.keys()];
  if (words.length === 0) return null;
  const best = closest(word, words);
  if (distance(word, best) > Math.max(1, Math.floor(best.length / 2))) return null;
  const kind = vocabulary.words.get(best);
  if (!kind) return null;
  if (kind !== 'sync' && kind !== 'status' && kind !== 'history') return { kind, rest: [] };
  const remaining = rest
    .filter((token) => token.quoted || !NOUNS.includes(token.text.toLowerCase()))
    .map((token) => (token.text.includes(' ') ? `"${token.text}"` : token.text));
  return { kind, rest: remaining };
}
