import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';

export interface ServerDeps {
  adapter: CloudAdapter;
  onTurn: (context: TurnContext) => Promise<void>;
  logger: Logger;
}

/** Bot Framework activities are small; anything larger is refused with 413 before it reaches the adapter. */
export const MAX_BODY_BYTES = 256 * 1024;

const PRIVACY = [
  'Connector Sync: privacy',
  '',
  'The bot acts for the signed-in user with their own Microsoft Graph permissions. It keeps, in its own storage:',
  'confirmation records (connector, sync type, who asked and clicked, times, outcome, Graph request-id) and, while',
  'a user signs in, the command they typed. It never stores or logs access tokens. Nothing is sent anywhere but',
  'Microsoft Graph and the Bot Framework services of your tenant.',
].join('\n');
const TERMS = [
  'Connector Sync: terms of use',
  '',
  'Provided by your IT department for Intune administrators of your organisation. Every sync runs with your own',
  'permissions and is recorded in Intune\'s audit log under your name.',
].join('\n');

function sendPlain(res: restify.Response, body: string): void {
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.sendRaw(200, body);
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting; requests in flight get up to `graceMs` to finish before their connections are cut. */
  close(graceMs?: number): Promise<void>;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'connector-sync-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      res.send(400, { error: 'The body must be a Bot Framework activity (a JSON object).' });
      return;
    }
    await deps.adapter.process(req, res, deps.onTurn);
  });

  // Clients (the Agents Playground among them) probe the endpoint with HEAD before they post.
  server.head('/api/messages', async (_req, res) => {
    res.send(200);
    return Promise.resolve();
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
    return Promise.resolve();
  });

  // The Teams app manifest links to these two pages.
  server.get('/privacy', async (_req, res) => {
    sendPlain(res, PRIVACY);
    return Promise.resolve();
  });
  server.get('/terms', async (_req, res) => {
    sendPlain(res, TERMS);
    return Promise.resolve();
  });

  server.on('restifyError', (req: restify.Request, _res: restify.Response, error: Error & { statusCode?: number }, callback: () => void) => {
    deps.logger.warn({ path: req.path(), status: error.statusCode, error: error.message }, 'request rejected');
    callback();
  });
  return server;
}

export async function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
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
