import { closest, distance } from 'fastest-levenshtein';
import type { SyncType } from '../graph/types';
import type { Command, CommandKind, ParseResult } from './command';
import { tokenize, type Token } from './tokenize';
import { ALL_WORDS, FILLERS, NOUNS, NOUN_PREFIXES, SYNC_COMPOUNDS, SYNC_TYPE_WORDS, squash } from './vocabulary';

/** The commands' own words, from the registry: single words anywhere in a message, or whole-message phrases. */
export interface CommandVocabulary {
  words: ReadonlyMap<string, CommandKind>;
  phrases: ReadonlyMap<string, CommandKind>;
  /** How each command is typed, for "did you mean". */
  typed: ReadonlyMap<CommandKind, string>;
}

type Role =
  | { role: 'command'; kind: CommandKind }
  | { role: 'type'; syncType: SyncType; impliesSync: boolean }
  | { role: 'noun' }
  | { role: 'filler' }
  | { role: 'all' }
  | { role: 'name'; text: string };

/** When a message names several commands ("show the status of CAS01"), the most specific wins. */
const PRIORITY: readonly CommandKind[] = [
  'cancel',
  'sync',
  'status',
  'history',
  'signOut',
  'list',
  'help',
  'thanks',
  'greeting',
];

/**
 * Turns what the user typed (bot mention already removed) into a command. Pure and bilingual: English and German
 * commands are both accepted whatever the user's Teams language. Word order is free, fillers and emoji are ignored,
 * and a keyword one letter off is read as that keyword; everything else names a connector.
 */
export function parseCommand(text: string, vocabulary: CommandVocabulary): ParseResult {
  const tokens = tokenize(text);
  if (tokens.length === 0) return ok({ kind: 'help' });
  const whole = vocabulary.phrases.get(tokens.map((token) => token.text.toLowerCase()).join(' '));
  if (whole) return ok({ kind: whole } as Command);

  const roles = tokens.map((token, index) => classify(token, tokens[index + 1], vocabulary));
  let names = roles.flatMap((role) => (role.role === 'name' ? [role.text] : []));
  // No command word, but a sync type and a first word two letters off a command: that word is the command ("snyc").
  const hinted =
    roles.some((role) => role.role === 'command') || !roles.some((role) => role.role === 'type')
      ? null
      : misspeltCommand(names[0], vocabulary);
  if (hinted) {
    roles.push({ role: 'command', kind: hinted });
    names = names.slice(1);
  }
  const typeWord = roles.find((role) => role.role === 'type');
  const all = roles.some((role) => role.role === 'all');
  const commands = roles.flatMap((role) => (role.role === 'command' ? [role.kind] : []));
  const kind =
    PRIORITY.find((candidate) => commands.includes(candidate)) ??
    (typeWord?.impliesSync || (typeWord && names.length > 0) ? 'sync' : undefined);

  switch (kind) {
    case 'sync':
      if (all && names.length === 0) return ok({ kind: 'sync', target: 'all', syncType: typeWord?.syncType ?? null });
      if (names.length === 0) return { ok: false, error: { kind: 'missingTarget', command: 'sync' } };
      return ok({ kind: 'sync', target: names, syncType: typeWord?.syncType ?? null });
    case 'list':
      // "show CAS01" asks for one connector; "list connectors" for all of them.
      return ok(names.length > 0 ? { kind: 'status', target: names } : { kind: 'list' });
    case 'status':
    case 'history':
      if (all && names.length === 0) return ok({ kind: 'list' });
      if (names.length === 0) return { ok: false, error: { kind: 'missingTarget', command: kind } };
      return ok({ kind, target: names });
    case undefined:
      // "connectors", "all connectors": a list. Anything else: not understood.
      if (names.length === 0 && roles.some((role) => role.role === 'noun')) return ok({ kind: 'list' });
      return {
        ok: false,
        error: { kind: 'notUnderstood', text: text.trim(), suggestion: suggestion(tokens, vocabulary) },
      };
    default:
      return ok({ kind });
  }
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}

function classify(token: Token, next: Token | undefined, vocabulary: CommandVocabulary): Role {
  if (token.quoted) return { role: 'name', text: token.text };
  const word = token.text.toLowerCase();
  const squashed = squash(word);
  const command = vocabulary.words.get(word);
  if (command) return { role: 'command', kind: command };
  if (SYNC_COMPOUNDS[squashed]) return { role: 'type', syncType: SYNC_COMPOUNDS[squashed], impliesSync: true };
  if (SYNC_TYPE_WORDS[squashed]) return { role: 'type', syncType: SYNC_TYPE_WORDS[squashed], impliesSync: false };
  if (NOUNS.includes(word)) return { role: 'noun' };
  if (NOUN_PREFIXES.includes(word) && next && !next.quoted && NOUNS.includes(next.text.toLowerCase()))
    return { role: 'noun' };
  if (FILLERS.includes(word)) return { role: 'filler' };
  if (ALL_WORDS.includes(word)) return { role: 'all' };
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
    (candidate) => candidate.length >= 3,
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

/** "snyc cas01" -> "sync cas01"; "lsit" -> "list connectors". */
function suggestion(tokens: Token[], vocabulary: CommandVocabulary): string | null {
  const [first, ...rest] = tokens;
  if (!first || first.quoted) return null;
  const word = first.text.toLowerCase();
  const words = [...vocabulary.words.keys()];
  if (words.length === 0) return null;
  const best = closest(word, words);
  if (distance(word, best) > Math.max(1, Math.floor(best.length / 2))) return null;
  const kind = vocabulary.words.get(best);
  const typed = kind ? vocabulary.typed.get(kind) : undefined;
  if (!kind || !typed) return null;
  if (kind !== 'sync' && kind !== 'status' && kind !== 'history') return typed;
  const remaining = rest
    .filter((token) => token.quoted || !NOUNS.includes(token.text.toLowerCase()))
    .map((token) => (token.text.includes(' ') ? `"${token.text}"` : token.text));
  return [typed, ...remaining].join(' ');
}
