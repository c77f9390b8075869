import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import { AppError } from '../errors';
import { GraphRequestError } from '../graph/errors';
import { BodyError, readJsonBody } from '../http/jsonBody';
import { hasKnownHost, hasKnownOrigin, type KnownHosts } from '../http/knownHosts';
import { cut } from '../logger';
import { messagesFor, localeOf, type Messages } from '../i18n';
import type { Logger } from '../logger';
import { StorageFullError, StorageUnavailableError } from '../storage';
import { userTextOf } from '../commands/userText';
import { toPlainText } from '../text/rich';
import { DashboardRefusal, type Dashboard, type DashboardCaller } from './dashboard';
import type { ProblemAnswer } from './shared/contract';
import type { TabAccess } from './tabAccess';
import { apiHeaders, type TabPage } from './tabPage';

/** A dashboard request body is a connector id and a sync type: a kilobyte is plenty. */
const MAX_TAB_BODY_BYTES = 4 * 1024;

export interface TabRouteDeps {
  /** The names the page and its API may be reached by (DNS rebinding). */
  hosts: KnownHosts;
  dashboard: Dashboard;
  access: TabAccess;
  page: TabPage;
  logger: Logger;
}

type Handler = (
  caller: DashboardCaller,
  params: Record<string, string>,
  body: Record<string, unknown>,
) => Promise<unknown>;

/**
 * The dashboard's page and API, on the bot's own server and origin. Every API request passes, in this order: the
 * caller's token (Teams mode: before anything else), the same-origin rule (only the page itself may call; no other web
 * page can start a sync through a signed-in browser, in local mode neither), `application/json` within 4 KiB for
 * POSTs, then the dashboard. Refusals carry a generic body; the log says why.
 */
export function registerTabRoutes(server: restify.Server, deps: TabRouteDeps): void {
  const { dashboard, page } = deps;
  const pageRoute = (path: string, send: (res: restify.Response, req: restify.Request) => Promise<void>): void => {
    server.get(path, async (req: restify.Request, res: restify.Response) => {
      if (hasKnownHost(deps.hosts, req)) return send(res, req);
      deps.logger.warn({ path, host: cut(req.headers.host) }, 'dashboard page asked for by another host name: refused');
      res.send(403);
    });
  };
  pageRoute('/tab', (res) => page.send(res, 'dashboard'));
  pageRoute('/tab/consent', (res) => page.send(res, 'consentStart'));
  pageRoute('/tab/consent-end', (res) => page.send(res, 'consentEnd'));
  pageRoute('/tab/app.js', (res, req) => page.sendAsset(req, res, 'app.js'));
  pageRoute('/tab/app.css', (res, req) => page.sendAsset(req, res, 'app.css'));
  // Browsers ask for it when the page is opened on its own; an empty answer keeps the log free of 404s.
  server.get('/favicon.ico', (_req: restify.Request, res: restify.Response, next: restify.Next) => {
    res.send(204);
    next();
  });

  const api = (method: 'get' | 'post', path: string, handler: Handler): void => {
    server[method](path, async (req: restify.Request, res: restify.Response) => {
      apiHeaders(res);
      const answer = await answerOf(req, method, deps, handler);
      res.send(answer.status, answer.body);
    });
  };
  api('get', '/api/tab/connectors', (caller) => dashboard.connectors(caller));
  api('get', '/api/tab/live', (caller, params) => dashboard.live(caller, params.also ?? ''));
  api('get', '/api/tab/connectors/:id/history', (caller, params) => dashboard.history(caller, params.id ?? ''));
  api('post', '/api/tab/confirmations', (caller, _params, body) =>
    dashboard.propose(caller, typeof body.connectorId === 'string' ? body.connectorId : '', body.syncType),
  );
  api('post', '/api/tab/confirmations/:id/confirm', (caller, params) => dashboard.confirm(caller, params.id ?? ''));
  api('post', '/api/tab/confirmations/:id/cancel', (caller, params) => dashboard.cancel(caller, params.id ?? ''));
}

async function answerOf(
  req: restify.Request,
  method: 'get' | 'post',
  deps: TabRouteDeps,
  handler: Handler,
): Promise<{ status: number; body: unknown }> {
  const m = messagesFor(localeOf(req.headers['accept-language']?.split(',')[0]?.trim()));
  try {
    let caller = deps.access.checksTokenFirst ? await deps.access.caller(req) : null;
    if (!fromOwnPage(req, deps.hosts)) {
      deps.logger.warn(
        {
          path: req.path(),
          host: cut(req.headers.host),
          origin: cut(req.headers.origin),
          site: cut(req.headers['sec-fetch-site']),
        },
        'dashboard request from another origin refused',
      );
      return problem(403, 'forbidden');
    }
    const body = method === 'post' ? await readJsonBody(req, MAX_TAB_BODY_BYTES) : {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return problem(400, 'badRequest');
    caller ??= await deps.access.caller(req);
    return {
      status: 200,
      body: await handler(caller, paramsOf(req), body as Record<string, unknown>),
    };
  } catch (error) {
    return failureAnswer(error, req, deps.logger, m);
  }
}

/** The path's parameters over the query's (`?also=` of the live rows). */
function paramsOf(req: restify.Request): Record<string, string> {
  const query = new URL(req.url ?? '', 'http://localhost').searchParams;
  return { ...Object.fromEntries(query), ...(req.params as Record<string, string>) };
}

/**
 * Only the dashboard page itself may call its API. Browsers say where a request comes from: `Sec-Fetch-Site` and,
 * for POSTs, `Origin`. A request that names another site is refused; one that names none (curl) is not a browser's.
 * `Host` and `Origin` must both name this server (`KnownHosts`): comparing them with each other would let a
 * rebound name through.
 */
function fromOwnPage(req: IncomingMessage, hosts: KnownHosts): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  return hasKnownHost(hosts, req) && hasKnownOrigin(hosts, req);
}

function problem(
  status: number,
  error: ProblemAnswer['error'],
  message?: string,
  extra: Record<string, unknown> = {},
): { status: number; body: unknown } {
  return { status, body: { error, ...(message ? { message } : {}), ...extra } };
}

function failureAnswer(
  error: unknown,
  req: restify.Request,
  logger: Logger,
  m: Messages,
): { status: number; body: unknown } {
  const path = req.path();
  if (error instanceof BodyError) return problem(error.status, 'badRequest');
  if (error instanceof DashboardRefusal)
    return problem(
      error.status,
      error.status === 404 ? 'notFound' : 'badRequest',
      undefined,
      error.view ? { confirmation: error.view } : {},
    );
  if (error instanceof StorageUnavailableError || error instanceof StorageFullError)
    return problem(503, 'unavailable', toPlainText(userTextOf(error, m)));
  if (error instanceof GraphRequestError) {
    logger.warn(
      { path, status: error.status, kind: error.kind, requestId: error.requestId },
      'dashboard: Graph refused',
    );
    if (error.kind === 'unauthorized') return problem(401, 'unauthorized', m.tab.graphSignIn);
    return problem(error.kind === 'notFound' ? 404 : 502, 'graph', toPlainText(userTextOf(error, m)));
  }
  if (error instanceof AppError) {
    switch (error.code) {
      case 'TAB_UNAUTHORIZED':
      case 'TAB_FORBIDDEN':
      case 'TAB_SIGN_IN_FAILED':
        logger.warn({ path, code: error.code, reason: error.message }, 'dashboard request refused');
        return error.code === 'TAB_FORBIDDEN' ? problem(403, 'forbidden') : problem(401, 'unauthorized');
      case 'TAB_CONSENT_REQUIRED':
        return problem(409, 'consentRequired');
      default:
        break;
    }
  }
  logger.error({ err: error, path }, 'dashboard request failed');
  return problem(500, 'unavailable', m.unexpectedError);
}
