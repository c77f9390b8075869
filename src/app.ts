import { createAdapter, createStorage, type BotStorage } from './bot/adapter';
import type { Proactive } from './bot/clickDeadline';
import { ConnectorSyncBot } from './bot/connectorSyncBot';
import { PendingSignIns } from './bot/pendingSignIns';
import { SsoSignIn } from './bot/signIn';
import { InFlight } from './bot/inFlight';
import { SignInFlow } from './bot/signInFlow';
import { FixedTokens, SsoTokens, type UserTokens } from './bot/userTokens';
import { ConnectorDirectory } from './commands/connectorDirectory';
import type { Config } from './config';
import { GraphConnectorClient } from './graph/connectorClient';
import type { RetryPolicy } from './graph/retry';
import type { ConnectorGraph } from './graph/types';
import type { Logger } from './logger';
import { createServer, listen, type RunningServer } from './server';
import { GraphSimulator } from './simulator/graphSimulator';
import { ConfirmationStore } from './sync/confirmationStore';
import { AuditLog } from './sync/auditLog';
import { SyncService } from './sync/syncService';

export interface AppOverrides {
  storage?: BotStorage;
  graph?: ConnectorGraph;
  /** Tests shorten the click deadline. */
  answerDeadlineMs?: number;
  /** Tests shorten Graph's retry waits. */
  retryPolicy?: RetryPolicy;
  now?: () => Date;
}

export interface RunningApp {
  server: RunningServer;
  /** The Graph root the bot calls. */
  graphBaseUrl: string;
  /** Set when local mode started its own simulator. */
  simulator: GraphSimulator | null;
  stop(graceMs?: number): Promise<void>;
}

export interface BotParts {
  storage: BotStorage;
  graph: ConnectorGraph;
  logger: Logger;
  proactive: Proactive;
  now?: () => Date;
  answerDeadlineMs?: number;
}

/** Wires the bot itself (no server, no adapter): shared by startApp and the TestAdapter turn tests. */
export function createBot(config: Config, parts: BotParts): { bot: ConnectorSyncBot; inFlight: InFlight } {
  const { storage, graph, logger } = parts;
  const tokens: UserTokens =
    config.tokens.kind === 'sso' ? new SsoTokens(new SsoSignIn(config.tokens.connectionName)) : new FixedTokens(config.tokens.token);
  const audit = new AuditLog(
    storage,
    (entry) => logger.info({ audit: entry }, 'sync audit'),
    (error, entry) => logger.error({ err: error, audit: entry }, 'could not store the audit record (it is in this log)'),
  );
  const sync = new SyncService({
    confirmations: new ConfirmationStore(storage),
    audit,
    onRecordFailure: (error, confirmation) =>
      logger.error({ err: error, confirmationId: confirmation.id, state: confirmation.state }, 'Graph answered but the outcome could not be stored'),
    graph,
    ttlMs: config.confirmationTtlMs,
    ...(parts.now ? { now: parts.now } : {}),
  });
  const inFlight = new InFlight(logger);
  const bot = new ConnectorSyncBot({
    graph,
    sync,
    audit,
    directory: new ConnectorDirectory(graph, config.connectorCacheMs),
    tokens,
    signInFlow: new SignInFlow(tokens.signIn, new PendingSignIns(storage), logger),
    logger,
    answerDeadlineMs: parts.answerDeadlineMs ?? config.answerDeadlineMs,
    inFlight,
    proactive: parts.proactive,
  });
  return { bot, inFlight };
}

/** Wires the bot from a validated config and starts it. Used by `npm start` and by the integration tests. */
export async function startApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  let simulator: GraphSimulator | null = null;
  let graphBaseUrl: string;
  if (config.graph.kind === 'embeddedSimulator') {
    simulator = new GraphSimulator();
    graphBaseUrl = await simulator.start(0, '127.0.0.1');
  } else {
    graphBaseUrl = config.graph.baseUrl;
  }

  const storage = overrides.storage ?? createStorage(config.storage);
  const graph =
    overrides.graph ??
    new GraphConnectorClient(graphBaseUrl, overrides.retryPolicy, {
      onRetry: ({ attempt, delayMs, error }) =>
        logger.warn({ attempt, delayMs, status: error.status, requestId: error.requestId }, 'Graph asked to wait; retrying'),
    });
  const adapter = createAdapter({ identity: config.bot, tokens: config.tokens, allowedTenantIds: config.allowedTenantIds, storage, logger });
  const { bot, inFlight } = createBot(config, {
    storage,
    graph,
    logger,
    proactive: (reference, logic) => adapter.continueConversationAsync(config.bot.MicrosoftAppId, reference, logic),
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.answerDeadlineMs ? { answerDeadlineMs: overrides.answerDeadlineMs } : {}),
  });

  const server = await listen(createServer({ adapter, onTurn: (context) => bot.onTurn(context), logger }), config.port, config.host);
  return {
    server,
    graphBaseUrl,
    simulator,
    /** Stops accepting, lets turns in flight finish, waits for late Graph calls (their cards get updated). */
    async stop(graceMs = 8_000) {
      const started = Date.now();
      await server.close(Math.min(graceMs, 5_000));
      await inFlight.drain(Math.max(0, graceMs - (Date.now() - started)));
      await simulator?.stop();
    },
  };
}
