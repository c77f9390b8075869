import { REQUEST_GRAPH_BUDGET_MS } from './deadline';
import { randomUUID } from 'node:crypto';
import { SentCards } from './bot/sentCards';
import { CardOwners } from './sync/cardOwners';
import { CardUpdates } from './bot/cardUpdates';
import type { ChatPlatform } from './bot/chatPlatform';
import { Clicks } from './bot/clicks';
import { ConnectorSyncBot } from './bot/connectorSyncBot';
import { InFlight } from './bot/inFlight';
import { PendingSignIns } from './bot/pendingSignIns';
import { SsoSignIn } from './bot/signIn';
import { SignInFlow } from './bot/signInFlow';
import { FixedTokens, SsoTokens, type UserTokens } from './bot/userTokens';
import { TeamsAlertDelivery } from './bot/teamsAlertDelivery';
import { TeamsWatchDelivery } from './bot/teamsWatchDelivery';
import { AlertPoller } from './sync/alertPoller';
import { AlertService } from './sync/alertService';
import { AlertStore } from './sync/alertStore';
import { Watcher } from './sync/watcher';
import { confirmationCard } from './cards/confirmationCard';
import { ConnectorDirectory } from './commands/connectorDirectory';
import type { Config } from './config';
import type { ConnectorGraph } from './graph/types';
import { messagesFor } from './i18n';
import type { Logger } from './logger';
import type { StateStore } from './storage';
import { AuditLog, loggedAudit } from './sync/auditLog';
import { ConfirmationStore } from './sync/confirmationStore';
import { ConnectorClaims } from './sync/connectorClaims';
import { PendingConfirmations } from './sync/pendingConfirmations';
import { RecentRequests } from './sync/recentRequests';
import { SyncService, type SyncTiming } from './sync/syncService';
import { WatchStore } from './sync/watchStore';
import { DASHBOARD_ENTITY_ID } from './tab/createTab';

export interface BotParts {
  store: StateStore;
  graph: ConnectorGraph;
  logger: Logger;
  /** The chat platform (botbuilder's CloudAdapter in the app, the TestAdapter in turn tests). */
  platform: ChatPlatform;
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
  /** Checks the conversations with alerts on; startApp starts it. */
  alertPoller: AlertPoller;
  /** The connector lists cached per user (a 404 from the tab clears it as a card's does). */
  directory: ConnectorDirectory;
  /** The cooldown line's source. */
  recent: RecentRequests;
  /** Middleware the adapter runs for every turn, proactive ones included: it records the cards sent to chats. */
  sentCards: SentCards;
}

/** Where "Open dashboard" leads: the tab as a Teams deep link, or in local mode the page on this machine. */
function dashboardUrlOf(config: Config, parts: BotParts): () => string | null {
  const { dashboard } = config;
  if (dashboard.kind === 'teams') {
    const link = `https://teams.microsoft.com/l/entity/${encodeURIComponent(dashboard.deepLinkAppId)}/${DASHBOARD_ENTITY_ID}`;
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
  const instanceId = randomUUID(); // names this instance in leases (watches, alerts)
  const tokens: UserTokens =
    config.tokens.kind === 'sso'
      ? new SsoTokens(new SsoSignIn(config.tokens.connectionName, parts.platform))
      : new FixedTokens(config.tokens.token);
  const inFlight = new InFlight(logger);
  const audit = new AuditLog(
    store,
    (entry) => logger.info({ audit: loggedAudit(entry) }, 'sync audit'),
    (error, entry) =>
      logger.error(
        { err: error, audit: loggedAudit(entry) },
        'could not store the audit record (its ids are in this log)',
      ),
  );
  const sync = new SyncService({
    confirmations: new ConfirmationStore(store, () => now().getTime()),
    claims: new ConnectorClaims(store),
    audit,
    graph,
    timing: syncTimingOf(config),
    background: inFlight,
    now,
  });
  const watches = new WatchStore(store, config.watch.windowMs);
  const recent = new RecentRequests({ audit, watches, cooldownMs: config.watch.cooldownMs, now });
  const alertStore = new AlertStore(store);
  const alertPoller = new AlertPoller({
    alerts: alertStore,
    graph,
    delivery: new TeamsAlertDelivery({ platform: parts.platform, tokens, checks: config.alerts }),
    logger,
    settings: config.alerts,
    graphTimeoutMs: config.graphTimeoutMs,
    instanceId,
    now,
  });
  const commands = {
    directory: new ConnectorDirectory(graph, config.connectorCacheMs),
    sync,
    audit,
    pending: new PendingConfirmations(store, config.confirmationTtlMs),
    recent,
    cardOwners: new CardOwners(store),
    alerts: new AlertService({ alerts: alertStore, poller: alertPoller, background: inFlight, now }),
    alertChecks: config.alerts,
  };
  const signInFlow = new SignInFlow(tokens.signIn, parts.platform, new PendingSignIns(store), logger);
  const cardUpdates = new CardUpdates(parts.platform, inFlight, logger, config.botFrameworkTimeoutMs);
  const watcher = new Watcher({
    watches,
    graph,
    delivery: new TeamsWatchDelivery({
      platform: parts.platform,
      tokens,
      cardUpdates,
      inFlight,
      logger,
      confirmations: sync,
      cards: {
        render: (confirmation, record, card) => ({
          card: confirmationCard(confirmation, {
            m: messagesFor(card.locale),
            personal: card.personal,
            watch: { record, refreshFor: card.refreshFor },
          }),
          rank: confirmation.revision,
        }),
      },
    }),
    history: audit,
    background: inFlight,
    logger,
    intervalMs: config.watch.intervalMs,
    graphTimeoutMs: config.graphTimeoutMs,
    instanceId,
    now,
    storagePauseMs: syncTimingOf(config).settlePauseMs,
  });
  const clicks = new Clicks({
    click: { ...commands, graph, following: watcher },
    answerDeadlineMs: config.answerDeadlineMs,
    cardUpdates,
    inFlight,
    signInFlow,
    tokens,
    platform: parts.platform,
    logger,
  });
  const bot = new ConnectorSyncBot({
    commands,
    clicks,
    tokens,
    signInFlow,
    platform: parts.platform,
    logger,
    graphBudgetMs: REQUEST_GRAPH_BUDGET_MS,
    dashboardUrl: dashboardUrlOf(config, parts),
  });
  return {
    bot,
    inFlight,
    sync,
    audit,
    watcher,
    alertPoller,
    directory: commands.directory,
    recent,
    sentCards: new SentCards(commands.cardOwners, commands.pending, inFlight, logger),
  };
}
