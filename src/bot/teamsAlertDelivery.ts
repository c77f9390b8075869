import { alertCard, type AlertChecks } from '../cards/alertCards';
import { messagesFor } from '../i18n';
import type { Alert, AlertSubscription } from '../sync/alerts';
import type { AlertDelivery } from '../sync/alertDelivery';
import type { ChatPlatform } from './chatPlatform';
import { conversationReferenceOf } from './chatReferences';
import type { UserTokens } from './userTokens';

/**
 * Alerts at the Teams edge: the owner's token through a proactive turn on the stored reference (the token service
 * answers for the user that reference names), and each alert posted as a card in the owner's language. A recovery in
 * a channel goes into the alert's thread.
 */
export class TeamsAlertDelivery implements AlertDelivery {
  constructor(private readonly deps: { platform: ChatPlatform; tokens: UserTokens; checks: AlertChecks }) {}

  async ownerToken(subscription: AlertSubscription): Promise<string | null> {
    let token: string | null = null;
    await this.deps.platform.continueIn(conversationReferenceOf(subscription.reference), async (context) => {
      token = await this.deps.tokens.forTurn(context)();
    });
    return token;
  }

  async post(subscription: AlertSubscription, alert: Alert): Promise<string | null> {
    const reference = conversationReferenceOf(subscription.reference);
    const replyTo = alert.kind === 'recovered' ? alert.replyTo : null;
    // A new alert is a new message (in a channel: a new post), never a reply to whoever typed `alerts on`; a recovery
    // answers its alert: in a channel inside that alert's thread, elsewhere as a reply to it.
    const thread = subscription.channel && replyTo;
    const target = {
      ...reference,
      conversation: {
        ...reference.conversation!,
        id: thread ? `${subscription.conversationId};messageid=${replyTo}` : subscription.conversationId,
      },
    };
    const card = alertCard(alert, this.deps.checks, messagesFor(subscription.locale));
    let messageId: string | null = null;
    await this.deps.platform.continueIn(target, async (turn) => {
      messageId = await this.deps.platform.sendCard(turn, card, {
        newMessage: true,
        ...(replyTo && !thread ? { replyToId: replyTo } : {}),
      });
    });
    return messageId;
  }
}
