import type { SyncType } from '../graph/types';

export type CommandKind =
  'sync' | 'status' | 'history' | 'list' | 'help' | 'signOut' | 'cancel' | 'thanks' | 'greeting';

/**
 * What the user asked for, after parsing. Pure data: no connector has been looked up yet. `target` holds the words
 * that name a connector, as typed (a quoted name is one word): "Munich Exchange" and "CAS01 CAS02" alike, which only
 * the connector list can tell apart.
 */
export type Command =
  | { kind: 'sync'; target: readonly string[] | 'all'; syncType: SyncType | null }
  | { kind: 'status' | 'history'; target: readonly string[] }
  | { kind: 'list' | 'help' | 'signOut' | 'cancel' | 'thanks' | 'greeting' };

/** Text the parser could not use, with what to tell the user. */
export type ParseError =
  | { kind: 'missingTarget'; command: 'sync' | 'status' | 'history' }
  | { kind: 'notUnderstood'; text: string; suggestion: string | null };

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };
