import type { ChatTurn } from './chatPlatform';
import type { TokenSource } from '../commands/reply';
import type { SsoSignIn } from './signIn';

/** Where a turn's Graph token comes from, and how a user signs in when there is none. */
export interface UserTokens {
  forTurn(context: ChatTurn): TokenSource;
  /** Null when there is no sign-in (local mode's fixed development token). */
  readonly signIn: SsoSignIn | null;
}

/** Local mode: one configured development token for every user (LOCAL_GRAPH_TOKEN). */
export class FixedTokens implements UserTokens {
  readonly signIn = null;
  constructor(private readonly token: string) {}

  forTurn(): TokenSource {
    return () => Promise.resolve(this.token);
  }
}

/** Teams SSO: the token of the user who sent this activity, fetched at most once per turn. */
export class SsoTokens implements UserTokens {
  constructor(readonly signIn: SsoSignIn) {}

  forTurn(context: ChatTurn): TokenSource {
    let fetched: Promise<string | null> | undefined;
    return () => (fetched ??= this.signIn.token(context));
  }
}
