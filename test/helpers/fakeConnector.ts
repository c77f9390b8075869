import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  kind: 'reply' | 'send' | 'update' | 'delete';
  conversationId: string;
  activityId: string | null;
  body: Record<string, unknown>;
  /** The id this connector gave the message (for updates, the id updated). */
  id: string;
}

/**
 * A loopback Bot Connector following the v3 REST contract (facts.md §2): replies, new messages, updates, deletes.
 * It answers `{id}` like Teams and records everything, so tests can see exactly what a Teams user would see.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** When set, updates (PUT) fail with 500, as a connector outage or a message Teams no longer lets the bot edit. */
  failUpdates = false;
  private nextId = 1;
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Everything sent after the given number of calls. */
  since(count: number): ConnectorCall[] {
    return this.calls.slice(count);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!match?.[1]) {
      res.writeHead(404);
      res.end();
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const activityId = match[2] ? decodeURIComponent(match[2]) : null;
    const kind = req.method === 'PUT' ? 'update' : req.method === 'DELETE' ? 'delete' : activityId ? 'reply' : 'send';
    const id = kind === 'update' ? (activityId ?? '') : `msg-${this.nextId++}`;
    this.calls.push({ kind, conversationId, activityId, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, id });
    if (kind === 'update' && this.failUpdates) {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'update failed' } }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }); // never chained: restify patches writeHead
    res.end(JSON.stringify({ id }));
  }
}
