/**
 * `npm run bench`: connector-sync-bot against a minimal echo bot on the same botbuilder + restify, both on loopback
 * with a fake Bot Connector, driven by autocannon in the same run, alternating, after a warm-up. Every figure is the
 * median of three rounds. Prints a table and writes bench/results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchConnector } from './fakeConnector';
import { load, median, type LoadResult } from './load';
import { message, rssMiB, startBot, stopBot, type BotProcess } from './processes';

const ROOT = path.resolve(__dirname, '..');
const BOT = path.join(ROOT, 'dist/index.js');
const ECHO = path.join(ROOT, 'bench/echoBot.mjs');
const ROUNDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

interface Row {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  echoRps: number;
  echoP99: number;
}

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

async function rounds(label: string, run: () => Promise<LoadResult>): Promise<LoadResult> {
  const results: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round += 1) results.push(await run());
  countFailures(label, results);
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  return {
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    errors,
  };
}

async function main(): Promise<void> {
  console.log('Building (npm run build)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const connector = await new BenchConnector().start();
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};

  // (4) Cold start, three times each, alternating.
  const coldBot: number[] = [];
  const coldEcho: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const echo = await startBot(ECHO, connector.serviceUrl);
    coldEcho.push(echo.coldStartMs);
    await stopBot(echo);
    const bot = await startBot(BOT, connector.serviceUrl);
    coldBot.push(bot.coldStartMs);
    await stopBot(bot);
  }

  const echo = await startBot(ECHO, connector.serviceUrl);
  const bot = await startBot(BOT, connector.serviceUrl);
  const send = (target: BotProcess, text: string) => (n: number) => ({
    ...message(text, nextId(), connector.serviceUrl),
    n,
  });
  try {
    // Warm-up both.
    await load({ url: echo.endpoint, body: send(echo, 'hello'), durationSeconds: 2 });
    await load({ url: bot.endpoint, body: send(bot, 'sync connector cas01 full'), durationSeconds: 2 });

    // (1) Command turn vs echo turn, alternating round by round.
    const echoRuns: LoadResult[] = [];
    const commandRuns: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      echoRuns.push(await load({ url: echo.endpoint, body: send(echo, 'hello'), durationSeconds: SECONDS }));
      commandRuns.push(
        await load({ url: bot.endpoint, body: send(bot, 'sync connector cas01 full'), durationSeconds: SECONDS }),
      );
    }
    countFailures('echo', echoRuns);
    countFailures('command', commandRuns);
    const echoTurn = {
      rps: median(echoRuns.map((r) => r.rps)),
      p50: median(echoRuns.map((r) => r.p50)),
      p99: median(echoRuns.map((r) => r.p99)),
    };
    const command = {
      rps: median(commandRuns.map((r) => r.rps)),
      p50: median(commandRuns.map((r) => r.p50)),
      p99: median(commandRuns.map((r) => r.p99)),
    };
    rows.push({
      scenario: 'command turn (sync connector cas01 full -> confirmation card)',
      ...command,
      echoRps: echoTurn.rps,
      echoP99: echoTurn.p99,
    });

    // (2) Confirm clicks: each on its own fresh confirmation, through Graph (simulator) to the updated card.
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
    rows.push({
      scenario: 'confirm click -> Graph sync -> updated card',
      ...confirm,
      echoRps: echoTurn.rps,
      echoP99: echoTurn.p99,
    });

    // (3) list connectors with 500 connectors in the simulator.
    await fetch(`${bot.graphUrl?.replace(/\/v1\.0$/, '')}/_simulator/connectors`, {
      method: 'PUT',
      body: JSON.stringify(fiveHundredConnectors()),
    });
    const list = await rounds('list', () =>
      load({ url: bot.endpoint, body: send(bot, 'list connectors'), durationSeconds: SECONDS }),
    );
    rows.push({ scenario: 'list connectors (500 connectors)', ...list, echoRps: echoTurn.rps, echoP99: echoTurn.p99 });
  } finally {
    await stopBot(echo);
    await stopBot(bot);
  }

  // (5) Memory: a fresh bot, 10,000 command turns, then 10,000 more.
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
    extra.memory = {
      rssAfter10kMiB: round1(after10k),
      rssAfter20kMiB: round1(after20k),
      growthPercent: round1(((after20k - after10k) / after10k) * 100),
    };
  } finally {
    await stopBot(fresh);
    await connector.stop();
  }

  const cold = { botMs: round1(median(coldBot)), echoMs: round1(median(coldEcho)) };
  report(rows, cold, extra.memory as { rssAfter10kMiB: number; rssAfter20kMiB: number; growthPercent: number });
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function report(
  rows: Row[],
  cold: { botMs: number; echoMs: number },
  memory: { rssAfter10kMiB: number; rssAfter20kMiB: number; growthPercent: number },
): void {
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(
    `\nconnector-sync-bot vs echo bot — median of ${ROUNDS} rounds of ${SECONDS} s, 10 connections — ${machine}\n`,
  );
  console.log('| scenario | req/s | p50 ms | p99 ms | req/s vs echo | p99 vs echo |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.scenario} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${(row.rps / row.echoRps).toFixed(2)}x | ${(row.p99 / row.echoP99).toFixed(2)}x |`,
    );
  }
  console.log(
    `| echo turn (baseline) | ${Math.round(rows[0]?.echoRps ?? 0)} | | ${rows[0]?.echoP99} | 1.00x | 1.00x |`,
  );
  console.log(
    `\ncold start to first answer: bot ${cold.botMs} ms, echo ${cold.echoMs} ms (${(cold.botMs / cold.echoMs).toFixed(2)}x)`,
  );
  console.log(
    `RSS: ${memory.rssAfter10kMiB} MiB after 10,000 turns, ${memory.rssAfter20kMiB} MiB after 20,000 (${memory.growthPercent}% growth)`,
  );

  const [command, confirm] = rows;
  const targets = [
    ['command turn throughput >= 0.9x echo', (command?.rps ?? 0) / (command?.echoRps ?? 1) >= 0.9],
    ['command turn p99 <= 1.5x echo', (command?.p99 ?? 0) <= 1.5 * (command?.echoP99 ?? 0)],
    ['confirm path p99 < 50 ms', (confirm?.p99 ?? Infinity) < 50],
    ['RSS growth < 5% over the second 10,000 turns', memory.growthPercent < 5],
    ['cold start <= 1.5x echo', cold.botMs <= 1.5 * cold.echoMs],
  ] as const;
  console.log('\nTargets:');
  for (const [name, met] of targets) console.log(`  ${met ? 'met    ' : 'MISSED '} ${name}`);

  const out = path.join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'latest.json');
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, rounds: ROUNDS, seconds: SECONDS, rows, cold, memory, targets: Object.fromEntries(targets), failures: Object.fromEntries(failures) }, null, 2)}\n`,
  );
  console.log(`\nwritten to ${path.relative(ROOT, file)}`);
  if (failures.size > 0) {
    const list = [...failures].map(([label, count]) => `${label} ${count}`).join(', ');
    console.error(`\nINVALID RUN: failed or non-2xx requests (${list}); the figures above measure refusals.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
