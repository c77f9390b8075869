import { VERBS, type CardActionData } from '../cards/actions';
import type { CardContext } from '../cards/cardContext';
import { confirmationCard } from '../cards/confirmationCard';
import { chooseSyncTypeCard, connectorListCard, connectorStatusCard } from '../cards/connectorCards';
import { historyCard } from '../cards/historyCard';
import type { AdaptiveCard } from '../cards/schema';
import { GraphRequestError } from '../graph/errors';
import type { Connector, ConnectorGraph } from '../graph/types';
import type { Following } from '../sync/following';
import { isSamePerson, userKeyOf, type Confirmation, type Person } from '../sync/confirmation';
import { proposeSync, startConfirmation, type ConfirmParts } from '../sync/confirmPath';
import { displayName, snapshotOf } from '../sync/connectorSnapshot';
import type { Refusal, SendResult } from '../sync/syncService';
import { ours } from '../text/rich';
import { alertClick, isAlertAction } from './alertClicks';
import { lookupFailureText } from './userText';
import type { CommandDeps } from './handlers/request';
import type { ClickOutcome, SignInNeed, TurnInput } from './reply';

export interface ClickDeps extends CommandDeps {
  graph: ConnectorGraph;
  /** Follows accepted syncs until Intune reports them (src/sync/watcher.ts). */
  following: Following;
}

/**
 * A click up to the moment a sync would be sent. Most clicks are done by then; a confirm that won its claim hands
 * back the card to show while the request is on its way and the step that sends it, so the caller can answer
 * Teams first and run the send within its own deadline.
 */
export type ClickStart =
  | { kind: 'done'; outcome: ClickOutcome }
  | { kind: 'sending'; sending: ClickOutcome & { kind: 'card' }; finish: () => Promise<ClickOutcome> };

const done = (outcome: ClickOutcome): ClickStart => ({ kind: 'done', outcome });

export async function startClick(
  action: CardActionData,
  input: TurnInput,
  replyToId: string | null,
  deps: ClickDeps,
): Promise<ClickStart> {
  const context: CardContext = { m: input.m, personal: input.personal };
  switch (action.verb) {
    case VERBS.confirm:
      return startConfirm(action.confirmationId, input, replyToId, deps, context);
    case VERBS.cancel: {
      const inspection = await deps.sync.inspect(action.confirmationId, input.user, input.conversationId);
      if (inspection.kind !== 'pending') return done(refusalOutcome(inspection, context));
      return done(refusalOutcome(await deps.sync.cancel(inspection.current, input.user), context));
    }
    case VERBS.refresh: {
      // Anyone in the chat may look (the requester-only rule is for actions); the answer comes from storage alone,
      // and only in the chat the confirmation was made in, for its own tenant: elsewhere it does not exist.
      const seenFrom = { conversationId: input.conversationId, tenantId: input.user.tenantId };
      const current = await currentConfirmationCard(action.confirmationId, context, deps, input.user, -1, seenFrom);
      if (!current) return done({ kind: 'notice', text: ours(input.m.confirmationNotFound) });
      return done({ kind: 'view', card: current.card });
    }
    default:
      if (isAlertAction(action)) return done(await alertClick(action, input, replyToId, deps));
      return done(await lookUp(action, input, replyToId, deps, context));
  }
}

async function startConfirm(
  confirmationId: string,
  input: TurnInput,
  replyToId: string | null,
  deps: ClickDeps,
  context: CardContext,
): Promise<ClickStart> {
  const resume = { kind: 'cardAction' as const, action: { verb: VERBS.confirm, confirmationId }, replyToId };
  const card = {
    confirmationId,
    reference: input.reference,
    messageId: replyToId,
    locale: input.m.locale,
    personal: input.personal,
  };
  const start = await startConfirmation(
    { confirmationId, clicker: input.user, conversationId: input.conversationId, token: input.token, card },
    confirmParts(deps),
  );
  switch (start.kind) {
    case 'refused':
      return done(refusalOutcome(start.refusal, context));
    case 'noToken':
      return done({ kind: 'signIn', need: { staleToken: false, resume } });
    case 'claimed':
      return {
        kind: 'sending',
        sending: confirmationOutcome(start.claimed, context),
        finish: async () => {
          const { result, watch } = await start.send();
          return sentOutcome(result, resume, watch ? { ...context, watch } : context);
        },
      };
  }
}

/** The confirm path's parts, from the click's: the directory is the connector cache a 404 clears. */
function confirmParts(deps: ClickDeps): ConfirmParts {
  return { sync: deps.sync, recent: deps.recent, following: deps.following, cache: deps.directory };
}

function sentOutcome(result: SendResult, resume: SignInNeed['resume'], context: CardContext): ClickOutcome {
  const outcome = confirmationOutcome(result.confirmation, context);
  return result.signInAgain ? { ...outcome, signIn: { staleToken: true, resume } } : outcome;
}

/** The buttons that look something up or open a new card. A click by anyone but the card's owner never changes that card. */
async function lookUp(
  action: CardActionData,
  input: TurnInput,
  replyToId: string | null,
  deps: ClickDeps,
  context: CardContext,
): Promise<ClickOutcome> {
  const { m, user } = input;
  const userKey = userKeyOf(user);
  const token = await input.token();
  if (!token) return { kind: 'signIn', need: { staleToken: false, resume: { kind: 'cardAction', action, replyToId } } };
  const call = { token, deadline: input.deadline };
  input.busy();
  try {
    switch (action.verb) {
      case VERBS.listPage: {
        const list = await deps.directory.fresh(userKey, call);
        const mine = action.owner === userKey && (await deps.cardOwners.owns(input.conversationId, replyToId, userKey));
        const card = connectorListCard(
          {
            connectors: list.connectors,
            // Someone else's paging posts their own list, at the page they chose (not back at the start).
            page: action.page,
            truncated: list.truncated,
            owner: userKey,
            dashboardUrl: input.dashboardUrl,
          },
          m,
        );
        return mine ? { kind: 'card', card, rank: null } : { kind: 'newCard', card };
      }
      case VERBS.prepare: {
        const connector = await deps.graph.get(call, action.connectorId);
        const confirmation = await proposeSync(
          deps,
          snapshotOf(connector),
          action.syncType,
          user,
          input.conversationId,
        );
        const card = confirmationCard(confirmation, context);
        const mine =
          action.inPlace &&
          action.owner === userKey &&
          (await deps.cardOwners.owns(input.conversationId, replyToId, userKey));
        return mine ? { kind: 'card', card, rank: confirmation.revision } : { kind: 'newCard', card };
      }
      case VERBS.choose:
        return newCard(chooseSyncTypeCard(await deps.graph.get(call, action.connectorId), userKey, m));
      case VERBS.status:
        return newCard(connectorStatusCard(await deps.graph.get(call, action.connectorId), userKey, m));
      case VERBS.history: {
        const connector: Connector = await deps.graph.get(call, action.connectorId);
        return newCard(historyCard(displayName(connector), await deps.audit.recent(connector.id), m));
      }
      default:
        return { kind: 'notice', text: ours(m.invalidAction) };
    }
  } catch (error) {
    if (!(error instanceof GraphRequestError)) throw error;
    if (error.kind === 'unauthorized')
      return { kind: 'signIn', need: { staleToken: true, resume: { kind: 'cardAction', action, replyToId } } };
    if (error.kind === 'notFound') deps.directory.invalidate(userKey);
    return { kind: 'notice', text: lookupFailureText(error, m) };
  }
}

function newCard(card: AdaptiveCard): ClickOutcome {
  return { kind: 'newCard', card };
}

export function confirmationOutcome(
  confirmation: Confirmation,
  context: CardContext,
  note?: string,
): ClickOutcome & { kind: 'card' } {
  return {
    kind: 'card',
    card: confirmationCard(confirmation, context, note),
    rank: confirmation.revision,
    confirmationId: confirmation.id,
  };
}

/**
 * The card a confirmation shows now, from storage alone: a Refresh's answer, and the check after a card update (an
 * update from one instance may land after another instance's newer one). `viewer`: the person looking, if any; the
 * requester looking resumes a watch stopped for sign-in, so the background check passes null.
 */
export async function currentConfirmationCard(
  confirmationId: string,
  context: CardContext,
  deps: Pick<ClickDeps, 'sync' | 'following'>,
  viewer: Person | null,
  newerThan = -1,
  seenFrom?: { conversationId: string; tenantId: Person['tenantId'] },
): Promise<{ card: AdaptiveCard; rank: number } | null> {
  const confirmation = await deps.sync.view(confirmationId);
  if (!confirmation || confirmation.revision <= newerThan) return null; // nothing newer: no card to build
  const elsewhere =
    seenFrom &&
    (confirmation.conversationId !== seenFrom.conversationId ||
      (confirmation.requestedBy.tenantId ?? null) !== (seenFrom.tenantId ?? null));
  if (elsewhere) return null;
  const watch =
    confirmation.state === 'requested'
      ? await deps.following.cardWatchOf(confirmation, viewer !== null && isSamePerson(confirmation.claimedBy, viewer))
      : null;
  return {
    card: confirmationCard(confirmation, { ...context, ...(watch ? { watch } : {}) }),
    rank: confirmation.revision,
  };
}

function refusalOutcome(refusal: Refusal, context: CardContext): ClickOutcome {
  const { m } = context;
  switch (refusal.kind) {
    case 'notFound':
      return { kind: 'notice', text: ours(m.confirmationNotFound) };
    case 'wrongConversation':
      return { kind: 'notice', text: ours(m.wrongConversation) };
    case 'notYours':
      return { kind: 'notice', text: m.notRequester(refusal.requester.name) };
    case 'settled': {
      const { confirmation } = refusal;
      if (refusal.byThisClick) return confirmationOutcome(confirmation, context);
      if (confirmation.state === 'pending' || confirmation.state === 'claimed')
        return { kind: 'notice', text: ours(m.beingHandled) };
      return { ...confirmationOutcome(confirmation, context, m.alreadyHandled), notice: ours(m.alreadyHandled) };
    }
  }
}
