import type { SyncType } from '../graph/types';

export type CommandKind =
  'sync' | 'status' | 'history' | 'list' | 'help' | 'signOut' | 'cancel' | 'thanks' | 'greeting' | 'confirm' | 'alerts';

/** Which connectors a request means when its words name none: a kind or a status ("sync the hosted connector"). */
export interface ConnectorFilter {
  type?: 'onPremises' | 'hosted' | 'dedicated';
  status?: 'connected' | 'disconnected' | 'connectionPending';
}

/**
 * What the user asked for, after parsing. Pure data: no connector has been looked up yet. `target` holds the words
 * that name a connector, as typed (a quoted name is one word): "Munich Exchange" and "CAS01 CAS02" alike, which only
 * the connector list can tell apart.
 */
export type Command =
  | {
      kind: 'sync';
      target: readonly string[] | 'all';
      syncType: SyncType | null;
      /** Both full and delta were named: the answer asks which. */
      bothTypes?: true;
      filter?: ConnectorFilter;
    }
  | {
      kind: 'status';
      target: readonly string[];
      /** A question: "when did X last sync" puts the last sync first; "why is X disconnected" explains the status. */
      focus?: 'lastSync' | 'why';
      filter?: ConnectorFilter;
    }
  | { kind: 'history'; target: readonly string[] }
  /** This conversation's connector alerts: turn them on or off, or say how they stand. */
  | { kind: 'alerts'; action: 'on' | 'off' | 'show' }
  | { kind: 'list' | 'help' | 'signOut' | 'cancel' | 'thanks' | 'greeting' | 'confirm' };

/** Text the parser could not use, with what to tell the user. */
export type ParseError =
  | { kind: 'missingTarget'; command: 'sync' | 'status' | 'history' }
  /** `suggestion`: the command a typo was close to, and the words that followed it (shown in the reader's language). */
  | { kind: 'notUnderstood'; text: string; suggestion: { kind: CommandKind; rest: readonly string[] } | null };

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };
