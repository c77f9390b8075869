import { isSyncType, type SyncType } from '../graph/types';
import type { ExecuteAction } from './schema';

/** The verbs this bot's buttons send. Shared by the card builders and the router. */
export const VERBS = {
  confirm: 'sync.confirm',
  cancel: 'sync.cancel',
  /** From a chooser card (mode or connector not yet decided): makes a fresh confirmation card. */
  prepare: 'sync.prepare',
} as const;

export type CardActionData =
  | { verb: typeof VERBS.confirm | typeof VERBS.cancel; confirmationId: string }
  | { verb: typeof VERBS.prepare; connectorId: string; syncType: SyncType };

/** A button as Action.Execute with an Action.Submit fallback carrying the same data (verb included). */
export function button(
  title: string,
  data: CardActionData,
  style?: 'positive' | 'destructive',
): ExecuteAction {
  const payload: Record<string, string> = { ...data };
  return {
    type: 'Action.Execute',
    title,
    verb: data.verb,
    data: payload,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: payload, ...(style ? { style } : {}) },
  };
}

const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Reads what a button sent back, trusting nothing: a forged or stale payload yields null.
 * `verb` is the Action.Execute verb when there is one; Action.Submit carries it inside the data.
 */
export function parseCardAction(verb: string | undefined, data: unknown): CardActionData | null {
  if (typeof data !== 'object' || data === null) return null;
  const fields = data as Record<string, unknown>;
  const claimedVerb = verb ?? fields.verb;
  if (claimedVerb === VERBS.confirm || claimedVerb === VERBS.cancel) {
    const id = fields.confirmationId;
    return typeof id === 'string' && ID_PATTERN.test(id) ? { verb: claimedVerb, confirmationId: id } : null;
  }
  if (claimedVerb === VERBS.prepare) {
    const { connectorId, syncType } = fields;
    return typeof connectorId === 'string' && ID_PATTERN.test(connectorId) && isSyncType(syncType)
      ? { verb: claimedVerb, connectorId, syncType }
      : null;
  }
  return null;
}

/** True when a message's `value` looks like one of our buttons (so it is not treated as typed text). */
export function looksLikeCardAction(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).verb === 'string';
}
