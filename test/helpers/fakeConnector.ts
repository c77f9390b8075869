import type http from 'node:http';
import { LoopbackServer, bodyOf } from './loopbackServer';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  kind: 'reply' | 'send' | 'update' | 'delete';
  conversationId: string;
  activityId: string | null;
  body: Record<string, unknown>;
  /** The id this connector gave the message (for updates, the id updated). */
  id: string;
  at: number;
}

/** What the fake does with one call: answer after a delay, or fail with a status. */
export interface CallBehaviour {
  delayMs?: number;
  status?: number;
}

/**
 * A loopback Bot Connector following the v3 REST contract: replies, new messages, updates, deletes. It answers
 * `{id}` like Teams and records everything a Teams user would see. Typing indicators are kept apart (`typing`):
 * they are best effort and race the real answers.
 */
export class FakeConnector extends LoopbackServer {
  readonly calls: ConnectorCall[] = [];
  readonly typing: ConnectorCall[] = [];
  /** When set, updates (PUT) fail with this status, as a connector outage or a message Teams no longer lets the bot edit. */
  failUpdates: number | false = false;
  /** Decides per call how to answer (delay, failure); default: at once, 200. */
  behaviour: (call: ConnectorCall) => CallBehaviour = () => ({});
  /** What each message shows now: an update takes effect when the connector has processed it (after its delay). */
  readonly current = new Map<string, Record<string, unknown>>();
  /** Every message and update, in the order they took effect. */
  readonly applied: Array<{ id: string; conversationId: string; body: Record<string, unknown> }> = [];
  private nextId = 1;

  /** The service URL activities carry: the server's root, with the slash Teams puts there. */
  get serviceUrl(): string {
    return `${this.url}/`;
  }

  /** Everything sent after the given number of calls. */
  since(count: number): ConnectorCall[] {
    return this.calls.slice(count);
  }

  updatesOf(messageId: string): ConnectorCall[] {
    return this.calls.filter((call) => call.kind === 'update' && call.activityId === messageId);
  }

  /** The members of each conversation, for GET .../pagedmembers (Teams' member list, one page). */
  readonly members = new Map<string, Array<{ id: string; name: string; aadObjectId?: string }>>();

  protected async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const text = (await bodyOf(req)).toString('utf8');
    const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers/.exec(req.url ?? '');
    if (req.method === 'GET' && paged?.[1]) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ members: this.members.get(decodeURIComponent(paged[1])) ?? [] }));
      return;
    }
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
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const call: ConnectorCall = { kind, conversationId, activityId, body, id, at: Date.now() };
    if (body.type === 'typing') this.typing.push(call);
    else this.calls.push(call);
    const behaviour = this.behaviour(call);
    if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    const status = behaviour.status ?? (kind === 'update' && this.failUpdates ? this.failUpdates : 200);
    if (res.destroyed) return;
    if (status >= 400) {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'failed' } }));
      return;
    }
    this.current.set(id, body);
    this.applied.push({ id, conversationId, body });
    res.writeHead(200, { 'Content-Type': 'application/json' }); // never chained: restify patches writeHead
    res.end(JSON.stringify({ id }));
  }
}
