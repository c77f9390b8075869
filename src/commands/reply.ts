import type { ChatReference } from '../sync/chatReference';
import type { AdaptiveCard } from '../cards/schema';
import type { CardActionData } from '../cards/actions';
import type { Deadline } from '../deadline';
import type { Messages } from '../i18n';
import type { Person } from '../sync/confirmation';
import type { Rich } from '../text/rich';

/** Returns the acting user's Graph token, or null when the user must sign in first. */
export type TokenSource = () => Promise<string | null>;

/** What the user was doing when they had to sign in, to resume by itself afterwards. Never a token. */
export type ResumableWork =
  { kind: 'command'; text: string } | { kind: 'cardAction'; action: CardActionData; replyToId: string | null };

/**
 * The user has no token, or (`staleToken`) Graph rejected the one they had. `resume` is what picks up where they
 * left off once they are signed in.
 */
export interface SignInNeed {
  staleToken: boolean;
  resume: ResumableWork | null;
}

/** What the bot answers to a typed command. */
export type Reply =
  | { kind: 'text'; text: Rich }
  /** A card, after `text` when there is one. */
  | { kind: 'card'; card: AdaptiveCard; text?: Rich }
  /** Changes cards already in the chat (the confirmations a typed "cancel" cancelled), and says so. */
  | { kind: 'update'; updates: ReadonlyArray<{ messageId: string; card: AdaptiveCard; rank: number }>; text: Rich }
  | { kind: 'signOut' }
  | { kind: 'signIn'; need: SignInNeed };

/**
 * What became of a button press, for every way the answer reaches Teams (the invoke answer, the in-place update of
 * an Action.Submit card, the late update after a slow Graph). One type, one renderer per transport.
 */
export type ClickOutcome =
  /**
   * The clicked card's new content, for everyone; `rank` orders updates of the same card (higher wins). A card that
   * shows a confirmation names it, so an update can be checked against the newest stored state (another instance's).
   */
  | {
      kind: 'card';
      card: AdaptiveCard;
      rank: number | null;
      confirmationId?: string;
      notice?: Rich;
      signIn?: SignInNeed;
    }
  /** The card stays as it is; the clicker alone is told why. */
  | { kind: 'notice'; text: Rich }
  /** The clicker's own new message (a status, a history, their own flow started from someone else's card). */
  | { kind: 'newCard'; card: AdaptiveCard }
  /** The card as it stands now, for the clicker alone (a refresh): nothing changes for anyone else. */
  | { kind: 'view'; card: AdaptiveCard }
  /** Nothing changed: the clicker must sign in first. */
  | { kind: 'signIn'; need: SignInNeed };

/** Everything a handler knows about the turn, as plain data (the conversation reference is JSON): no botbuilder behaviour past this point. */
export interface TurnInput {
  user: Person;
  m: Messages;
  /** The acting user's Graph token; null means they must sign in first. */
  token: TokenSource;
  /** The conversation the activity came from: confirmations are bound to it. */
  conversationId: string;
  /** A personal chat (nobody else sees the cards). */
  personal: boolean;
  /** A channel (replies that belong to a message go into its thread). */
  channel: boolean;
  /** The time by which Graph calls of this turn must be done (Teams redelivers slow turns). */
  deadline: Deadline;
  /** Says the bot is working (a typing indicator) before a Graph call; costs nothing when it is not. */
  busy: () => void;
  /** Where the list and help cards' "Open dashboard" leads: a Teams deep link to the tab; null when there is none. */
  dashboardUrl: string | null;
  /** How to reach this conversation after the turn (a followed sync updates its card through it). */
  reference: ChatReference;
}
