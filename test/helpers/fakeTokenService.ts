import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { LoopbackServer, bodyOf } from './loopbackServer';

export interface TokenServiceCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/**
 * A loopback Bot Framework token service following its REST contract (docs/platform-notes.md §2): GetToken (an empty-body 404
 * when there is no token), exchange, GetSignInResource, SignOut, GetTokenStatus. It records what it was asked.
 */
export class FakeTokenService extends LoopbackServer {
  readonly calls: TokenServiceCall[] = [];
  /** Teams SSO tokens it accepts for exchange -> the Graph token it issues for them. */
  readonly ssoTokens = new Map<string, string>();
  /** Magic codes from the sign-in page -> the Graph token they redeem. */
  readonly magicCodes = new Map<string, string>();
  /** The user tokens it holds, by `${userId}|${connectionName}|${channelId}`. */
  readonly userTokens = new Map<string, string>();

  callsTo(path: string): TokenServiceCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://token');
    const text = (await bodyOf(req)).toString('utf8');
    const query = Object.fromEntries(url.searchParams.entries());
    const body: unknown = text ? JSON.parse(text) : undefined;
    this.calls.push({ method: req.method ?? 'GET', path: url.pathname, query, body });

    const key = `${query.userId}|${query.connectionName}|${query.channelId}`;
    const tokenResponse = (token: string): unknown => ({
      channelId: query.channelId,
      connectionName: query.connectionName,
      token,
      expiration: new Date(Date.now() + 3_600_000).toISOString(),
    });
    // writeHead and end are never chained: restify, loaded in the same process, patches writeHead.
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };

    switch (`${req.method} ${url.pathname}`) {
      case 'GET /api/usertoken/GetToken': {
        const redeemed = query.code ? this.magicCodes.get(query.code) : undefined;
        if (redeemed) {
          this.magicCodes.delete(query.code ?? '');
          this.userTokens.set(key, redeemed);
        }
        const token = this.userTokens.get(key);
        if (token) return json(200, tokenResponse(token));
        res.writeHead(404); // no token: an empty-body 404, never JSON
        res.end();
        return;
      }
      case 'POST /api/usertoken/exchange': {
        const issued = this.ssoTokens.get((body as { token?: string } | undefined)?.token ?? '');
        if (!issued) return json(400, { error: { code: 'ServiceError', message: 'Token exchange failed' } });
        this.userTokens.set(key, issued);
        return json(200, tokenResponse(issued));
      }
      case 'GET /api/botsignin/GetSignInResource': {
        const state = JSON.parse(Buffer.from(query.state ?? '', 'base64').toString('utf8')) as {
          connectionName?: string;
        };
        return json(200, {
          signInLink: `https://token.botframework.example/api/oauth/signin?signin=${randomUUID()}&connection=${state.connectionName ?? ''}`,
          tokenExchangeResource: {
            id: randomUUID(),
            uri: 'api://botid-00000000-0000-0000-0000-000000000bot',
            providerId: 'aad-v2',
          },
        });
      }
      case 'DELETE /api/usertoken/SignOut':
        this.userTokens.delete(key);
        return json(200, {});
      case 'GET /api/usertoken/GetTokenStatus':
        return json(200, [
          {
            channelId: query.channelId,
            connectionName: 'graph-sso',
            hasToken: [...this.userTokens.keys()].some((k) => k.startsWith(`${query.userId}|`)),
            serviceProviderDisplayName: 'Azure Active Directory v2',
          },
        ]);
      default:
        res.writeHead(404);
        res.end();
    }
  }
}
