import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface BotProcess {
  child: ChildProcess;
  endpoint: string;
  /** The embedded Graph simulator's root, for connector-sync-bot. */
  graphUrl: string | null;
  /** Milliseconds from spawn to the first answered request. */
  coldStartMs: number;
}

/** Starts a bot process on a free loopback port and measures spawn -> first answered message. */
export async function startBot(
  script: string,
  connectorUrl: string,
  env: Record<string, string> = {},
): Promise<BotProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--no-deprecation', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Every request comes from 127.0.0.1: the per-address limit before authentication (RATE_LIMIT_PER_MINUTE) would
    // answer nearly all of them with 429, and the figures would measure refusals instead of turns.
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LOG_LEVEL: 'error',
      BOT_STORAGE: 'memory',
      RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = await poll(() => /Bot endpoint\s+(\S+)/.exec(output)?.[1] ?? null, 20_000);
  for (;;) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message('help', `cold-${Date.now()}`, connectorUrl)),
    }).catch(() => null);
    if (response?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const coldStartMs = performance.now() - started;
  const graphUrl = /Graph\s+(http:\/\/\S+\/v1\.0)/.exec(output)?.[1] ?? null;
  return { child, endpoint, graphUrl, coldStartMs };
}

/** Kills a bot (SIGKILL), or with SIGTERM lets it drain its work and exit as App Service would ask it to. */
export async function stopBot(bot: BotProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.pid === undefined) return;
  const exited = new Promise((resolve) => bot.child.once('exit', resolve));
  process.kill(bot.child.pid, signal);
  await exited;
}

/** Resident set size of a process, in MiB (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export function message(text: string, id: string, serviceUrl: string): Record<string, unknown> {
  return {
    type: 'message',
    id,
    text,
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-US',
    from: { id: '29:bench-user', aadObjectId: '00000000-0000-0000-0000-0000000000be', name: 'Bench Admin' },
    recipient: { id: '28:bot', name: 'Connector Sync' },
    conversation: { id: 'a:bench-personal', conversationType: 'personal', tenantId: 'bench-tenant' },
    channelData: { tenant: { id: 'bench-tenant' } },
  };
}

async function poll<T>(get: () => T | null, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('bot did not start');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
