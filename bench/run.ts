/**
 * `npm run bench`: connector-sync-bot against a minimal echo bot on the same botbuilder + restify, both on loopback
 * with a fake Bot Connector, driven by autocannon in the same run, alternating, after a warm-up; then two instances
 * on Azurite taking confirm clicks while one restarts (blobClicks.ts). Prints a table and writes
 * bench/results/latest.json. `BENCH_ONLY=ratio` runs the command-turn pairs alone, `BENCH_ONLY=blob` the blob run.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { blobClicks, type BlobClicks } from './blobClicks';
import { BenchConnector } from './fakeConnector';
import { load, median, type LoadResult } from './load';
import { message, rssMiB, startBot, stopBot, type BotProcess } from './processes';
import { report, type Cold, type Memory, type Row } from './report';

const ROOT = path.resolve(__dirname, '..');
const BOT = path.join(ROOT, 'dist/index.js');
const ECHO = path.join(ROOT, 'bench/echoBot.mjs');
/** Rounds of the other scenarios; the command turn is measured in PAIRS alternating pairs instead. */
const ROUNDS = 3;
const PAIRS = 5;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ONLY = process.env.BENCH_ONLY ?? '';

/** Failed or non-2xx requests by scenario: any at all and the figures measure refusals, so the run fails. */
const failures = new Map<string, number>();
function countFailures(label: string, results: readonly LoadResult[]): void {
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  if (errors > 0) failures.set(label, (failures.get(label) ?? 0) + errors);
}

let counter = 0;
const nextId = (): string => `bench-${process.pid}-${counter++}`;

function fiveHundredConnectors(): unknown[] {
  return Array.from({ length: 500 }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    exchangeAlias: `EX${String(index).padStart(3, '0')}`,
    serverName: `ex${index}.contoso.local`,
    connectorServerName: `ICX-${index}`,
    exchangeConnectorType: index % 3 ? 'onPremises' : 'hosted',
    status: index % 4 ? 'connected' : 'disconnected',
    lastSyncDateTime: new Date(Date.now() - index * 60_000).toISOString(),
    version: '15.2.1118.7',
  }));
}

function medianOf(results: readonly LoadResult[]): Pick<LoadResult, 'rps' | 'p50' | 'p99'> {
  return {
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
  };
}

async function rounds(label: string, run: () => Promise<LoadResult>): Promise<Pick<LoadResult, 'rps' | 'p50' | 'p99'>> {
  const results: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round += 1) results.push(await run());
  countFailures(label, results);
  return medianOf(results);
}

async function coldStarts(connector: BenchConnector): Promise<Cold> {
  const bot: number[] = [];
  const echo: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const echoProcess = await startBot(ECHO, connector.serviceUrl);
    echo.push(echoProcess.coldStartMs);
    await stopBot(echoProcess);
    const botProcess = await startBot(BOT, connector.serviceUrl);
    bot.push(botProcess.coldStartMs);
    await stopBot(botProcess);
  }
  return { botMs: round1(median(bot)), echoMs: round1(median(echo)) };
}

interface Pair {
  echo: LoadResult;
  command: LoadResult;
}

/**
 * The command turn against the echo turn in PAIRS alternating pairs: each pair's ratio is measured within seconds on
 * this shared machine, and the row reports the median pair's ratios (single pairs scatter from 0.65x to 0.94x).
 */
async function commandPairs(connector: BenchConnector, echo: BotProcess, bot: BotProcess): Promise<[Row, Pair[]]> {
  const send = (text: string) => () => message(text, nextId(), connector.serviceUrl);
  await load({ url: echo.endpoint, body: send('hello'), durationSeconds: 2 });
  await load({ url: bot.endpoint, body: send('sync connector cas01 full'), durationSeconds: 2 });
  const pairs: Pair[] = [];
  for (let pair = 0; pair < PAIRS; pair += 1) {
    const echoRun = await load({ url: echo.endpoint, body: send('hello'), durationSeconds: SECONDS });
    const command = await load({
      url: bot.endpoint,
      body: send('sync connector cas01 full'),
      durationSeconds: SECONDS,
    });
    pairs.push({ echo: echoRun, command });
  }
  countFailures(
    'echo',
    pairs.map((pair) => pair.echo),
  );
  countFailures(
    'command',
    pairs.map((pair) => pair.command),
  );
  const echoTurn = medianOf(pairs.map((pair) => pair.echo));
  const row: Row = {
    scenario: 'command turn (sync connector cas01 full -> confirmation card)',
    ...medianOf(pairs.map((pair) => pair.command)),
    echoRps: echoTurn.rps,
    echoP99: echoTurn.p99,
    rpsRatio: median(pairs.map((pair) => pair.command.rps / pair.echo.rps)),
    p99Ratio: median(pairs.map((pair) => pair.command.p99 / pair.echo.p99)),
  };
  return [row, pairs];
}

async function confirmAndList(connector: BenchConnector, bot: BotProcess, echo: Row): Promise<Row[]> {
  // Confirm clicks: each on its own fresh confirmation, through Graph (simulator) to the updated card.
  const ids = [...connector.confirmationIds];
  let next = 0;
  const perRound = Math.min(2_000, Math.floor(ids.length / ROUNDS));
  const confirm = await rounds('confirm', () =>
    load({
      url: bot.endpoint,
      amount: perRound,
      body: () => {
        const confirmationId = ids[next++] ?? '';
        return {
          ...message('', nextId(), connector.serviceUrl),
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: connector.messageIdOf.get(confirmationId),
          value: {
            action: { type: 'Action.Execute', verb: 'sync.confirm', data: { verb: 'sync.confirm', confirmationId } },
          },
        };
      },
    }),
  );
  await fetch(`${bot.graphUrl?.replace(/\/v1\.0$/, '')}/_simulator/connectors`, {
    method: 'PUT',
    body: JSON.stringify(fiveHundredConnectors()),
  });
  const list = await rounds('list', () =>
    load({
      url: bot.endpoint,
      body: () => message('list connectors', nextId(), connector.serviceUrl),
      durationSeconds: SECONDS,
    }),
  );
  const against = (result: Pick<LoadResult, 'rps' | 'p99'>) => ({
    echoRps: echo.echoRps,
    echoP99: echo.echoP99,
    rpsRatio: result.rps / echo.echoRps,
    p99Ratio: result.p99 / echo.echoP99,
  });
  return [
    { scenario: 'confirm click -> Graph sync -> updated card', ...confirm, ...against(confirm) },
    { scenario: 'list connectors (500 connectors)', ...list, ...against(list) },
  ];
}

/** A fresh bot, 10,000 command turns, then 10,000 more. */
async function memory(connector: BenchConnector): Promise<Memory> {
  const fresh = await startBot(BOT, connector.serviceUrl);
  try {
    const turns = (amount: number) =>
      load({
        url: fresh.endpoint,
        amount,
        body: () => message('sync connector cas01 full', nextId(), connector.serviceUrl),
      });
    countFailures('memory', [await turns(10_000)]);
    const after10k = rssMiB(fresh.child.pid ?? 0);
    countFailures('memory', [await turns(10_000)]);
    const after20k = rssMiB(fresh.child.pid ?? 0);
    return {
      rssAfter10kMiB: round1(after10k),
      rssAfter20kMiB: round1(after20k),
      growthPercent: round1(((after20k - after10k) / after10k) * 100),
    };
  } finally {
    await stopBot(fresh);
  }
}

async function main(): Promise<void> {
  console.log('Building (npm run build)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const connector = await new BenchConnector().start();
  const rows: Row[] = [];
  let pairs: Pair[] = [];
  let cold: Cold | null = null;
  let rss: Memory | null = null;
  let blob: BlobClicks | null = null;
  try {
    if (ONLY === '' || ONLY === 'ratio') {
      if (ONLY === '') cold = await coldStarts(connector);
      const echo = await startBot(ECHO, connector.serviceUrl);
      const bot = await startBot(BOT, connector.serviceUrl);
      try {
        const [commandRow, measured] = await commandPairs(connector, echo, bot);
        rows.push(commandRow);
        pairs = measured;
        if (ONLY === '') rows.push(...(await confirmAndList(connector, bot, commandRow)));
      } finally {
        await stopBot(echo);
        await stopBot(bot);
      }
      if (ONLY === '') rss = await memory(connector);
    }
    if (ONLY === '' || ONLY === 'blob') {
      blob = await blobClicks(BOT);
      if (blob.problems.length > 0) failures.set('blob', blob.problems.length);
    }
  } finally {
    await connector.stop();
  }
  report({
    root: ROOT,
    rows,
    pairs: pairs.map((pair) => ({
      echoRps: Math.round(pair.echo.rps),
      commandRps: Math.round(pair.command.rps),
      rpsRatio: round2(pair.command.rps / pair.echo.rps),
      p99Ratio: round2(pair.command.p99 / pair.echo.p99),
    })),
    cold,
    memory: rss,
    blob,
    failures,
    rounds: ROUNDS,
    seconds: SECONDS,
  });
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
