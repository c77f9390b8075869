import { MemoryStorage, TestAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { createBot } from '../../src/app';
import type { ConnectorSyncBot } from '../../src/bot/connectorSyncBot';
import type { AdaptiveCard } from '../../src/cards/schema';
import { loadConfig } from '../../src/config';
import { GraphConnectorClient } from '../../src/graph/connectorClient';
import { createLogger } from '../../src/logger';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { FAST_RETRIES } from './liveBot';

/** TestAdapter that also remembers every in-place card update, as the Bot Connector would see them. */
class RecordingTestAdapter extends TestAdapter {
  readonly updates: Array<Partial<Activity>> = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.updates.push(activity);
    await super.updateActivity(context, activity);
  }
}

export const ADA = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Admin' };
export const BEN = { id: '29:ben', aadObjectId: 'aad-ben', name: 'Ben Builder' };
export const BOT = { id: '28:connector-sync-bot', name: 'Connector Sync' };

export interface TurnResult {
  replies: Array<Partial<Activity>>;
  invoke: InvokeResponse | undefined;
}

/** The real bot, storage and Graph client, a loopback Graph simulator, and botbuilder's TestAdapter in front. */
export class BotHarness {
  readonly sim = new GraphSimulator({ syncCompletesAfterMs: 60_000 });
  readonly adapter = new RecordingTestAdapter();
  clock = new Date('2026-11-26T10:00:00Z');
  private bot!: ConnectorSyncBot;

  async start(): Promise<this> {
    const config = loadConfig({ LOCAL_GRAPH_TOKEN: 'turn-test-token', CONFIRMATION_TTL_SECONDS: '600' });
    this.bot = createBot(config, {
      storage: new MemoryStorage(),
      graph: new GraphConnectorClient(await this.sim.start(), FAST_RETRIES),
      logger: createLogger('silent'),
      proactive: (reference, logic) => this.adapter.continueConversation(reference, logic),
      now: () => this.clock,
    }).bot;
    return this;
  }

  stop(): Promise<void> {
    return this.sim.stop();
  }

  async send(activity: Partial<Activity>): Promise<TurnResult> {
    const before = this.adapter.activeQueue.length;
    await this.adapter.processActivity({ from: ADA, recipient: BOT, ...activity }, (context) => this.bot.onTurn(context));
    // TestAdapter queues the invoke response like any other activity; real adapters return it as the HTTP answer.
    const sent = this.adapter.activeQueue.slice(before);
    const invoke = sent.find((reply) => reply.type === 'invokeResponse')?.value as InvokeResponse | undefined;
    return { replies: sent.filter((reply) => reply.type !== 'invokeResponse'), invoke };
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
  const all = [...(card.actions ?? []), ...card.body.flatMap((element) => (element.type === 'Container' ? element.items : [])).flatMap((item) => (item.type === 'ActionSet' ? item.actions : []))];
  const action = all.find((candidate) => candidate.title === title);
  if (!action) throw new Error(`no button "${title}" in ${JSON.stringify(card)}`);
  return action.data;
}

export function textOf(value: unknown): string {
  return JSON.stringify(value);
}
