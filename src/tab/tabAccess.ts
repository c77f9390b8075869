import type { IncomingMessage } from 'node:http';
import { messagesFor, localeOf } from '../i18n';
import type { Person } from '../sync/confirmation';
import type { DashboardCaller } from './dashboard';
import type { OnBehalfOf } from './onBehalfOf';
import { TabAuthError, type TabTokens } from './tabToken';

/**
 * Who a dashboard API request acts for, and with which Graph token. Teams mode checks the caller's Teams SSO token
 * before anything else is looked at; local mode trusts the person at this machine (the server listens on loopback
 * only) and uses the development token, exactly as the bot does.
 */
export interface TabAccess {
  /** Teams mode: the token is checked before the request's origin or body is even read. */
  readonly checksTokenFirst: boolean;
  caller(req: IncomingMessage): Promise<DashboardCaller>;
}

/** The reader's language, from the Accept-Language the page sends (the Teams locale). */
function messagesOf(req: IncomingMessage): DashboardCaller['m'] {
  return messagesFor(localeOf(req.headers['accept-language']?.split(',')[0]?.trim()));
}

export const LOCAL_USER: Person = { id: 'local-user', aadObjectId: 'local-user', name: 'Local user', tenantId: null };

export class LocalAccess implements TabAccess {
  readonly checksTokenFirst = false;

  constructor(private readonly token: string) {}

  caller(req: IncomingMessage): Promise<DashboardCaller> {
    const address = req.socket.remoteAddress ?? '';
    if (!/^(127\.|::1$|::ffff:127\.)/.test(address))
      return Promise.reject(new TabAuthError(403, 'local mode serves this machine only'));
    return Promise.resolve({ person: LOCAL_USER, graphToken: this.token, m: messagesOf(req) });
  }
}

export class TeamsAccess implements TabAccess {
  readonly checksTokenFirst = true;

  constructor(
    private readonly tokens: TabTokens,
    private readonly onBehalfOf: OnBehalfOf,
  ) {}

  async caller(req: IncomingMessage): Promise<DashboardCaller> {
    const user = await this.tokens.verify(req.headers.authorization);
    const person: Person = { id: `aad:${user.oid}`, aadObjectId: user.oid, name: user.name, tenantId: user.tid };
    return { person, graphToken: await this.onBehalfOf.graphToken(user), m: messagesOf(req) };
  }
}

/** Teams mode without BOT_DOMAIN: no token can be valid, so every request is refused. */
export class NoAccess implements TabAccess {
  readonly checksTokenFirst = true;

  caller(): Promise<DashboardCaller> {
    return Promise.reject(new TabAuthError(401, 'the dashboard is not configured (BOT_DOMAIN)'));
  }
}
