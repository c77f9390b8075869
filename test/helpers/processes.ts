import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface Started {
  child: ChildProcess;
  /** stdout and stderr, interleaved. */
  output: () => string;
  /** stderr alone. */
  errors: () => string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/**
 * Starts `npm start`'s command line directly (no npm in between, so the pid is the bot's own). In memory unless the
 * test says otherwise: persistence is the point of the restart test only.
 */
export function startBotProcess(env: Record<string, string>): Started {
  return startProcess(['--no-deprecation', '--import', 'tsx', 'src/index.ts'], { BOT_STORAGE: 'memory', ...env });
}

/** Starts Node (the one running the tests) with these arguments, a clean environment plus `env`, in `cwd`. */
export function startProcess(args: string[], env: Record<string, string>, cwd = ROOT): Started {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    errors += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, errors: () => errors, exited };
}

export async function waitForOutput(started: Started, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = pattern.exec(started.output());
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${String(pattern)}; output so far:\n${started.output()}`);
}

/** Kills, by pid, every process a test started and has not seen exit. Call from afterEach/afterAll. */
export function killAll(): void {
  for (const child of running) {
    if (child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  running.clear();
}
