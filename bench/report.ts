import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlobClicks } from './blobClicks';

export interface Row {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  echoRps: number;
  echoP99: number;
  rpsRatio: number;
  p99Ratio: number;
}

export interface Cold {
  botMs: number;
  echoMs: number;
}

export interface Memory {
  rssAfter10kMiB: number;
  rssAfter20kMiB: number;
  growthPercent: number;
}

export interface Report {
  root: string;
  rows: Row[];
  pairs: Array<{ echoRps: number; commandRps: number; rpsRatio: number; p99Ratio: number }>;
  cold: Cold | null;
  memory: Memory | null;
  blob: BlobClicks | null;
  failures: Map<string, number>;
  rounds: number;
  seconds: number;
}

/** Prints the tables and the targets, writes bench/results/latest.json; a run with failures exits 1. */
export function report(run: Report): void {
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const { rows, cold, memory, blob } = run;
  console.log(`\nconnector-sync-bot vs echo bot — ${run.seconds} s runs, 10 connections — ${machine}\n`);
  if (rows.length > 0) {
    console.log('| scenario | req/s | p50 ms | p99 ms | req/s vs echo | p99 vs echo |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const row of rows)
      console.log(
        `| ${row.scenario} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${row.rpsRatio.toFixed(2)}x | ${row.p99Ratio.toFixed(2)}x |`,
      );
    console.log(
      `| echo turn (baseline) | ${Math.round(rows[0]?.echoRps ?? 0)} | | ${rows[0]?.echoP99} | 1.00x | 1.00x |`,
    );
    console.log(
      `\ncommand turn in ${run.pairs.length} alternating pairs (echo req/s, command req/s, ratio, p99 ratio): ${run.pairs
        .map((pair) => `${pair.echoRps}/${pair.commandRps} ${pair.rpsRatio}x ${pair.p99Ratio}x`)
        .join('; ')} (median pair's ratios in the table; other rows: median of ${run.rounds} rounds)`,
    );
  }
  if (cold)
    console.log(
      `cold start to first answer: bot ${cold.botMs} ms, echo ${cold.echoMs} ms (${(cold.botMs / cold.echoMs).toFixed(2)}x)`,
    );
  if (memory)
    console.log(
      `RSS: ${memory.rssAfter10kMiB} MiB after 10,000 turns, ${memory.rssAfter20kMiB} MiB after 20,000 (${memory.growthPercent}% growth)`,
    );
  if (blob) {
    console.log(
      `\nblob clicks: two instances on Azurite, ${blob.connectors} connectors, ${blob.clicks} clicks at ${blob.perSecond}/s over ${blob.seconds} s, one instance restarted at ${blob.restartAtMs} ms (back after ${blob.restartGapMs} ms)`,
    );
    console.log(
      `  answered ${blob.answered}/${blob.clicks}, click p50 ${blob.p50} ms, p99 ${blob.p99} ms, max ${blob.max} ms; syncs sent ${blob.syncs} (${blob.syncedTwice} connectors twice); watches completed ${blob.watchesCompleted}/${blob.followed} (cards ${blob.cardsCompleted}) within ${blob.drainMs} ms`,
    );
    console.log(
      `  the ${blob.connectors} command turns before (8 at a time): p50 ${blob.commandP50} ms, p99 ${blob.commandP99} ms`,
    );
    for (const problem of blob.problems.slice(0, 10)) console.log(`  PROBLEM ${problem}`);
  }

  const [command, confirm] = rows;
  const targets: Array<readonly [string, boolean]> = [];
  if (command)
    targets.push(
      ['command turn throughput >= 0.9x echo (median pair)', command.rpsRatio >= 0.9],
      ['command turn p99 <= 1.5x echo (median pair)', command.p99Ratio <= 1.5],
    );
  if (confirm) targets.push(['confirm path p99 < 50 ms', confirm.p99 < 50]);
  if (memory) targets.push(['RSS growth < 5% over the second 10,000 turns', memory.growthPercent < 5]);
  if (cold) targets.push(['cold start <= 1.5x echo', cold.botMs <= 1.5 * cold.echoMs]);
  if (blob)
    targets.push(
      ['blob: every click answered, one sync per confirmation, every watch completed', blob.problems.length === 0],
      ['blob: click p99 < 100 ms', blob.p99 < 100],
    );
  console.log('\nTargets:');
  for (const [name, met] of targets) console.log(`  ${met ? 'met    ' : 'MISSED '} ${name}`);

  const out = path.join(run.root, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, 'latest.json');
  const { failures, root: _root, ...figures } = run;
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine, ...figures, targets: Object.fromEntries(targets), failures: Object.fromEntries(failures) }, null, 2)}\n`,
  );
  console.log(`\nwritten to ${path.relative(run.root, file)}`);
  if (failures.size > 0) {
    const list = [...failures].map(([label, count]) => `${label} ${count}`).join(', ');
    console.error(
      `\nINVALID RUN: failed or non-2xx requests, or clicks refused or broken promises in the blob run (${list}); the figures above do not measure what they say.`,
    );
    process.exitCode = 1;
  }
}
