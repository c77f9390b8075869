import { BotbuilderPlatform } from '../../src/bot/botbuilderPlatform';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { DialogTestLogger } from 'botbuilder-testing';
import { TestAdapter, TurnContext, type Activity, type ConversationReference, type InvokeResponse } from 'botbuilder';
import { createBot } from '../../src/createBot';
import type { ConnectorSyncBot } from '../../src/bot/connectorSyncBot';
import type { InFlight } from '../../src/bot/inFlight';
import type { AdaptiveCard } from '../../src/cards/schema';
import { loadConfig } from '../../src/config';
import { GraphConnectorClient } from '../../src/graph/connectorClient';
import { createLogger } from '../../src/logger';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import { buttonsOf, visibleText } from './cardChecks';
import { FAST_RETRIES } from './liveBot';

/** TestAdapter that also remembers every in-place card update, as the Bot Connector would see them. */
class RecordingTestAdapter extends TestAdapter {
  readonly updates: Array<Partial<Activity>> = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.updates.push(activity);
    await super.updateActivity(context, activity);
  }

  /**
   * TestAdapter leaves proactive turns unimplemented; the bot updates cards through them, so they run here, through
   * the adapter's middleware as CloudAdapter's continueConversationAsync runs them.
   */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: 'event', name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(this.createContext(activity), logic);
  }
}

export const ADA = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Admin' };
export const BEN = { id: '29:ben', aadObjectId: 'aad-ben', name: 'Ben Builder' };
export const BOT = { id: '28:connector-sync-bot', name: 'Connector Sync' };
export const PERSONAL = { id: 'a:personal-ada', conversationType: 'personal', isGroup: false, name: '' };

export interface TurnResult {
  replies: Array<Partial<Activity>>;
  invoke: InvokeResponse | undefined;
}

/** The real bot, storage and Graph client, a loopback Graph simulator, and botbuilder's TestAdapter in front. */
export class BotHarness {
  readonly sim = new GraphSimulator({ syncCompletesAfterMs: 60_000 });
  readonly adapter = new RecordingTestAdapter();
  clock = new Date('2026-11-26T10:00:00Z');
  private ticks = 0;
  /** The clock as the bot reads it: a millisecond later at every read, as real time moves between two events. */
  private readonly now = (): Date => new Date(this.clock.getTime() + this.ticks++);
  private bot!: ConnectorSyncBot;
  private inFlight!: InFlight;

  /** Every turn as botbuilder-testing's DialogTestLogger writes it: what the user sent, what the bot answered. */
  readonly transcript: string[] = [];

  async start(): Promise<this> {
    this.adapter.use(
      new DialogTestLogger({ log: (...parts: unknown[]) => void this.transcript.push(parts.map(String).join(' ')) }),
    );
    // The harness brings its own store (below); the setting only says so.
    const config = loadConfig({
      BOT_STORAGE: 'memory',
      LOCAL_GRAPH_TOKEN: 'turn-test-token',
      CONFIRMATION_TTL_SECONDS: '600',
    });
    const created = createBot(config, {
      store: new Store(new MemoryBackend({ now: () => this.now().getTime() }), {
        timeoutMs: 2_000,
        now: () => this.now().getTime(),
      }),
      graph: new GraphConnectorClient(await this.sim.start(), { timeoutMs: 10_000, retryPolicy: FAST_RETRIES }),
      logger: createLogger('silent'),
      platform: new BotbuilderPlatform((reference, logic) => this.adapter.continueConversation(reference, logic)),
      now: this.now,
    });
    ({ bot: this.bot, inFlight: this.inFlight } = created);
    this.adapter.use(created.sentCards);
    return this;
  }

  stop(): Promise<void> {
    return this.sim.stop();
  }

  async send(activity: Partial<Activity>): Promise<TurnResult> {
    const before = this.adapter.activeQueue.length;
    await this.adapter.processActivity({ from: ADA, recipient: BOT, conversation: PERSONAL, ...activity }, (context) =>
      this.bot.onTurn(context),
    );
    await this.inFlight.drain(5_000); // card updates for everyone else run after the turn: let them land
    // TestAdapter queues the invoke response like any other activity; real adapters return it as the HTTP answer.
    const sent = this.adapter.activeQueue.slice(before);
    const invoke = sent.find((reply) => reply.type === 'invokeResponse')?.value as InvokeResponse | undefined;
    return { replies: sent.filter((reply) => reply.type !== 'invokeResponse' && reply.type !== 'typing'), invoke };
  }

  say(text: string, extra: Partial<Activity> = {}): Promise<TurnResult> {
    return this.send({ type: 'message', text, ...extra });
  }

  execute(verb: string, data: unknown, extra: Partial<Activity> = {}): Promise<TurnResult> {
    return this.send({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...extra,
    });
  }

  submit(data: unknown, extra: Partial<Activity> = {}): Promise<TurnResult> {
    return this.send({ type: 'message', value: data, ...extra });
  }
}

export function cardOf(activity: Partial<Activity> | undefined): AdaptiveCard {
  const content = activity?.attachments?.[0]?.content as AdaptiveCard | undefined;
  if (!content) throw new Error(`expected a card, got ${JSON.stringify(activity)}`);
  return content;
}

/** The button data of a card's first action with this title. */
export function actionData(card: AdaptiveCard, title: string): Record<string, string> {
  const action = buttonsOf(card).find((candidate) => candidate.title === title);
  if (!action) throw new Error(`no button "${title}" in ${JSON.stringify(card)}`);
  return action.data;
}

/** What a reader sees of a card (paragraphs, buttons); anything else as JSON. */
export function textOf(value: unknown): string {
  const card = value as AdaptiveCard | undefined;
  return card?.type === 'AdaptiveCard' ? visibleText(card) : JSON.stringify(value);
}

/**
 * One harness for a test file: started before its tests, stopped after them, and before each test back at a known
 * clock with no Graph calls or faults left over from the one before.
 */
export function useBotHarness(): BotHarness {
  const bot = new BotHarness();
  beforeAll(() => bot.start());
  afterAll(() => bot.stop());
  beforeEach(() => {
    bot.sim.calls.length = 0;
    bot.sim.clearFaults();
    bot.clock = new Date('2026-11-26T10:00:00Z');
  });
  return bot;
}
