import { isSyncType, type SyncType } from '../graph/types';
import type { Messages } from '../i18n';
import { isConfirmationId } from '../sync/confirmation';
import type { ExecuteAction, OpenUrlAction } from './schema';

/** The verbs this bot's buttons send. Shared by the card builders and the router. */
export const VERBS = {
  confirm: 'sync.confirm',
  cancel: 'sync.cancel',
  /** Opens a fresh confirmation card for a connector and sync type; nothing syncs from here. */
  prepare: 'sync.prepare',
  /** Offers Full and Delta for one connector (from a list row). */
  choose: 'sync.choose',
  status: 'connector.status',
  history: 'connector.history',
  /** The next page of the connector list, in the same card. */
  listPage: 'connectors.page',
  /** Universal Actions refresh: the current state of a confirmation card, built from storage. */
  refresh: 'sync.refresh',
  /** Turns connector alerts on in this conversation, with the clicker's access (`owner`: who asked, or who paused). */
  alertsOn: 'alerts.on',
  /** Mutes one connector's alerts in this conversation for 24 hours. */
  alertsMute: 'alerts.mute',
} as const;

/**
 * What a button sends back. `owner` is the user the card answered: only their click may change that card; anybody
 * else's click starts their own flow in a new message. `inPlace`: the card exists only to make this choice (a
 * chooser), so the owner's click replaces it.
 */
export type CardActionData =
  | { verb: typeof VERBS.confirm | typeof VERBS.cancel | typeof VERBS.refresh; confirmationId: string }
  | { verb: typeof VERBS.prepare; connectorId: string; syncType: SyncType; owner: string; inPlace: boolean }
  | { verb: typeof VERBS.choose; connectorId: string; owner: string }
  | { verb: typeof VERBS.status | typeof VERBS.history; connectorId: string }
  | { verb: typeof VERBS.listPage; page: number; owner: string }
  | { verb: typeof VERBS.alertsOn; owner: string }
  | { verb: typeof VERBS.alertsMute; connectorId: string };

/** "Open dashboard", when the bot has a dashboard to open. */
export function dashboardButton(m: Messages, url: string | null): OpenUrlAction[] {
  return url ? [{ type: 'Action.OpenUrl', title: m.buttons.dashboard, url }] : [];
}

/** A button as Action.Execute with an Action.Submit fallback carrying the same data (verb included). */
export function button(title: string, data: CardActionData, style?: 'positive' | 'destructive'): ExecuteAction {
  const payload = serialize(data);
  return {
    type: 'Action.Execute',
    title,
    verb: data.verb,
    data: payload,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: payload, ...(style ? { style } : {}) },
  };
}

function serialize(data: CardActionData): Record<string, string> {
  const payload: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'boolean') {
      if (value) payload[key] = '1';
    } else payload[key] = String(value);
  }
  return payload;
}

const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
/** Teams user ids (`29:...`) and Entra object ids. */
const OWNER_PATTERN = /^[A-Za-z0-9:_.@-]{1,200}$/;

/**
 * Reads what a button sent back, trusting nothing: a forged or stale payload yields null.
 * `verb` is the Action.Execute verb when there is one; Action.Submit carries it inside the data.
 */
export function parseCardAction(verb: string | undefined, data: unknown): CardActionData | null {
  if (typeof data !== 'object' || data === null) return null;
  const fields = data as Record<string, unknown>;
  const claimedVerb = verb ?? fields.verb;
  const id = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
  switch (claimedVerb) {
    case VERBS.confirm:
    case VERBS.cancel:
    case VERBS.refresh:
      return isConfirmationId(fields.confirmationId)
        ? { verb: claimedVerb, confirmationId: fields.confirmationId }
        : null;
    case VERBS.prepare: {
      const { connectorId, syncType, owner } = fields;
      if (!id(connectorId) || !isSyncType(syncType) || typeof owner !== 'string' || !OWNER_PATTERN.test(owner))
        return null;
      return { verb: claimedVerb, connectorId, syncType, owner, inPlace: fields.inPlace === '1' };
    }
    case VERBS.choose:
      return id(fields.connectorId) && typeof fields.owner === 'string' && OWNER_PATTERN.test(fields.owner)
        ? { verb: claimedVerb, connectorId: fields.connectorId, owner: fields.owner }
        : null;
    case VERBS.status:
    case VERBS.history:
    case VERBS.alertsMute:
      return id(fields.connectorId) ? { verb: claimedVerb, connectorId: fields.connectorId } : null;
    case VERBS.alertsOn:
      return typeof fields.owner === 'string' && OWNER_PATTERN.test(fields.owner)
        ? { verb: claimedVerb, owner: fields.owner }
        : null;
    case VERBS.listPage: {
      const page = Number(fields.page);
      const { owner } = fields;
      return Number.isInteger(page) &&
        page >= 1 &&
        page <= 1_000 &&
        typeof owner === 'string' &&
        OWNER_PATTERN.test(owner)
        ? { verb: claimedVerb, page, owner }
        : null;
    }
    default:
      return null;
  }
}

/** True when a message's `value` looks like one of our buttons (so it is not treated as typed text). */
export function looksLikeCardAction(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).verb === 'string';
}

/** The data of every button in a card (Action.Execute and its Action.Submit fallback alike), wherever it sits. */
function buttonData(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.data === 'object' && record.data !== null) found.push(record.data as Record<string, unknown>);
    for (const value of Object.values(record)) if (typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

/**
 * The person a card changes in place for: the owner named by its in-place buttons (a chooser's, a list's paging),
 * or null when no button changes the card it is on. The server records it with the message that carries the card.
 */
export function inPlaceOwnerOf(card: unknown): string | null {
  const data = buttonData(card).find(
    (one) => (one.inPlace === '1' || one.verb === VERBS.listPage) && typeof one.owner === 'string',
  );
  return (data?.owner as string | undefined) ?? null;
}

/** The confirmation a card asks to confirm (its Start button), or null: the card a typed "cancel" must find. */
export function pendingConfirmationOf(card: unknown): string | null {
  const data = buttonData(card).find((one) => one.verb === VERBS.confirm && typeof one.confirmationId === 'string');
  return (data?.confirmationId as string | undefined) ?? null;
}
