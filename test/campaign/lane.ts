import { randomUUID } from 'node:crypto';
import { startApp, type RunningApp } from '../../src/app';
import { retrying } from '../../src/deadline';
import { syncTimingOf } from '../../src/createBot';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { seedConnectors } from '../../src/simulator/seed';
import { KEYS, type StateStore } from '../../src/storage';
import { BlobBackend } from '../../src/storage/blobBackend';
import { MemoryBackend } from '../../src/storage/memoryBackend';
import { Store } from '../../src/storage/store';
import type { AuditEntry } from '../../src/sync/auditLog';
import type { Confirmation } from '../../src/sync/confirmation';
import type { WatchRecord } from '../../src/sync/watch';
import type { Azurite } from '../helpers/azurite';
import { visibleText } from '../helpers/cardChecks';
import { FakeConnector } from '../helpers/fakeConnector';
import { FaultyBackend } from '../helpers/faultyBackend';
import { StorageProxy, type ProxyFault } from '../helpers/storageProxy';
import { followRounds } from './watchPhase';
import { brokenBackend, graphFaultOf, resend504, tabPost, textOfAnswer } from './laneFaults';
import { Random, type Schedule } from './schedule';
import type { StallMonitor } from './stalls';
import type { Observation, TimedInvoke } from './observation';

/** The bot's deadlines, scaled down so a schedule takes a fraction of a second; their ratios are production's. */
export const CAMPAIGN_ENV = {
  GRAPH_TIMEOUT_MS: '150',
  STORAGE_TIMEOUT_MS: '60',
  CARD_ANSWER_DEADLINE_MS: '100',
  BOT_FRAMEWORK_TIMEOUT_MS: '300',
  LOG_LEVEL: 'silent',
  // The watch: its timer never fires within a schedule (the lane moves the clock an interval and runs a round), and
  // its window is six intervals.
  SYNC_WATCH_INTERVAL_SECONDS: '600',
  SYNC_WATCH_MINUTES: '60',
};

/** Deliberately broken bots, each a bug one invariant must catch. */
export const BROKEN = [
  'resend504',
  'lostOutcome',
  'wrongAudit',
  'lostAudit',
  'slowAnswer',
  'lostCompletion',
  'doublePoll',
  'endlessWatch',
  'forgottenPromise',
] as const;
export type Broken = (typeof BROKEN)[number];
const RETRIES = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40 };
const REQUESTER = { id: '29:1requester', aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'Ada Admin' };
const OTHER = { id: '29:1other', aadObjectId: '00000000-0000-0000-0000-0000000000b2', name: 'Ben Builder' };

/** A schedule that could not start: the bot told the user its storage did not answer when the card was asked for. */
export class NotStarted extends Error {}

/**
 * One lane of the campaign: a Graph simulator, a Bot Connector fake and storage that live across schedules, and
 * fresh bot instances (the app's own startApp) per schedule. Schedules in one lane run one after another; lanes
 * run side by side.
 */
export class Lane {
  readonly sim = new GraphSimulator({ syncCompletesAfterMs: 3_600_000 });
  readonly connector = new FakeConnector();
  private proxy: StorageProxy | null = null;
  private container = '';

  constructor(
    private readonly azurite: Azurite | null,
    private readonly broken: Broken | undefined,
    private readonly stalls: StallMonitor,
  ) {}

  async start(): Promise<void> {
    await Promise.all([this.sim.start(), this.connector.start()]);
    this.sim.setConnectors([]);
    if (this.azurite) {
      this.proxy = await new StorageProxy(`http://127.0.0.1:${this.azurite.port}`).start();
      this.container = `campaign-${randomUUID().slice(0, 8)}`;
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.sim.stop(), this.connector.stop(), this.proxy?.stop()]);
  }

  async run(schedule: Schedule): Promise<Observation> {
    const connectorId = `c-${schedule.seed}-${randomUUID().slice(0, 8)}`;
    const alias = `S${schedule.seed}`;
    const [template] = seedConnectors();
    this.sim.setConnectors([
      {
        ...template!,
        id: connectorId,
        exchangeAlias: alias,
        serverName: `${alias.toLowerCase()}.contoso.local`,
        connectorServerName: null,
      },
    ]);
    this.sim.calls.length = 0;
    this.sim.clearFaults();
    const conversation = { id: `a:campaign-${connectorId}`, conversationType: 'personal', tenantId: 't' };
    const faults: string[] = [];

    const blob = schedule.blob && this.proxy && this.azurite;
    const memory = new FaultyBackend(brokenBackend(this.broken, new MemoryBackend()));
    const storeFor = (config: Config): StateStore => new Store(memory, { timeoutMs: config.storageTimeoutMs });
    const env = {
      ...CAMPAIGN_ENV,
      // Azurite on a loaded 2-core machine answers in tens of milliseconds, memory in microseconds.
      ...(blob ? { STORAGE_TIMEOUT_MS: '250' } : {}),
      // A bot that waits for slow storage past its answer deadline (the I5 bug): its deadline is raised past the budget.
      ...(this.broken === 'slowAnswer' ? { CARD_ANSWER_DEADLINE_MS: '3000', STORAGE_TIMEOUT_MS: '2000' } : {}),
      PORT: '0',
      GRAPH_BASE_URL: this.sim.baseUrl,
      ...(blob
        ? {
            BOT_STORAGE: 'blob',
            AZURE_STORAGE_CONNECTION_STRING: this.proxy!.connectionString(this.azurite.connectionString),
            AZURE_STORAGE_CONTAINER: this.container,
          }
        : {}),
    };
    const config = loadConfig(env);
    let clockOffset = 0;
    const overrides = {
      now: () => new Date(Date.now() + clockOffset),
      retryPolicy: RETRIES,
      ...(blob ? {} : { store: storeFor(config) }),
      ...(this.broken === 'resend504' ? { mayResend: resend504 } : {}),
    };
    const instances: RunningApp[] = [];
    const alive = new Set<number>();
    // Each instance alive reaches Graph under its own host name (127.0.0.1 or localhost), so Graph can tell which
    // instance asked: a second GET from one instance in a round is its client's retry after a deadline it gave up at
    // (on a loaded machine), a GET from another instance is a second poll.
    const hostOf = new Map<RunningApp, string>();
    const launch = async (): Promise<RunningApp> => {
      const taken = new Set([...alive].map((n) => hostOf.get(instances[n]!)));
      const host = ['127.0.0.1', 'localhost'].find((one) => !taken.has(one)) ?? '127.0.0.1';
      const own = loadConfig({ ...env, GRAPH_BASE_URL: this.sim.baseUrl.replace('127.0.0.1', host) });
      const app = await startApp(own, createLogger('silent'), overrides);
      hostOf.set(app, host);
      return app;
    };
    for (let n = 0; n < schedule.instances; n += 1) {
      instances.push(await launch());
      alive.add(n);
    }

    const post = async (
      n: number,
      activity: Record<string, unknown>,
    ): Promise<{ status: number; body: unknown; ms: number; stalledMs: number }> => {
      const target = instances[alive.has(n) ? n : [...alive][0]!]!;
      const started = Date.now();
      const from = performance.now();
      const stalled = (): number => this.stalls.stalledBetween(from, performance.now());
      try {
        const response = await fetch(`${target.server.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(activity),
        });
        const text = await response.text();
        return {
          status: response.status,
          body: text ? (JSON.parse(text) as unknown) : undefined,
          ms: Date.now() - started,
          stalledMs: stalled(),
        };
      } catch {
        // the instance stopped under the request
        return { status: 0, body: undefined, ms: Date.now() - started, stalledMs: stalled() };
      }
    };
    const activity = (from: typeof REQUESTER, fields: Record<string, unknown>) => ({
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: this.connector.serviceUrl,
      from,
      recipient: { id: '28:bot' },
      conversation,
      locale: 'en-US',
      channelData: { tenant: { id: 't' } },
      ...fields,
    });

    try {
      // The confirmation card, asked for the way a user does (again if a loaded machine made storage too slow once).
      let reply: (typeof this.connector.calls)[number] | undefined;
      let answers = '';
      for (let attempt = 0; attempt < 3 && !reply; attempt += 1) {
        const ask = activity(REQUESTER, { type: 'message', text: `sync connector ${alias} full` });
        await post(0, ask);
        const sent = this.connector.calls.filter((call) => call.activityId === ask.id);
        reply = sent.find((call) => JSON.stringify(call.body).includes('sync.confirm'));
        answers = sent.map((call) => JSON.stringify(call.body)).join(' ');
      }
      const confirmationId = /"confirmationId":"([^"]+)"/.exec(JSON.stringify(reply?.body ?? {}))?.[1] ?? '';
      // Storage that does not answer before any fault was injected (Azurite stalling under the campaign's load) is
      // told to the user, correctly; the schedule then has nothing to test and is counted apart, not as a pass.
      if (!reply && answers.includes('cannot reach my storage'))
        throw new NotStarted(`storage did not answer while ${alias} was asked for`);
      if (!reply || !confirmationId) throw new Error(`no confirmation card for ${alias}`);

      const tab = schedule.tab ? await this.proposeInTab(instances[0]!, connectorId) : null;
      for (const fault of schedule.graph) this.sim.addFault(graphFaultOf(fault));
      faults.push(...schedule.graph.map((fault) => `graph:${fault.kind}`));
      const random = new Random(schedule.seed ^ 0x9e3779b9);
      this.connector.behaviour = (call) => {
        if (call.conversationId !== conversation.id) return {};
        const roll = random.next();
        if (roll < schedule.connector.failShare) {
          faults.push('connector:5xx');
          return { status: 503 };
        }
        if (roll < schedule.connector.failShare + schedule.connector.slowShare) {
          faults.push('connector:slow');
          return { delayMs: 120 };
        }
        return {};
      };

      const invokeMs: number[] = [];
      const invokes: TimedInvoke[] = [];
      let lastInvokeCard = '';
      const timers: Array<Promise<void>> = [];
      for (const { afterMs, fault } of schedule.storage) {
        timers.push(
          delay(afterMs).then(() => {
            faults.push(`storage:${fault}`);
            if (blob) this.proxyOnce(fault === 'lostAnswer' ? 'dropAnswer' : fault);
            else memory.inject('any', fault === 'slow' ? { slowMs: 20 } : fault);
          }),
        );
      }
      if (schedule.sigterm) {
        const { instance, atMs } = schedule.sigterm;
        timers.push(
          delay(atMs).then(async () => {
            faults.push('sigterm');
            alive.delete(instance);
            await instances[instance]!.stop(200);
          }),
        );
      }
      const clicks = schedule.clicks.map((click) =>
        delay(click.atMs).then(async () => {
          const from = click.by === 'requester' ? REQUESTER : OTHER;
          const data = { verb: `sync.${click.verb}`, confirmationId };
          const one =
            click.transport === 'execute'
              ? activity(from, {
                  type: 'invoke',
                  name: 'adaptiveCard/action',
                  replyToId: reply.id,
                  value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' },
                })
              : activity(from, { type: 'message', replyToId: reply.id, value: data });
          const copies = click.redeliver ? [one, one] : [one];
          const answers = await Promise.all(copies.map((copy) => post(click.instance, copy)));
          if (click.transport !== 'execute') return;
          for (const answer of answers) {
            if (answer.status !== 0) {
              // A refusal is timed too; 0: the instance stopped under it.
              invokeMs.push(answer.ms);
              invokes.push({ ms: answer.ms, stalledMs: answer.stalledMs, status: answer.status });
            }
            if (
              click.by === 'requester' &&
              (answer.body as { type?: string } | undefined)?.type === 'application/vnd.microsoft.card.adaptive'
            ) {
              lastInvokeCard = textOfAnswer(answer.body);
            }
          }
        }),
      );
      const tabClicks = (tab ? (schedule.tab ?? []) : []).map(({ atMs, instance }) =>
        delay(atMs).then(async () => {
          faults.push('tab:confirm');
          const target = instances[alive.has(instance) ? instance : [...alive][0]!];
          if (target) await tabPost(target, `/api/tab/confirmations/${tab!}/confirm`, {}).catch(() => undefined);
        }),
      );
      await Promise.all([...clicks, ...tabClicks, ...timers]);
      memory.clear();
      if (this.proxy) this.proxy.decide = () => 'pass';
      await Promise.all([...alive].map((n) => instances[n]!.idle(10_000)));

      // The next view of the card: after a stopped instance, as late as a claim can be stale.
      const timing = syncTimingOf(config);
      if (schedule.sigterm) clockOffset = timing.claimStaleAfterMs + 1_000;
      if (alive.size === 0) {
        instances.push(await launch());
        alive.add(instances.length - 1);
      }
      const viewer = [...alive][0]!;
      const view = await post(
        viewer,
        activity(REQUESTER, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: reply.id,
          value: {
            action: { type: 'Action.Execute', verb: 'sync.refresh', data: { verb: 'sync.refresh', confirmationId } },
          },
        }),
      );
      await Promise.all([...alive].map((n) => instances[n]!.idle(10_000)));
      // A view that took longer than its answer deadline answers "still working" and updates the card instead.
      const viewed = textOfAnswer(view.body);
      const finalView = /Still working on this request/.test(viewed) ? this.shownCard(conversation.id, alias) : viewed;
      // The tab's next look at its confirmation (a confirm on a settled one only shows it): as the card's view, it
      // settles a claim its stopped instance left behind.
      if (tab) await tabPost(instances[viewer]!, `/api/tab/confirmations/${tab}/confirm`, {}).catch(() => undefined);
      await Promise.all([...alive].map((n) => instances[n]!.idle(10_000)));

      const store: StateStore = blob
        ? new Store(
            new BlobBackend(
              { kind: 'connectionString', connectionString: this.azurite.connectionString },
              this.container,
              2_000,
            ),
            { timeoutMs: 2_000 },
          )
        : storeFor(config);
      // The harness's own reads are tried again: an Azurite stall in them is not the bot's (a crash was, once).
      const read = <T>(key: string) => retrying(() => store.read<T>(key), { attempts: 5, pauseAfter: () => 100 });
      // The watch phase follows a sync Graph accepted (the confirmation says requested).
      const requested = (await read<Confirmation>(KEYS.confirmation(confirmationId)))?.value.state === 'requested';
      // The watch phase judges watches, instances and Graph's GETs: the Bot Connector answers every card update in it
      // (its own faults belong to the click phase above, where every card update is judged by I2).
      this.connector.behaviour = () => ({});
      if (schedule.watch && requested) {
        faults.push('watch:followed');
        if (schedule.watch.restarts.length) faults.push('watch:restart');
        if (schedule.watch.getFaults.length) faults.push('watch:getFault');
      }
      const watch =
        schedule.watch && requested
          ? {
              ...(await followRounds(this.sim, schedule.watch, connectorId, {
                instances,
                alive,
                start: launch,
                advance: (ms) => (clockOffset += ms),
                now: () => Date.now() + clockOffset,
              })),
              card: this.shownCard(conversation.id, alias),
            }
          : null;

      const stored = await read<Confirmation>(KEYS.confirmation(confirmationId));
      const audit = (await read<{ entries: AuditEntry[] }>(KEYS.audit(connectorId)))?.value.entries ?? [];
      return {
        schedule,
        connectorId,
        confirmationId,
        // Only this schedule's connector: an instance of an earlier schedule may still finish a retry meanwhile.
        posts: this.sim
          .syncCalls()
          .filter((call) => call.connectorId === connectorId)
          .map((call) => {
            // The attempt's deadline began before the POST arrived: stalls that ended in the deadline before its arrival
            // (whole: one that began earlier froze the attempt too) and while Graph answered count against it.
            const answeredAfterMs = call.answeredAfterMs ?? 0;
            const stalledMs = this.stalls.stalledBetween(
              call.arrivedAt - config.graphTimeoutMs,
              call.arrivedAt + answeredAfterMs,
              { whole: true },
            );
            const late = call.answeredAfterMs !== null && answeredAfterMs + stalledMs > config.graphTimeoutMs;
            return { status: call.status, accepted: call.accepted, answeredAfterMs, stalledMs, late };
          }),
        finalState: stored?.value.state ?? 'missing',
        unknownBecause:
          stored?.value.state === 'unknown'
            ? `${stored.value.reason}${stored.value.failure ? ` (${stored.value.failure.kind})` : ''}`
            : null,
        audit: audit.filter((entry) => entry.confirmationId === confirmationId),
        shownCard: this.shownCard(conversation.id, alias),
        lastInvokeCard,
        finalView,
        invokeMs,
        invokes,
        faultsInjected: faults,
        tab: tab
          ? {
              confirmationId: tab,
              finalState: (await read<Confirmation>(KEYS.confirmation(tab)))?.value.state ?? 'missing',
              audit: audit.filter((entry) => entry.confirmationId === tab),
            }
          : null,
        watch: watch
          ? {
              ...watch,
              state: (await read<WatchRecord>(KEYS.watch(connectorId)))?.value.state.kind ?? null,
              completions: audit
                .filter((entry) => entry.confirmationId === confirmationId && entry.completion)
                .map((entry) => entry.completion!.state),
            }
          : null,
      };
    } finally {
      this.connector.behaviour = () => ({});
      await Promise.allSettled([...alive].map((n) => instances[n]!.stop(500)));
    }
  }

  /** The dashboard proposes a sync of the same connector (the local user's tab), before any click. */
  private async proposeInTab(instance: RunningApp, connectorId: string): Promise<string | null> {
    const answer = await tabPost(instance, '/api/tab/confirmations', { connectorId, syncType: 'fullSync' }).catch(
      () => null,
    );
    return (answer as { id?: string } | null)?.id ?? null;
  }

  private proxyOnce(fault: ProxyFault): void {
    if (!this.proxy) return;
    let used = false;
    this.proxy.decide = () => {
      if (used) return 'pass';
      used = true;
      return fault;
    };
  }

  /** The confirmation card this conversation shows last (an update in place, or a new message carrying it). */
  private shownCard(conversationId: string, alias: string): string {
    for (const message of [...this.connector.applied].reverse()) {
      if (message.conversationId !== conversationId) continue;
      const card = (message.body.attachments as Array<{ content?: unknown }> | undefined)?.[0]?.content;
      const text = card ? visibleText(card as never) : '';
      if (text.includes(`Connector: ${alias}`)) return text;
    }
    return '';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
