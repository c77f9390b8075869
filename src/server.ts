import restify from 'restify';
import type { ClientLimits } from './http/clientLimits';
import { BodyError, readJsonBody } from './http/jsonBody';
import { hasKnownHost } from './http/knownHosts';
import { cut, type Logger } from './logger';

/** What the HTTP layer hands a request for /api/messages to, once its JSON body is read. */
export interface MessagesEndpoint {
  handle(
    body: unknown,
    authorization: string | undefined,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>;
}

/** Readiness: every dependency the bot needs to serve, each "ok" or why not. */
export interface Readiness {
  check(): Promise<Record<string, string>>;
}

export interface ServerDeps {
  messages: MessagesEndpoint;
  readiness: Readiness;
  logger: Logger;
  /** Local mode: no inbound authentication, so nothing a web page could send is accepted. */
  local: boolean;
  /** Timeouts, the connection cap and the per-address budget for `/api/`, all before authentication. */
  limits: ClientLimits;
}

/** Bot Framework activities are small; anything larger is refused with 413 before it is read further. */
export const MAX_BODY_BYTES = 256 * 1024;

const PRIVACY = [
  'Connector Sync: privacy',
  '',
  'The bot acts for the signed-in user with their own Microsoft Graph permissions. It never stores or logs access',
  'tokens. Nothing is sent anywhere but Microsoft Graph and the Bot Framework services of your tenant.',
  '',
  'What it keeps, in its own storage (the Azure storage account your administrators deployed it with):',
  '- the sync audit: per connector, who asked for and who confirmed each sync (name, Teams id, Entra object id,',
  '  tenant), when, the sync type, what Graph answered and its request-id. Kept for auditRetentionDays (365 days by',
  "  default) after the connector's latest request, so older entries of a busy connector can stay longer;",
  '- confirmation cards (the same facts, while they can be clicked and a day after), the connector being followed',
  '  after a sync (minutes), and, while someone signs in, the command they typed (a day at most).',
  "Log lines name people by id only. To delete a person's entries, your administrators delete the audit records",
  '(blobs under audit/) that name them; everything else expires by itself.',
].join('\n');
const TERMS = [
  'Connector Sync: terms of use',
  '',
  'Provided by your IT department for Intune administrators of your organisation. Every sync runs with your own',
  "permissions and is recorded in Intune's audit log under your name.",
].join('\n');

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting; requests in flight get up to `graceMs` to finish before their connections are cut. */
  close(graceMs?: number): Promise<void>;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'connector-sync-bot', handleUncaughtExceptions: false });
  deps.limits.applyTo(server.server);

  // A client that floods /api/ is refused before its body is read or anything is authenticated.
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    if (!(req.url ?? '').startsWith('/api/')) return next();
    deps.limits.admit(req).then(
      (waitSeconds) => {
        if (waitSeconds === null) return next();
        res.setHeader('Retry-After', String(waitSeconds));
        res.setHeader('Connection', 'close');
        res.send(429, { error: 'Too many requests' });
        return next(false);
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });

  server.post('/api/messages', async (req, res) => {
    // Local mode has no authentication: only this machine's own names are served (DNS rebinding), and no web page.
    if (deps.local && (req.headers.origin !== undefined || !hasKnownHost({ kind: 'loopback' }, req))) {
      // A web page's request carries an Origin; the Agents Playground and the Bot Connector post from servers.
      deps.logger.warn(
        { origin: cut(req.headers.origin), host: cut(req.headers.host) },
        'local mode: request from a web page refused',
      );
      return send(res, 403, { error: 'Local mode does not accept requests from web pages.' });
    }
    let body: unknown;
    try {
      body = await readJsonBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      deps.logger.warn({ status: error.status, reason: error.message }, 'request body refused');
      res.setHeader('Connection', 'close'); // the rest of an unread body is not worth reading
      return send(res, error.status, { error: error.message });
    }
    try {
      const answer = await deps.messages.handle(body, req.headers.authorization);
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
      return send(res, answer.status, answer.body);
    } catch (error) {
      deps.logger.error({ err: error }, 'request failed');
      return send(res, 500, { error: 'Internal error' });
    }
  });

  // Clients (the Agents Playground among them) probe the endpoint with HEAD before they post.
  server.head('/api/messages', async (_req, res) => send(res, 200));

  /** Liveness: the process answers. App Service's health check uses /readyz. */
  server.get('/healthz', async (_req, res) => send(res, 200, { status: 'ok' }));

  /**
   * Readiness: storage and the token signing keys are reachable; 503 otherwise. Anybody can call it, so the answer
   * is the status alone: what failed, and why, goes to the log (a host name and its error help an attacker more
   * than an operator, who has the log).
   */
  server.get('/readyz', async (_req, res) => {
    const checks = await deps.readiness.check();
    const failed = Object.fromEntries(Object.entries(checks).filter(([, value]) => value !== 'ok'));
    const ready = Object.keys(failed).length === 0;
    if (!ready) deps.logger.warn({ checks: failed }, 'readiness check failed');
    return send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
  });

  // The Teams app manifest links to these two pages.
  server.get('/privacy', async (_req, res) => sendPlain(res, PRIVACY));
  server.get('/terms', async (_req, res) => sendPlain(res, TERMS));

  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
      deps.logger.warn({ path: req.path(), status: error.statusCode, error: error.message }, 'request rejected');
      callback();
    },
  );
  return server;
}

function send(res: restify.Response, status: number, body?: unknown): Promise<void> {
  if (body === undefined) res.send(status);
  else res.send(status, body);
  return Promise.resolve();
}

function sendPlain(res: restify.Response, body: string): Promise<void> {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.sendRaw(200, body);
  return Promise.resolve();
}

export async function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close: (graceMs = 0) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.server.closeIdleConnections();
      }),
  };
}
