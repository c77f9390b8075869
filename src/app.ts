import { randomUUID } from 'node:crypto';
import { createAdapter } from './bot/adapter';
import { BotEndpoint } from './bot/botEndpoint';
import { CardUpdates, type Proactive } from './bot/cardUpdates';
import { Clicks } from './bot/clicks';
import { ConnectorSyncBot } from './bot/connectorSyncBot';
import { InboundAuth } from './bot/inboundAuth';
import { InFlight } from './bot/inFlight';
import { PendingSignIns } from './bot/pendingSignIns';
import { SsoSignIn } from './bot/signIn';
import { SignInFlow } from './bot/signInFlow';
import { SigningKeys } from './bot/signingKeys';
import { FixedTokens, SsoTokens, type UserTokens } from './bot/userTokens';
import { ConnectorDirectory } from './commands/connectorDirectory';
import type { Config } from './config';
import { GraphConnectorClient } from './graph/connectorClient';
import type { RetryPolicy, mayResend } from './graph/retry';
import type { ConnectorGraph } from './graph/types';
import type { Logger } from './logger';
import { createServer, listen, type RunningServer } from './server';
import { createStateStore, type StateStore } from './storage';
import { AuditLog } from './sync/auditLog';
import { ConfirmationStore } from './sync/confirmationStore';
import { ConnectorClaims } from './sync/connectorClaims';
import { LatestConfirmations } from './sync/latestConfirmations';
import { SyncService, type SyncTiming } from './sync/syncService';
import { RecentRequests } from './sync/recentRequests';
import { WatchStore } from './sync/watchStore';
import { Watcher } from './bot/watcher';
import { confirmationCard } from './cards/confirmationCard';
import { messagesFor } from './i18n';
import { Dashboard } from './tab/dashboard';
import { DASHBOARD_ENTITY_ID, createTab } from './tab/createTab';

/** Graph calls of one turn end this long after it arrived, well inside Teams' 15 s redelivery window. */
const TURN_GRAPH_BUDGET_MS = 8_000;

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
  /** Prepares what the first visitor of the dashboard would otherwise wait for (its page bundle). */
  warmUp(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

export interface BotParts {
  store: StateStore;
  graph: ConnectorGraph;
  logger: Logger;
  proactive: Proactive;
  now?: () => Date;
  /** Local mode: the dashboard's address once the server listens (Teams mode links to the tab itself). */
  localDashboardUrl?: () => string | null;
}

/** The bot's parts that the dashboard tab shares: one SyncService, one audit, one Graph client. */
export interface Bot {
  bot: ConnectorSyncBot;
  inFlight: InFlight;
  sync: SyncService;
  audit: AuditLog;
  /** Follows accepted syncs until Intune reports them; startApp starts it. */
  watcher: Watcher;
}

/** Where "Open dashboard" leads: the tab as a Teams deep link, or in local mode the page on this machine. */
function dashboardUrlOf(config: Config, parts: BotParts): () => string | null {
  const { dashboard } = config;
  if (dashboard.kind === 'teams') {
    const link = `https://teams.microsoft.com/l/entity/${encodeURIComponent(dashboard.teamsAppId)}/${DASHBOARD_ENTITY_ID}`;
    return () => link;
  }
  return dashboard.kind === 'local' ? (parts.localDashboardUrl ?? (() => null)) : () => null;
}

/** How long a sync may take with its retries, and when a claim without an outcome counts as interrupted. */
export function syncTimingOf(config: Config): SyncTiming {
  const sendBudgetMs = 3 * config.graphTimeoutMs;
  const settlePauseMs = Math.round(config.storageTimeoutMs / 20);
  return {
    ttlMs: config.confirmationTtlMs,
    sendBudgetMs,
    settlePauseMs,
    // Only after the send, the attempts to store its outcome (5 storage calls and pauses of 2+4+8+16 base pauses) and a
    // margin is a claim without an outcome stale: defaults about a minute.
    claimStaleAfterMs: sendBudgetMs + 5 * config.storageTimeoutMs + 30 * settlePauseMs + config.graphTimeoutMs,
  };
}

/** Wires the bot itself (no server, no adapter): shared by startApp and the TestAdapter turn tests. */
export function createBot(config: Config, parts: BotParts): Bot {
  const { store, graph, logger } = parts;
  const now = parts.now ?? (() => new Date());
  const tokens: UserTokens = config.tokens.kind === 'sso' ? new SsoTokens(new SsoSignIn(config.tokens.connectionName)) : new FixedTokens(config.tokens.token);
  const inFlight = new InFlight(logger);
  const audit = new AuditLog(
    store,
    (entry) => logger.info({ audit: entry }, 'sync audit'),
    (error, entry) => logger.error({ err: error, audit: entry }, 'could not store the audit record (it is in this log)'),
  );
  const sync = new SyncService({
    confirmations: new ConfirmationStore(store, () => now().getTime()),
    claims: new ConnectorClaims(store),
    audit,
    graph,
    timing: syncTimingOf(config),
    background: (work, details) => inFlight.track(work, details),
    now,
  });
  const watches = new WatchStore(store, config.watch.windowMs);
  const recent = new RecentRequests({ audit, watches, cooldownMs: config.watch.cooldownMs, now });
  const commands = { directory: new ConnectorDirectory(graph, config.connectorCacheMs), sync, audit, latest: new LatestConfirmations(store, config.confirmationTtlMs), recent };
  const signInFlow = new SignInFlow(tokens.signIn, new PendingSignIns(store), logger);
  const cardUpdates = new CardUpdates(parts.proactive, inFlight, logger, config.botFrameworkTimeoutMs);
  const watcher = new Watcher({
    watches,
    graph,
    proactive: parts.proactive,
    tokens,
    cardUpdates,
    inFlight,
    logger,
    confirmation: (id) => sync.view(id),
    render: (confirmation, record, card) => ({
      card: confirmationCard(confirmation, { m: messagesFor(card.locale), personal: card.personal, watch: { record, refreshFor: card.refreshFor } }),
      rank: confirmation.revision,
    }),
    intervalMs: config.watch.intervalMs,
    graphTimeoutMs: config.graphTimeoutMs,
    instanceId: randomUUID(),
    now,
  });
  const clicks = new Clicks({
    click: { ...commands, graph, following: watcher },
    answerDeadlineMs: config.answerDeadlineMs,
    cardUpdates,
    inFlight,
    signInFlow,
    tokens,
    logger,
  });
  const bot = new ConnectorSyncBot({ commands, clicks, tokens, signInFlow, logger, graphBudgetMs: TURN_GRAPH_BUDGET_MS, dashboardUrl: dashboardUrlOf(config, parts) });
  return { bot, inFlight, sync, audit, watcher };
}

/** Wires the bot from a validated config and starts it. Used by `npm start`, the integration tests and the campaign. */
export async function startApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  // The simulator is local-only code: Teams mode never loads it.
  const simulator = config.graph.kind === 'embeddedSimulator' ? new (await import('./simulator/graphSimulator')).GraphSimulator() : null;
  const graphBaseUrl = simulator ? await simulator.start(0, '127.0.0.1') : config.graph.kind === 'url' ? config.graph.baseUrl : '';

  const store = overrides.store ?? createStateStore(config.storage, config.storageTimeoutMs);
  const graph = new GraphConnectorClient(graphBaseUrl, {
    timeoutMs: config.graphTimeoutMs,
    ...(overrides.retryPolicy ? { retryPolicy: overrides.retryPolicy } : {}),
    ...(overrides.mayResend ? { mayResend: overrides.mayResend } : {}),
    hooks: { onRetry: ({ attempt, delayMs, error }) => logger.warn({ attempt, delayMs, status: error.status, requestId: error.requestId }, 'Graph asked to wait; retrying') },
  });
  const adapter = createAdapter({ identity: config.bot, tokens: config.tokens, allowedTenantIds: config.allowedTenantIds, store, timeoutMs: config.botFrameworkTimeoutMs, logger });
  const appId = config.bot.kind === 'teams' ? config.bot.appId : '';
  let listening: RunningServer | null = null;
  const { bot, inFlight, sync, audit, watcher } = createBot(config, {
    store,
    graph,
    logger,
    proactive: (reference, logic) => adapter.continueConversationAsync(appId, reference, logic),
    localDashboardUrl: () => (listening ? `${listening.url}/tab` : null),
    ...(overrides.now ? { now: overrides.now } : {}),
  });

  const keys = config.bot.kind === 'teams' ? new SigningKeys(config.bot.openIdMetadataUrl, config.botFrameworkTimeoutMs, logger) : null;
  const auth = keys && config.bot.kind === 'teams' ? new InboundAuth(config.bot.appId, keys) : null;
  const endpoint = new BotEndpoint(adapter, auth, (context) => bot.onTurn(context), logger);
  const readiness = {
    check: async (): Promise<Record<string, string>> => {
      const storage = await store.ping().then(
        () => 'ok',
        () => 'unreachable',
      );
      return { storage, ...(keys ? { signingKeys: await keys.check() } : {}) };
    },
  };
  const restifyServer = createServer({ messages: endpoint, readiness, logger, local: config.bot.kind === 'local' });
  const tabPage = createTab(restifyServer, config, { dashboard: new Dashboard({ graph, sync, audit }), logger });
  const server = await listen(restifyServer, config.port, config.host);
  listening = server;
  watcher.start();
  return {
    server,
    graphBaseUrl,
    idle: async (timeoutMs) => void (await inFlight.drain(timeoutMs, { quiet: true })),
    warmUp: () => tabPage.prepare().then(
      () => undefined,
      (error: unknown) => logger.error({ err: error }, 'dashboard page assets could not be prepared'),
    ),
    /** Stops accepting, lets turns in flight finish, waits for late Graph calls (their cards get updated). */
    async stop(graceMs = 8_000) {
      const started = Date.now();
      await watcher.stop(); // its watches stay in storage: another instance, or this one after a restart, resumes them
      await server.close(Math.min(graceMs, 5_000));
      await inFlight.drain(Math.max(0, graceMs - (Date.now() - started)));
      await simulator?.stop();
    },
  };
}
