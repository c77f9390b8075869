import { ActivityTypes, CardFactory, TeamsInfo, TurnContext, type CloudAdapter } from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';
import type { AdaptiveCard } from '../cards/schema';
import { toMarkdown, type Rich } from '../text/rich';
import type { ChatAddress, ChatPlatform, ChatTurn, SignInResource } from './chatPlatform';

/** Continues a conversation outside a turn: CloudAdapter's continueConversationAsync with the bot's app id. */
export type ContinueConversation = (address: ChatAddress, logic: (turn: ChatTurn) => Promise<void>) => Promise<void>;

/** The chat platform through botbuilder 4.23 (CloudAdapter, the Bot Connector, the Bot Framework token service). */
export class BotbuilderPlatform implements ChatPlatform {
  constructor(private readonly continueConversation: ContinueConversation) {}

  sendText(turn: ChatTurn, text: Rich): Promise<void> {
    return sendMarkdown(turn, text);
  }

  async sendCard(
    turn: ChatTurn,
    card: AdaptiveCard,
    options: { newMessage?: boolean; replyToId?: string } = {},
  ): Promise<string | null> {
    // botbuilder answers the activity of the turn (in a continued conversation, a made-up id) unless it has none.
    if (options.newMessage) delete (turn.activity as { id?: string }).id;
    const response = await turn.sendActivity({
      attachments: [CardFactory.adaptiveCard(card)],
      ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    });
    return response?.id ?? null;
  }

  /**
   * Personal and group chats only: Teams shows no typing in channel threads (and the Agents Playground mislays the
   * reply that follows one there); never for expectReplies callers, who read the answer at once.
   */
  showTyping(turn: ChatTurn): void {
    const { activity } = turn;
    if (activity.conversation?.conversationType === 'channel' || activity.deliveryMode === 'expectReplies') return;
    try {
      turn.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
    } catch {
      // the turn is over (a slow click finishing in the background): nobody is waiting for a typing indicator
    }
  }

  async updateCard(turn: ChatTurn, messageId: string, card: AdaptiveCard): Promise<void> {
    await turn.updateActivity({
      type: ActivityTypes.Message,
      id: messageId,
      attachments: [CardFactory.adaptiveCard(card)],
    });
  }

  addressOf(turn: ChatTurn): ChatAddress {
    return TurnContext.getConversationReference(turn.activity);
  }

  continueIn(address: ChatAddress, logic: (turn: ChatTurn) => Promise<void>): Promise<void> {
    return this.continueConversation(address, logic);
  }

  async members(turn: ChatTurn, max: number): Promise<string[]> {
    const { members } = await TeamsInfo.getPagedMembers(turn, max);
    return members.map((member) => member.id);
  }

  async userToken(turn: ChatTurn, connectionName: string, magicCode?: string): Promise<string | null> {
    const { activity } = turn;
    const response = await tokenClient(turn).getUserToken(
      activity.from.id,
      connectionName,
      activity.channelId,
      magicCode ?? '',
    );
    return response?.token || null;
  }

  async exchangeToken(turn: ChatTurn, connectionName: string, ssoToken: string): Promise<string | null> {
    const { activity } = turn;
    const response = await tokenClient(turn).exchangeToken(activity.from.id, connectionName, activity.channelId, {
      token: ssoToken,
    });
    return response?.token || null;
  }

  async signOut(turn: ChatTurn, connectionName: string): Promise<void> {
    await tokenClient(turn).signOutUser(turn.activity.from.id, connectionName, turn.activity.channelId);
  }

  signInResource(turn: ChatTurn, connectionName: string): Promise<SignInResource> {
    return tokenClient(turn).getSignInResource(connectionName, turn.activity, '');
  }

  async sendSignInCard(
    turn: ChatTurn,
    connectionName: string,
    words: { button: string; text: string },
    resource: SignInResource,
    silent: boolean,
  ): Promise<void> {
    const card = CardFactory.oauthCard(
      connectionName,
      words.button,
      words.text,
      resource.signInLink,
      silent ? resource.tokenExchangeResource : undefined,
    );
    await turn.sendActivity({ attachments: [card] });
  }
}

/** Chat text as markdown; the adapter's turn error handler says its apology this way too. */
export async function sendMarkdown(turn: ChatTurn, text: Rich): Promise<void> {
  await turn.sendActivity({ type: ActivityTypes.Message, text: toMarkdown(text), textFormat: 'markdown' });
}

/** CloudAdapter puts a token service client on every turn, proactive ones included. */
function tokenClient(turn: ChatTurn): UserTokenClient {
  const key = (turn.adapter as CloudAdapter).UserTokenClientKey;
  const client = turn.turnState.get<UserTokenClient | undefined>(key);
  if (!client) throw new Error('No UserTokenClient on this turn: the adapter must be a CloudAdapter');
  return client;
}
