import { closest, distance } from 'fastest-levenshtein';
import type { SyncType } from '../graph/types';
import type { ParseResult } from './command';
import { tokenize, type Token } from './tokenize';
import {
  COMMAND_KEYWORDS,
  CONNECTOR_NOUNS,
  HELP_WORDS,
  HISTORY_WORDS,
  LIST_PHRASES,
  SIGN_OUT_PHRASES,
  STATUS_WORDS,
  SYNC_TYPE_WORDS,
  SYNC_VERBS,
} from './vocabulary';

/**
 * Turns what the user typed (bot mention already removed) into a command. Pure: no I/O, no locale needed,
 * since English and German commands are both accepted whatever the user's Teams language.
 */
export function parseCommand(text: string): ParseResult {
  const tokens = tokenize(text);
  const words = tokens.map((token) => (token.quoted ? token.text : token.text.toLowerCase()));
  const phrase = words.join(' ');
  const first = words[0];

  if (first === undefined || HELP_WORDS.includes(phrase)) return { ok: true, command: { kind: 'help' } };
  if (LIST_PHRASES.includes(phrase)) return { ok: true, command: { kind: 'list' } };
  if (SIGN_OUT_PHRASES.includes(phrase)) return { ok: true, command: { kind: 'signOut' } };

  const lookup = STATUS_WORDS.includes(first) ? 'status' : HISTORY_WORDS.includes(first) ? 'history' : null;
  if (lookup && !tokens[0]?.quoted) {
    const [target, ...extra] = dropConnectorNoun(tokens.slice(1));
    if (!target) return { ok: false, error: { kind: 'missingTarget', command: lookup } };
    if (extra.length > 0) return { ok: false, error: { kind: 'extraWords', words: extra.map((t) => t.text) } };
    return { ok: true, command: { kind: lookup, target: target.text } };
  }

  if (SYNC_VERBS.includes(first) && !tokens[0]?.quoted) return parseSync(dropConnectorNoun(tokens.slice(1)));

  return { ok: false, error: { kind: 'notUnderstood', text: text.trim(), suggestion: suggestCommand(tokens) } };
}

function parseSync(rest: Token[]): ParseResult {
  const [target, ...modeTokens] = rest;
  if (!target) return { ok: false, error: { kind: 'missingTarget', command: 'sync' } };
  if (modeTokens.length === 0) return { ok: true, command: { kind: 'sync', target: target.text, syncType: null } };

  const modeWord = modeTokens.map((token) => token.text).join(' ');
  const syncType = syncTypeOf(modeWord);
  if (syncType) return { ok: true, command: { kind: 'sync', target: target.text, syncType } };
  if (modeTokens.length > 1 && !isModeLike(modeTokens[0]?.text ?? '')) {
    return { ok: false, error: { kind: 'extraWords', words: modeTokens.map((token) => token.text) } };
  }
  return { ok: false, error: { kind: 'unknownSyncType', word: modeWord, suggestion: suggestSyncType(modeWord) } };
}

/** `full`, `Full Sync`, `full-sync`, `Vollständig`, `quick` ... -> the Graph enum value. */
export function syncTypeOf(word: string): SyncType | null {
  return SYNC_TYPE_WORDS[squash(word)] ?? null;
}

function squash(word: string): string {
  return word.toLowerCase().replace(/[\s_-]+/g, '');
}

function isModeLike(word: string): boolean {
  return suggestSyncType(word) !== null;
}

function suggestSyncType(word: string): SyncType | null {
  const squashed = squash(word);
  const candidates = Object.keys(SYNC_TYPE_WORDS);
  const best = closest(squashed, candidates);
  return distance(squashed, best) <= 2 ? (SYNC_TYPE_WORDS[best] ?? null) : null;
}

function dropConnectorNoun(tokens: Token[]): Token[] {
  const [first, ...rest] = tokens;
  return first && !first.quoted && CONNECTOR_NOUNS.includes(first.text.toLowerCase()) ? rest : tokens;
}

/** "snyc connector cas01 full" -> "sync connector cas01 full". */
function suggestCommand(tokens: Token[]): string | null {
  const [first, ...rest] = tokens;
  if (!first || first.quoted) return null;
  const word = first.text.toLowerCase();
  const keywords = Object.keys(COMMAND_KEYWORDS);
  const best = closest(word, keywords);
  if (distance(word, best) > Math.max(1, Math.floor(best.length / 2))) return null;
  const command = COMMAND_KEYWORDS[best] ?? best;
  const remaining = dropConnectorNoun(rest).map((token) => (token.text.includes(' ') ? `"${token.text}"` : token.text));
  return ['list connectors', 'help', 'hilfe', 'logout'].includes(command)
    ? command
    : [command, ...remaining].join(' ');
}
