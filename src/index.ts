/* eslint-disable no-console -- the banner and fatal configuration errors are for the person at the terminal */
import { ConfigError, loadConfig, readEnvironment, type Config } from './config';

/** What BOT_STORAGE=memory costs, said where the person who chose it reads it: the banner and the log. */
const MEMORY_WARNING =
  'BOT_STORAGE=memory: a restart loses pending confirmations, followed syncs and the sync history (the audit)';

function stateLine(config: Config): string {
  switch (config.storage.kind) {
    case 'local':
      return `${config.storage.dataDir}/ (embedded blob store: confirmations, followed syncs and history survive a restart)`;
    case 'memory':
      return 'memory: a restart loses pending confirmations, followed syncs and the sync history';
    case 'blob':
      return 'Azure Blob Storage';
  }
}

function banner(config: Config, url: string, graphBaseUrl: string): string {
  const endpoint = `${url}/api/messages`;
  if (config.bot.kind === 'teams') {
    const connection = config.tokens.kind === 'sso' ? config.tokens.connectionName : '';
    const dashboard =
      config.dashboard.kind === 'teams'
        ? `${url}/tab`
        : `not configured (${config.dashboard.kind === 'notConfigured' ? config.dashboard.reason : ''})`;
    const state = config.storage.kind === 'memory' ? `\n  WARNING: ${MEMORY_WARNING}` : '\n  State: Azure Blob Storage';
    return `connector-sync-bot (Teams mode) listening on ${endpoint}\n  Graph: ${graphBaseUrl}, user tokens through Teams SSO (OAuth connection "${connection}")\n  Dashboard tab: ${dashboard}${state}`;
  }
  const tokens =
    config.tokens.kind === 'sso'
      ? `Teams SSO through OAuth connection "${config.tokens.connectionName}"${config.bot.oauthUrl ? ` at ${config.bot.oauthUrl}` : ''}`
      : 'LOCAL_GRAPH_TOKEN (development token, same for every user)';
  const graph =
    config.graph.kind === 'embeddedSimulator'
      ? `${graphBaseUrl} (embedded simulator, 4 sample connectors)`
      : graphBaseUrl;
  return [
    '',
    '  connector-sync-bot — LOCAL MODE',
    `  Bot endpoint   ${endpoint}`,
    '  Auth           disabled (no MicrosoftAppId): for this machine only',
    `  Graph          ${graph}`,
    `  Graph token    ${tokens}`,
    `  State          ${stateLine(config)}`,
    '  Chat with it   npm run playground   (Microsoft 365 Agents Playground in your browser)',
    ...(config.dashboard.kind === 'local'
      ? [`  Dashboard      ${url}/tab   (the Connectors tab, in your browser)`]
      : []),
    '  Try            sync connector CAS01 full · list connectors · alerts on · help',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `connector-sync-bot did not start.\n${error.message}\nSee .env.example and the README's configuration table.`,
      );
      process.exit(1);
    }
    throw error;
  }
  // Telemetry instruments modules as they are first required: it starts before the bot's own modules are loaded.
  const stopTelemetry = config.telemetry
    ? (await import('./telemetry')).startTelemetry(
        config.telemetry.connectionString,
        config.telemetry.managedIdentityClientId,
      )
    : () => Promise.resolve();
  const { createLogger } = await import('./logger');
  const { startApp } = await import('./app');
  const logger = createLogger(config.logLevel);
  if (config.storage.kind === 'memory') logger.warn({ storage: 'memory' }, MEMORY_WARNING);
  const app = await startApp(config, logger);
  console.log(banner(config, app.server.url, app.graphBaseUrl));
  void app.warmUp();

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    app
      .stop()
      // Flushes what is still queued; telemetry that cannot be delivered does not fail the shutdown.
      .then(() => stopTelemetry().catch((error: unknown) => logger.warn({ err: error }, 'telemetry not flushed')))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('connector-sync-bot failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
