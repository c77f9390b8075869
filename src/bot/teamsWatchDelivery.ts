import type { AdaptiveCard } from '../cards/schema';
import type { Logger } from '../logger';
import type { Confirmation } from '../sync/confirmation';
import { chatCardsOf, type ChatWatchedCard, type WatchRecord } from '../sync/watch';
import type { WatchDelivery } from '../sync/watchDelivery';
import type { CardUpdates } from './cardUpdates';
import type { ChatPlatform } from './chatPlatform';
import { conversationReferenceOf } from './chatReferences';
import type { InFlight } from './inFlight';
import { refreshUsersOf } from './refreshUsers';
import type { UserTokens } from './userTokens';

/** Draws a watched confirmation's card with the watch's state in it. */
export interface WatchedCardRenderer {
  render(confirmation: Confirmation, watch: WatchRecord, card: ChatWatchedCard): { card: AdaptiveCard; rank: number };
}

/** Finds a confirmation as it stands now (for re-rendering its card). */
export interface ConfirmationSource {
  view(id: string): Promise<Confirmation | null>;
}

export interface TeamsWatchDeliveryDeps {
  platform: ChatPlatform;
  tokens: UserTokens;
  cardUpdates: CardUpdates;
  inFlight: InFlight;
  logger: Logger;
  confirmations: ConfirmationSource;
  cards: WatchedCardRenderer;
}

/** A watch's chat side in Teams: tokens through a proactive turn, card updates in place, refresh lists of members. */
export class TeamsWatchDelivery implements WatchDelivery {
  constructor(private readonly deps: TeamsWatchDeliveryDeps) {}

  refreshUsers(card: Omit<ChatWatchedCard, 'refreshFor'>): Promise<string[]> {
    return refreshUsersOf(this.deps, conversationReferenceOf(card.reference), card.personal);
  }

  /** The requester's Graph token, from the token service for this poll only (SSO), or the development token. */
  async requesterToken(record: WatchRecord): Promise<string | null> {
    const references = chatCardsOf(record).map((card) => conversationReferenceOf(card.reference));
    const reference = references.find((known) => known.user?.id === record.requestedBy.id) ?? references[0];
    if (!reference) return null;
    let token: string | null = null;
    await this.deps.platform.continueIn(reference, async (context) => {
      token = await this.deps.tokens.forTurn(context)();
    });
    return token;
  }

  /** Re-renders each chat card with the watch's state; `step` ranks it above the "requested" card it replaces. */
  update(record: WatchRecord, cards: WatchRecord['cards'], step: number): void {
    for (const card of chatCardsOf({ cards })) {
      const work = this.deps.confirmations.view(card.confirmationId).then((confirmation) => {
        if (!confirmation) return;
        const rendered = this.deps.cards.render(confirmation, record, card);
        this.deps.cardUpdates.enqueue({
          reference: conversationReferenceOf(card.reference),
          messageId: card.messageId,
          card: rendered.card,
          rank: rendered.rank + step,
          fallbackToNewMessage: false,
        });
      });
      this.deps.inFlight.track(work, { work: 'watch card update', confirmationId: card.confirmationId });
    }
  }
}
