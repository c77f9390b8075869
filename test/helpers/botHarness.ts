import { MemoryStorage, TestAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { ConnectorSyncBot } from '../../src/bot/connectorSyncBot';
import { InFlight } from '../../src/bot/inFlight';
import { PendingSignIns } from '../../src/bot/pendingSignIns';
import { SignInFlow } from '../../src/bot/signInFlow';
import { FixedTokens } from '../../src/bot/userTokens';
import type { AdaptiveCard } from '../../src/cards/schema';
import { ConnectorDirectory } from '../../src/commands/connectorDirectory';
import { GraphConnectorClient } from '../../src/graph/connectorClient';
import { createLogger } from '../../src/logger';
import { FAST_RETRIES } from './liveBot';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { ConfirmationStore } from '../../src/sync/confirmationStore';
import { AuditLog } from '../../src/sync/auditLog';
import { SyncService } from '../../src/sync/syncService';

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
    const graph = new GraphConnectorClient(await this.sim.start(), FAST_RETRIES);
    const storage = new MemoryStorage();
    const audit = new AuditLog(storage, () => undefined, (error) => {
      throw error;
    });
    const sync = new SyncService({
      confirmations: new ConfirmationStore(storage),
      audit,
      graph,
      ttlMs: 10 * 60_000,
      now: () => this.clock,
    });
    const logger = createLogger('silent');
    this.bot = new ConnectorSyncBot({
      graph,
      sync,
      audit,
      directory: new ConnectorDirectory(graph, 60_000),
      tokens: new FixedTokens('turn-test-token'),
      signInFlow: new SignInFlow(null, new PendingSignIns(storage), logger),
      logger,
      answerDeadlineMs: 3_000,
      inFlight: new InFlight(logger),
      proactive: (reference, logic) => this.adapter.continueConversation(reference, logic),
    });
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
