import type { ConversationReference, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/schema';
import type { Rich } from '../text/rich';

/**
 * One turn with the chat platform: an incoming activity, or a conversation continued later. It stays botbuilder's
 * TurnContext: the Microsoft 365 Agents SDK's TurnContext has the same members the bot reads (activity, turnState,
 * onSendActivities, onUpdateActivity), so only the calls below differ between the two (docs/agents-sdk.md).
 */
export type ChatTurn = TurnContext;

/** Where a conversation is, as stored with a card or an alert subscription. */
export type ChatAddress = Partial<ConversationReference>;

/** What the token service hands out to show a sign-in: the link, and the resource Teams' silent SSO exchanges. */
export interface SignInResource {
  signInLink?: string;
  tokenExchangeResource?: { id?: string; uri?: string; providerId?: string };
}

/**
 * Everything the bot needs from its chat platform, in the bot's own words: reply, update a card, post outside a
 * turn, the token service's user tokens and sign-in, a chat's members. Implemented for botbuilder by
 * BotbuilderPlatform; a move to the Microsoft 365 Agents SDK implements this interface again and leaves the callers
 * as they are. Routing (connectorSyncBot.ts), inbound authentication and the adapter are the other parts a port touches.
 */
export interface ChatPlatform {
  /** Chat text: the bot's own markdown renders, anything from users, Graph or Teams stays inert. */
  sendText(turn: ChatTurn, text: Rich): Promise<void>;
  /**
   * Sends a card; resolves with the id of the message that carries it (to update it later). `newMessage`: a post of
   * its own in a continued conversation (an alert), never an answer to the continuation; `replyToId` answers a message.
   */
  sendCard(
    turn: ChatTurn,
    card: AdaptiveCard,
    options?: { newMessage?: boolean; replyToId?: string },
  ): Promise<string | null>;
  /** Best effort: a typing indicator while Graph is asked. Never delays or fails the turn. */
  showTyping(turn: ChatTurn): void;
  /** Replaces the card of a message the bot sent. */
  updateCard(turn: ChatTurn, messageId: string, card: AdaptiveCard): Promise<void>;
  /** The address of the turn's conversation, to continue it later. */
  addressOf(turn: ChatTurn): ChatAddress;
  /** Runs `logic` in a turn of the conversation at `address`, outside any incoming activity (proactive). */
  continueIn(address: ChatAddress, logic: (turn: ChatTurn) => Promise<void>): Promise<void>;
  /** Up to `max` members' ids of the turn's chat or channel. */
  members(turn: ChatTurn, max: number): Promise<string[]>;
  /** The token service: the turn's user's token for an OAuth connection (null when none; `magicCode` completes a sign-in). */
  userToken(turn: ChatTurn, connectionName: string, magicCode?: string): Promise<string | null>;
  /** Exchanges a Teams SSO token for the connection's token; null when the exchange fails. */
  exchangeToken(turn: ChatTurn, connectionName: string, ssoToken: string): Promise<string | null>;
  signOut(turn: ChatTurn, connectionName: string): Promise<void>;
  signInResource(turn: ChatTurn, connectionName: string): Promise<SignInResource>;
  /** Sends the platform's sign-in card (Teams: an OAuth card; `silent` carries the resource SSO exchanges). */
  sendSignInCard(
    turn: ChatTurn,
    connectionName: string,
    words: { button: string; text: string },
    resource: SignInResource,
    silent: boolean,
  ): Promise<void>;
}
