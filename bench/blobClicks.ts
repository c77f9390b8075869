/**
 * Two bot processes on one Azurite account, as two App Service instances behind the load balancer: the Graph
 * simulator holds 1,000 connectors, each gets its own confirmation card, then 50 confirm clicks a second over those
 * distinct confirmations for 20 s, alternating between the instances. One instance is stopped (SIGTERM, as App
 * Service stops an instance) during the run and started again; meanwhile the other takes every click. Afterwards:
 * every click answered with a card, one sync per confirmation, and every accepted sync's watch completed (its record
 * in storage and its card in the chat), whichever instance ends up following it.
 */
import { Azurite } from '../test/helpers/azurite';
import { StorageProxy } from '../test/helpers/storageProxy';
import { GraphSimulator } from '../src/simulator/graphSimulator';
import type { Connector } from '../src/graph/types';
import { BlobBackend } from '../src/storage/blobBackend';
import { KEYS } from '../src/storage/keys';
import { Store } from '../src/storage/store';
import type { WatchRecord } from '../src/sync/watch';
import { BenchConnector } from './fakeConnector';
import { median } from './load';
import { message, startBot, stopBot, type BotProcess } from './processes';

const CONNECTORS = Number(process.env.BENCH_BLOB_CONNECTORS ?? 1_000);
const PER_SECOND = Number(process.env.BENCH_BLOB_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_BLOB_SECONDS ?? 1_000 / PER_SECOND);
const RESTART_AT_MS = 8_000;
/** Intune reports a sync this long after it was asked for; the bots ask every WATCH_INTERVAL_SECONDS. */
const COMPLETES_AFTER_MS = 5_000;
const WATCH_INTERVAL_SECONDS = Number(process.env.BENCH_BLOB_WATCH_SECONDS ?? 30);
/** A stopped instance's leases lapse after three intervals plus the Graph timeout: allow that and a few rounds. */
const DRAIN_MS = 4 * WATCH_INTERVAL_SECONDS * 1000 + 60_000;

export interface BlobClicks {
  connectors: number;
  clicks: number;
  perSecond: number;
  seconds: number;
  answered: number;
  p50: number;
  p99: number;
  max: number;
  /** The command turns that made the cards (8 at a time, before the clicks): milliseconds to the turn's answer. */
  commandP50: number;
  commandP99: number;
  /** When the instance was told to stop, from the first click; how long until it answered again. */
  restartAtMs: number;
  restartGapMs: number;
  syncs: number;
  syncedTwice: number;
  /** Accepted syncs, whose watches must complete. */
  followed: number;
  watchesCompleted: number;
  cardsCompleted: number;
  drainMs: number;
  /** Anything that breaks a promise the bot makes (empty on a good run). */
  problems: string[];
}

function thousandConnectors(): Connector[] {
  return Array.from({ length: CONNECTORS }, (_, index) => ({
    id: `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`,
    exchangeAlias: `BX${String(index).padStart(4, '0')}`,
    serverName: `bx${index}.contoso.local`,
    connectorServerName: `BCX-${index}`,
    exchangeConnectorType: 'onPremises',
    status: 'connected',
    lastSyncDateTime: new Date(Date.now() - 6 * 3_600_000).toISOString(),
    primarySmtpAddress: null,
    version: '15.2.1118.7',
  }));
}

/** The bench's user in a chat of its own (one per connector), as processes.ts's `message` with another conversation. */
function activity(serviceUrl: string, conversationId: string, n: number): Record<string, unknown> {
  return {
    ...message('', `blob-${process.pid}-${n}`, serviceUrl),
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'bench-tenant' },
  };
}

async function post(endpoint: string, body: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

export async function blobClicks(script: string): Promise<BlobClicks> {
  const azurite = await new Azurite().start();
  const sim = new GraphSimulator({ connectors: thousandConnectors(), syncCompletesAfterMs: COMPLETES_AFTER_MS });
  const connector = await new BenchConnector().start();
  const problems: string[] = [];
  const instances: BotProcess[] = [];
  let trace: StorageProxy | null = null;
  const counts = new Map<string, number>();
  try {
    await sim.start();
    // BENCH_BLOB_TRACE=1: count the storage requests the bots make, by phase, method and kind of record.
    trace = process.env.BENCH_BLOB_TRACE ? await new StorageProxy(`http://127.0.0.1:${azurite.port}`).start() : null;
    let phase = 'setup';
    if (trace)
      trace.decide = (req) => {
        const blob = decodeURIComponent(req.url ?? '').replace(/^\/devstoreaccount1\/bench\/?/, '');
        const kind = `${phase} ${req.method} ${blob.includes('comp=list') || blob.startsWith('?') ? 'LIST ' + (/prefix=([^&/]+)/.exec(blob)?.[1] ?? '') : blob.split(/[/?]/)[0]}`;
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        return 'pass';
      };
    const env = {
      BOT_STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: trace
        ? trace.connectionString(azurite.connectionString)
        : azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'bench',
      GRAPH_BASE_URL: sim.baseUrl,
      SYNC_WATCH_INTERVAL_SECONDS: String(WATCH_INTERVAL_SECONDS),
    };
    const start = () => startBot(script, connector.serviceUrl, env);
    instances.push(await start(), await start());

    // One confirmation card per connector, each in its own chat, asked of both instances in turn.
    const connectors = sim.allConnectors();
    const commandTimes: number[] = [];
    await inParallel(connectors, 8, async (one, index) => {
      const command = {
        ...activity(connector.serviceUrl, `a:blob-${index}`, index),
        text: `sync connector ${one.id} full`,
      };
      const at = performance.now();
      const answer = await post(instances[index % 2]!.endpoint, command);
      commandTimes.push(performance.now() - at);
      if (answer.status !== 200) problems.push(`the command for ${one.id} was answered ${answer.status}`);
    });
    const confirmations = [...connector.confirmationIds];
    if (confirmations.length !== connectors.length)
      problems.push(`${confirmations.length} confirmation cards for ${connectors.length} commands`);

    // Confirm clicks, open loop: click n leaves at n / PER_SECOND s whatever the answers before it took.
    const clicks = Math.min(confirmations.length, PER_SECOND * SECONDS);
    const times: number[] = [];
    let answered = 0;
    let down: number | null = null;
    let restartGapMs = 0;
    phase = 'click';
    const began = performance.now();
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, RESTART_AT_MS));
      down = 1; // the load balancer stops sending to it first, as App Service does for an instance it stops
      const stoppedAt = performance.now();
      await stopBot(instances[1]!, 'SIGTERM');
      instances[1] = await start();
      restartGapMs = Math.round(performance.now() - stoppedAt);
      down = null;
    })();
    const sent: Array<Promise<void>> = [];
    for (let n = 0; n < clicks; n += 1) {
      const due = began + (n * 1000) / PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const confirmationId = confirmations[n]!;
      const target = n % 2 === down ? 0 : n % 2;
      const click = {
        ...activity(connector.serviceUrl, connector.conversationOf.get(confirmationId) ?? '', 100_000 + n),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: connector.messageIdOf.get(confirmationId),
        value: {
          action: { type: 'Action.Execute', verb: 'sync.confirm', data: { verb: 'sync.confirm', confirmationId } },
        },
      };
      const at = performance.now();
      sent.push(
        post(instances[target]!.endpoint, click).then(
          (answer) => {
            times.push(performance.now() - at);
            const card = answer.status === 200 && answer.text.includes('application/vnd.microsoft.card.adaptive');
            if (card) answered += 1;
            else
              problems.push(`click ${n} (${confirmationId}) answered ${answer.status}: ${answer.text.slice(0, 120)}`);
          },
          (error: unknown) => void problems.push(`click ${n} failed: ${String(error)}`),
        ),
      );
    }
    await Promise.all(sent);
    await restart;

    phase = 'drain';
    // One sync per confirmation.
    const syncs = sim.calls.filter((call) => call.operation === 'sync' && call.accepted);
    const perConnector = new Map<string, number>();
    for (const call of syncs)
      perConnector.set(call.connectorId ?? '', (perConnector.get(call.connectorId ?? '') ?? 0) + 1);
    const syncedTwice = [...perConnector.values()].filter((count) => count > 1).length;
    if (syncs.length !== answered)
      problems.push(`${syncs.length} syncs sent for ${answered} clicks answered with a card`);
    if (syncedTwice > 0) problems.push(`${syncedTwice} connectors synced more than once`);

    // Every watch completes, in storage and on its card, whoever follows it after the restart.
    const store = new Store(
      new BlobBackend({ kind: 'connectionString', connectionString: azurite.connectionString }, 'bench', 5_000),
      { timeoutMs: 5_000 },
    );
    // Every accepted sync's watch completes, in storage and on its card, whoever follows it after the restart.
    const connectorOf = (confirmationId: string): string =>
      connectors[connectorIndexOf(connector, confirmationId)]?.id ?? '';
    const followed = confirmations.slice(0, clicks).filter((id) => perConnector.has(connectorOf(id)));
    const drainStarted = performance.now();
    let watchesCompleted = 0;
    let cardsCompleted = 0;
    while (performance.now() - drainStarted < DRAIN_MS) {
      let completed = 0;
      await inParallel(followed, 16, async (confirmationId) => {
        const record = await store.read<WatchRecord>(KEYS.watch(connectorOf(confirmationId)));
        if (record?.value.state.kind === 'completed') completed += 1;
      });
      watchesCompleted = completed;
      cardsCompleted = followed.filter(
        (id) => (connector.updatesOf.get(connector.messageIdOf.get(id) ?? '') ?? 0) > 0,
      ).length;
      if (watchesCompleted === followed.length && cardsCompleted === followed.length) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    const drainMs = Math.round(performance.now() - drainStarted);
    if (watchesCompleted !== followed.length)
      problems.push(`${followed.length - watchesCompleted} watches of accepted syncs never completed in storage`);
    if (cardsCompleted !== followed.length)
      problems.push(`${followed.length - cardsCompleted} cards of accepted syncs were never updated by their watch`);

    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number): number =>
      Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    const commands = [...commandTimes].sort((a, b) => a - b);
    return {
      connectors: connectors.length,
      clicks,
      perSecond: PER_SECOND,
      seconds: clicks / PER_SECOND,
      answered,
      p50: Math.round(median(sorted)),
      p99: at(0.99),
      max: Math.round(sorted.at(-1) ?? 0),
      commandP50: Math.round(median(commands)),
      commandP99: Math.round(commands[Math.floor(0.99 * commands.length)] ?? 0),
      restartAtMs: RESTART_AT_MS,
      restartGapMs,
      syncs: syncs.length,
      syncedTwice,
      followed: followed.length,
      watchesCompleted,
      cardsCompleted,
      drainMs,
      problems,
    };
  } finally {
    await Promise.allSettled(instances.map((instance) => stopBot(instance)));
    await trace?.stop();
    if (trace)
      console.log(
        [...counts]
          .sort()
          .map(([kind, count]) => `${kind}: ${count}`)
          .join('\n'),
      );
    await Promise.allSettled([connector.stop(), sim.stop(), azurite.stop()]);
  }
}

/** Commands were answered in parallel, so cards arrived in any order: find the connector by the card's chat. */
function connectorIndexOf(connector: BenchConnector, confirmationId: string): number {
  const conversation = connector.conversationOf.get(confirmationId) ?? '';
  return Number(/^a:blob-(\d+)$/.exec(conversation)?.[1] ?? -1);
}
