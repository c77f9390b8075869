import type { TurnContext } from 'botbuilder';
import type { TokenSource } from '../sync/syncService';

/** Where a turn's Graph token comes from. Teams SSO implements this too; nothing else changes. */
export interface UserTokens {
  forTurn(context: TurnContext): TokenSource;
}

/** Local mode: one configured development token for every user (LOCAL_GRAPH_TOKEN). */
export class FixedTokens implements UserTokens {
  constructor(private readonly token: string) {}

  forTurn(): TokenSource {
    return () => Promise.resolve(this.token);
  }
}

/** Teams mode until sign-in is wired: no user has a token, so nothing reaches Graph. */
export class NoTokens implements UserTokens {
  forTurn(): TokenSource {
    return () => Promise.resolve(null);
  }
}
