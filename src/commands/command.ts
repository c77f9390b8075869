import type { SyncType } from '../graph/types';

/** What the user asked for, after parsing. Pure data: no connector has been looked up yet. */
export type Command =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'signOut' }
  | { kind: 'status'; target: string }
  | { kind: 'history'; target: string }
  /** `syncType: null` when the user named no mode: the bot then offers both. */
  | { kind: 'sync'; target: string; syncType: SyncType | null };

/** Text the bot could not turn into a command, with what to tell the user. */
export type ParseError =
  | { kind: 'missingTarget'; command: 'sync' | 'status' | 'history' }
  | { kind: 'unknownSyncType'; word: string; suggestion: SyncType | null }
  | { kind: 'extraWords'; words: string[] }
  | { kind: 'notUnderstood'; text: string; suggestion: string | null };

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };
