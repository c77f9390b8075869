import type http from 'node:http';
import { LoopbackServer, bodyOf } from '../test/helpers/loopbackServer';

/** The leanest Bot Connector that answers like Teams (`{id}`), remembering the confirmation cards it was sent. */
export class BenchConnector extends LoopbackServer {
  readonly confirmationIds: string[] = [];
  /** Card message id for each confirmation id, to click with replyToId as Teams does. */
  readonly messageIdOf = new Map<string, string>();
  /** The conversation each confirmation card was posted in. */
  readonly conversationOf = new Map<string, string>();
  /** Card updates (PUT) by message id: how many times each card changed. */
  readonly updatesOf = new Map<string, number>();
  requests = 0;
  private next = 1;

  /** The service URL activities carry. */
  get serviceUrl(): string {
    return `${this.url}/`;
  }

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = (await bodyOf(req)).toString();
    this.requests += 1;
    const id = `msg-${this.next++}`;
    const match = /"verb":"sync\.cancel","confirmationId":"([0-9a-f-]{36})"/.exec(body);
    const updated = req.method === 'PUT' ? /\/activities\/([^/?]+)$/.exec(req.url ?? '')?.[1] : undefined;
    if (updated)
      this.updatesOf.set(decodeURIComponent(updated), (this.updatesOf.get(decodeURIComponent(updated)) ?? 0) + 1);
    if (req.method === 'POST' && match?.[1]) {
      this.confirmationIds.push(match[1]);
      this.messageIdOf.set(match[1], id);
      const conversation = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1];
      if (conversation) this.conversationOf.set(match[1], decodeURIComponent(conversation));
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id }));
  }
}
