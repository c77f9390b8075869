import type { AdaptiveCard } from '../cards/schema';
import type { Messages } from '../i18n';
import type { Person } from '../sync/confirmation';
import type { TokenSource } from '../sync/syncService';

/** What the bot answers to a typed command. */
export type Reply = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCard } | { kind: 'signInRequired' };

/** What the bot does with the card a button was on. */
export type ActionOutcome =
  /** Replace the card (for everyone) and, optionally, tell the clicker something. */
  | { kind: 'replaceCard'; card: AdaptiveCard; notice?: string }
  /** Leave the card as it is and tell the clicker why. */
  | { kind: 'notice'; text: string }
  | { kind: 'signInRequired' };

/** Everything a handler knows about the turn, as plain data: no botbuilder types past this point. */
export interface TurnInput {
  user: Person;
  m: Messages;
  /** The acting user's Graph token; null means they must sign in first. */
  token: TokenSource;
}
