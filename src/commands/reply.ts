import type { AdaptiveCard } from '../cards/schema';
import type { Messages } from '../i18n';
import type { Person } from '../sync/confirmation';
import type { TokenSource } from '../sync/syncService';

/** What the bot answers to a typed command. */
/**
 * `signInRequired`: the user has no token, or (staleToken) Graph rejected the one they had. `retryText` is the
 * command that picks up where they left off once they are signed in.
 */
export type SignInRequired = { kind: 'signInRequired'; staleToken: boolean; retryText?: string };

export type Reply = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCard } | { kind: 'signOut' } | SignInRequired;

/** What the bot does with the card a button was on. */
export type ActionOutcome =
  /** Replace the card (for everyone) and, optionally, tell the clicker something or ask them to sign in again. */
  | { kind: 'replaceCard'; card: AdaptiveCard; notice?: string; signInAgain?: SignInRequired }
  /** Leave the card as it is and tell the clicker why. */
  | { kind: 'notice'; text: string }
  | SignInRequired;

/** Everything a handler knows about the turn, as plain data: no botbuilder types past this point. */
export interface TurnInput {
  user: Person;
  m: Messages;
  /** The acting user's Graph token; null means they must sign in first. */
  token: TokenSource;
}
