import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Bot Connector both bots reply to: answers `{id}` at once, remembers the confirmation ids it was sent. */
export class BenchConnector {
  readonly confirmationIds: string[] = [];
  /** Card message id for each confirmation id, to click with replyToId as Teams does. */
  readonly messageIdOf = new Map<string, string>();
  requests = 0;
  private next = 1;
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.requests += 1;
      const id = `msg-${this.next++}`;
      const body = Buffer.concat(chunks).toString();
      const match = /"verb":"sync\.cancel","confirmationId":"([0-9a-f-]{36})"/.exec(body);
      if (req.method === 'POST' && match?.[1]) {
        this.confirmationIds.push(match[1]);
        this.messageIdOf.set(match[1], id);
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
