import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes';

let pid: number | undefined;
afterEach(() => {
  // The script stops the bot and the Playground it started when it gets SIGTERM; SIGKILL only if it hangs.
  if (pid !== undefined) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('npm run playground', () => {
  it('starts the bot and the Playground with the committed config, prints where to open it, and stops both', async () => {
    const child = spawn(process.execPath, ['scripts/playground.mjs'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: '0',
        PLAYGROUND_PORT: '0',
        TEAMSAPPTESTER_BROWSER: 'none',
        LOG_LEVEL: 'warn',
      },
    });
    pid = child.pid;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 40_000;
    while (!/Agents Playground: (http:\/\/localhost:\d+)/.test(output) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const url = /Agents Playground: (http:\/\/localhost:\d+)/.exec(output)?.[1];
    expect(url, output).toBeDefined();
    expect(output).toContain('LOCAL MODE');

    const config = (await (await fetch(`${url}/_internal/v1/config`)).json()) as {
      config: { currentUser: { name: string }; bot: { name: string } };
    };
    expect(config.config.currentUser.name).toBe('Ada Admin');
    expect(config.config.bot.name).toBe('Connector Sync');

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/_internal/v1/config`)).rejects.toThrow();
  }, 60_000);
});
