import { randomUUID } from 'node:crypto';
import { expect, vi } from 'vitest';
import { startApp, type RunningApp } from '../../src/app';
import type { AdaptiveCard } from '../../src/cards/schema';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import type { StateStore } from '../../src/storage';
import { buttonsOf, visibleText } from './cardChecks';
import { FakeConnector, type ConnectorCall } from './fakeConnector';

export const TENANT = '72f988bf-0000-4000-8000-00000000cafe';
export const LOCAL_TOKEN = 'integration-local-token-5f3a9c';
export const USERS = {
  ada: { id: '29:1ada', aadObjectId: '00000000-0000-0000-0000-00000000a0a0', name: 'Ada Admin' },
  ben: { id: '29:1ben', aadObjectId: '00000000-0000-0000-0000-00000000b0b0', name: 'Ben Builder' },
};
/** Graph retries as in production, with waits shortened so the suite stays fast. */
export const FAST_RETRIES = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 };
export const BOT = { id: '28:connector-sync-bot', name: 'Connector Sync' };
export type User = (typeof USERS)[keyof typeof USERS];

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * The real bot process in miniature: config -> startApp -> restify on an ephemeral loopback port, talking over real
 * HTTP to a Graph simulator and a fake Bot Connector, with every log line captured.
 */
export class LiveBot {
  readonly sim: GraphSimulator;
  readonly connector: FakeConnector;
  readonly logLines: string[] = [];
  clock: Date | null = null;
  private app!: RunningApp;
  private readonly ownsPeers: boolean;

  /** With `peers`, several bot instances share one Graph simulator and one Bot Connector (scale-out tests). */
  constructor(peers?: { sim: GraphSimulator; connector: FakeConnector }) {
    this.sim = peers?.sim ?? new GraphSimulator({ syncCompletesAfterMs: 60_000 });
    this.connector = peers?.connector ?? new FakeConnector();
    this.ownsPeers = !peers;
  }

  /** `store`: storage the test holds itself (to read what the bot left after it stopped). */
  async start(env: Record<string, string> = {}, parts: { store?: StateStore } = {}): Promise<this> {
    const graphBaseUrl = this.ownsPeers ? await this.sim.start() : this.sim.baseUrl;
    if (this.ownsPeers) await this.connector.start();
    // Bot Connector retries pause a tenth of BOT_FRAMEWORK_TIMEOUT_MS, doubling: 500 ms keeps them short here.
    const config = loadConfig({
      BOT_STORAGE: 'memory', // persistence is not the point here (the restart test has its own)
      PORT: '0',
      GRAPH_BASE_URL: graphBaseUrl,
      LOCAL_GRAPH_TOKEN: LOCAL_TOKEN,
      LOG_LEVEL: 'debug',
      BOT_FRAMEWORK_TIMEOUT_MS: '500',
      ...env,
    });
    const logger = createLogger(config.logLevel, { write: (line: string) => void this.logLines.push(line) });
    this.app = await startApp(config, logger, {
      now: () => this.clock ?? new Date(),
      retryPolicy: FAST_RETRIES,
      ...(parts.store ? { store: parts.store } : {}),
    });
    return this;
  }

  /** `graceMs`: how long work in flight may finish (the app's default otherwise). */
  async stop(graceMs?: number): Promise<void> {
    await this.app?.stop(graceMs);
    if (this.ownsPeers) await Promise.allSettled([this.sim.stop(), this.connector.stop()]);
  }

  get url(): string {
    return `${this.app.server.url}/api/messages`;
  }

  /** Resolves after `count` more rounds of the bot's watch (each polls every followed connector at most once). */
  afterWatchRounds(count: number): Promise<void> {
    return this.app.afterWatchRounds(count);
  }

  /** Moves the bot's clock past one alert interval and runs a round of checks, `count` times (no waiting). */
  async alertRounds(count: number, intervalMs: number): Promise<void> {
    for (let round = 0; round < count; round += 1) {
      this.clock = new Date((this.clock ?? new Date()).getTime() + intervalMs + 1);
      await this.app.alertRound();
    }
  }

  /** Resolves when the bot's work that outlived its turns (late outcomes, card updates) is done: the app's own signal. */
  idle(timeoutMs = 5_000): Promise<void> {
    return this.app.idle(timeoutMs);
  }

  /** The server's root, e.g. for the dashboard at `${baseUrl}/tab`. */
  get baseUrl(): string {
    return this.app.server.url;
  }

  async postRaw(body: string, contentType = 'application/json'): Promise<HttpAnswer> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  post(activity: Record<string, unknown>): Promise<HttpAnswer> {
    return this.postRaw(JSON.stringify(activity));
  }

  activity(from: User, fields: Record<string, unknown>, conversation = personalChat(from)): Record<string, unknown> {
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.connector.serviceUrl,
      from,
      recipient: BOT,
      conversation,
      locale: 'en-US',
      channelData: { tenant: { id: TENANT } },
      ...fields,
    };
  }

  /** Types a message; resolves with the bot's replies to it (not card updates that other work finished meanwhile). */
  async say(text: string, from: User = USERS.ada, extra: Record<string, unknown> = {}): Promise<ConnectorCall[]> {
    const before = this.connector.calls.length;
    const activity = this.activity(from, { type: 'message', text, ...extra });
    const answer = await this.post(activity);
    if (answer.status !== 200) throw new Error(`bot answered ${answer.status}`);
    return this.connector.since(before).filter((call) => call.kind === 'reply' && call.activityId === activity.id);
  }

  /** Asks for a sync and returns the confirmation card's message id and confirmation id. */
  async requestSync(
    text: string,
    from: User = USERS.ada,
  ): Promise<{ messageId: string; confirmationId: string; card: AdaptiveCard }> {
    const [reply] = await this.say(text, from);
    const card = cardIn(reply);
    const confirmationId = buttonsOf(card).find((action) => action.data.verb === 'sync.cancel')?.data.confirmationId;
    if (!confirmationId) throw new Error(`no confirmation card in ${JSON.stringify(reply)}`);
    return { messageId: reply?.id ?? '', confirmationId, card };
  }

  /**
   * A button's Action.Execute; `authentication`: the SSO token Teams sends with a retried click after a login request;
   * `locale`: the clicker's Teams language (en-US otherwise).
   */
  execute(
    from: User,
    verb: string,
    data: unknown,
    replyToId?: string,
    conversation = personalChat(from),
    options: { authentication?: string; locale?: string } = {},
  ): Promise<HttpAnswer> {
    return this.post(
      this.activity(
        from,
        {
          ...(options.locale ? { locale: options.locale } : {}),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: {
            action: { type: 'Action.Execute', verb, data },
            trigger: 'manual',
            ...(options.authentication ? { authentication: { token: options.authentication } } : {}),
          },
          ...(replyToId ? { replyToId } : {}),
        },
        conversation,
      ),
    );
  }

  submit(from: User, data: unknown, replyToId: string, conversation = personalChat(from)): Promise<HttpAnswer> {
    return this.post(this.activity(from, { type: 'message', value: data, replyToId }, conversation));
  }

  /** Waits until the card message has been updated to something matching `pattern`; returns that update. */
  async updated(messageId: string, pattern: RegExp | string): Promise<ConnectorCall> {
    // What the card says (its visible text) or how it is built (its JSON: ids, refresh, buttons' data).
    const seen = (call: ConnectorCall): string[] => [
      JSON.stringify(call.body),
      ...(call.body.attachments ? [visibleText(cardIn(call))] : []),
    ];
    const matches = (call: ConnectorCall): boolean =>
      seen(call).some((text) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)));
    await vi.waitFor(() => expect(this.connector.updatesOf(messageId).some(matches)).toBe(true), {
      timeout: 10_000,
      interval: 20,
    });
    return this.connector.updatesOf(messageId).filter(matches).at(-1)!;
  }

  /** Every captured log line, joined: for checks that no secret was ever logged. */
  logs(): string {
    return this.logLines.join('');
  }
}

export function personalChat(user: User): Record<string, unknown> {
  return { id: `a:1personal-${user.id}`, conversationType: 'personal', tenantId: TENANT };
}

export const GROUP_CHAT = { id: '19:group-intune-admins@thread.v2', conversationType: 'groupChat', tenantId: TENANT };
export const CHANNEL = { id: '19:intune-ops@thread.tacv2', conversationType: 'channel', tenantId: TENANT };
export const MENTION = {
  type: 'mention',
  mentioned: { id: '28:connector-sync-bot', name: 'Connector Sync' },
  text: '<at>Connector Sync</at>',
};

export function cardIn(call: ConnectorCall | undefined): AdaptiveCard {
  const attachments = call?.body.attachments as Array<{ content: AdaptiveCard }> | undefined;
  const card = attachments?.[0]?.content;
  if (!card) throw new Error(`expected a card, got ${JSON.stringify(call?.body)}`);
  return card;
}

export function invokeBody(answer: HttpAnswer): { statusCode: number; type: string; value: unknown } {
  return answer.body as { statusCode: number; type: string; value: unknown };
}
