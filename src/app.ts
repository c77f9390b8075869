import { BotbuilderPlatform } from './bot/botbuilderPlatform';
import { createAdapter } from './bot/adapter';
import { BotEndpoint } from './bot/botEndpoint';
import { InboundAuth } from './bot/inboundAuth';
import { SigningKeys } from './bot/signingKeys';
import type { Config, StorageMode } from './config';
import type * as LocalStoreModule from './storage/localBlobStore';
import type { LocalBlobStore } from './storage/localBlobStore';
import { createBot } from './createBot';
import { ClientLimits } from './http/clientLimits';
import { GraphConnectorClient } from './graph/connectorClient';
import type { RetryPolicy, mayResend } from './graph/retry';
import type { Logger } from './logger';
import { createServer, listen, type RunningServer } from './server';
import { StoppableStore } from './storage/stoppable';
import { createStateStore, type StateStore } from './storage';
import { createTab } from './tab/createTab';
import { Dashboard } from './tab/dashboard';

export interface AppOverrides {
  /** Tests move the clock. */
  now?: () => Date;
  /** Tests shorten Graph's retry waits. */
  retryPolicy?: RetryPolicy;
  /** The fault campaign wraps the store to inject storage faults. */
  store?: StateStore;
  /** The fault campaign's deliberately broken variant (a rule that resends what it must not). */
  mayResend?: typeof mayResend;
}

export interface RunningApp {
  server: RunningServer;
  /** The Graph root the bot calls. */
  graphBaseUrl: string;
  /** Resolves when work that outlived its turn (late outcomes, card updates, stored outcomes) is done. */
  idle(timeoutMs: number): Promise<void>;
  /** Resolves after `count` more rounds of following syncs (tests wait on this rather than on the clock). */
  afterWatchRounds(count: number): Promise<void>;
  /** One round of alert checks now (tests move the clock past the interval and run one, instead of waiting). */
  alertRound(): Promise<void>;
  /** One round of the watch now (the campaign moves the clock past the interval and runs one). */
  watchRound(): Promise<void>;
  /** Prepares what the first visitor of the dashboard would otherwise wait for (its page bundle). */
  warmUp(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

/** Wires the bot from a validated config and starts it. Used by `npm start`, the integration tests and the campaign. */
export async function startApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  // Local mode keeps its state across restarts in an embedded blob store (local-only code, like the simulator); it
  // starts while the simulator does. A failure is awaited below; until then it must not count as unhandled.
  const startingStore =
    config.storage.kind === 'local' && !overrides.store ? startLocal(config.storage.dataDir) : Promise.resolve(null);
  startingStore.catch(() => undefined);
  // The simulator is local-only code: Teams mode never loads it.
  const simulator =
    config.graph.kind === 'embeddedSimulator'
      ? new (await import('./simulator/graphSimulator')).GraphSimulator()
      : null;
  const graphBaseUrl = simulator
    ? await simulator.start(0, '127.0.0.1')
    : config.graph.kind === 'url'
      ? config.graph.baseUrl
      : '';

  const localStore = await startingStore;
  const storage: Exclude<StorageMode, { kind: 'local' }> =
    config.storage.kind !== 'local'
      ? config.storage
      : {
          kind: 'blob',
          access: { kind: 'connectionString', connectionString: localStore?.connectionString ?? '' },
          container: config.storage.container,
        };
  // Aborted when stop() is done: work that outlived the grace period writes nothing after that (see StoppableStore).
  const stopped = new AbortController();
  const store = new StoppableStore(
    overrides.store ?? createStateStore(storage, config.storageTimeoutMs),
    stopped.signal,
  );
  const graph = new GraphConnectorClient(graphBaseUrl, {
    timeoutMs: config.graphTimeoutMs,
    ...(overrides.retryPolicy ? { retryPolicy: overrides.retryPolicy } : {}),
    ...(overrides.mayResend ? { mayResend: overrides.mayResend } : {}),
    hooks: {
      onRetry: ({ attempt, delayMs, error }) =>
        logger.warn(
          { attempt, delayMs, status: error.status, requestId: error.requestId },
          'Graph asked to wait; retrying',
        ),
    },
  });
  const adapter = createAdapter({
    identity: config.bot,
    tokens: config.tokens,
    allowedTenantIds: config.allowedTenantIds,
    store,
    timeoutMs: config.botFrameworkTimeoutMs,
    logger,
  });
  const appId = config.bot.kind === 'teams' ? config.bot.appId : '';
  let listening: RunningServer | null = null;
  const { bot, inFlight, sync, audit, watcher, alertPoller, sentCards, directory, recent } = createBot(config, {
    store,
    graph,
    logger,
    platform: new BotbuilderPlatform((reference, logic) => adapter.continueConversationAsync(appId, reference, logic)),
    localDashboardUrl: () => (listening ? `${listening.url}/tab` : null),
    ...(overrides.now ? { now: overrides.now } : {}),
  });

  adapter.use(sentCards);
  const keys =
    config.bot.kind === 'teams'
      ? new SigningKeys(config.bot.openIdMetadataUrl, config.botFrameworkTimeoutMs, logger)
      : null;
  const auth = keys && config.bot.kind === 'teams' ? new InboundAuth(config.bot.appId, keys) : null;
  const endpoint = new BotEndpoint(adapter, auth, (context) => bot.onTurn(context), logger, config.allowedChannelIds);
  // App Service replaces an instance whose probe keeps failing: the probe fails only on what a restart can fix
  // (storage, this process). The signing keys are Bot Framework's, fetched from outside; while their endpoint is
  // down, no restart helps, so their state goes to the log (SigningKeys logs every failure, once a minute) instead.
  const readiness = {
    check: async (): Promise<Record<string, string>> => {
      const storage = await store.ping().then(
        () => 'ok',
        () => 'unreachable',
      );
      if (keys) void keys.check(); // refreshes (and logs) the key state; never fails the probe
      return { storage };
    },
  };
  const restifyServer = createServer({
    messages: endpoint,
    readiness,
    logger,
    local: config.bot.kind === 'local',
    limits: new ClientLimits(config.http),
  });
  const tabPage = createTab(restifyServer, config, {
    dashboard: new Dashboard({
      graph,
      sync,
      audit,
      recent,
      following: watcher,
      watches: watcher,
      cache: directory,
      livePollMs: Math.max(500, Math.round(config.watch.intervalMs / 2)),
    }),
    logger,
  });
  const server = await listen(restifyServer, config.port, config.host);
  listening = server;
  watcher.start();
  alertPoller.start();
  return {
    server,
    graphBaseUrl,
    idle: async (timeoutMs) => void (await inFlight.drain(timeoutMs, { quiet: true })),
    afterWatchRounds: (count) => watcher.afterRounds(count),
    alertRound: () => alertPoller.tick(),
    watchRound: () => watcher.tick(),
    warmUp: () =>
      tabPage.prepare().then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, 'dashboard page assets could not be prepared'),
      ),
    /** Stops accepting, lets turns in flight finish, waits for late Graph calls (their cards get updated). */
    async stop(graceMs = 8_000) {
      const started = Date.now();
      // No new watch rounds; the watches stay in storage, where another instance (or this one restarted) resumes them.
      const lastRound = Promise.all([watcher.stop(), alertPoller.stop()]);
      await server.close(Math.min(graceMs, 5_000));
      await inFlight.drain(Math.max(0, graceMs - (Date.now() - started)));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        lastRound,
        new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, graceMs - (Date.now() - started))))),
      ]);
      clearTimeout(timer);
      stopped.abort(); // as process exit: nothing still running writes from here on
      await simulator?.stop();
      await localStore?.stop(); // last: work that finished above wrote through it
    },
  };
}

/** The embedded store needs the development dependencies (Azurite); the deployed bundle has none. */
async function startLocal(dataDir: string): Promise<LocalBlobStore> {
  let module: typeof LocalStoreModule;
  try {
    module = await import('./storage/localBlobStore');
  } catch (error) {
    throw new Error(
      "BOT_STORAGE=local (local mode's default) needs the development dependencies: run npm install, or set BOT_STORAGE=memory",
      { cause: error },
    );
  }
  return module.startLocalBlobStore(dataDir);
}
