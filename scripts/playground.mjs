#!/usr/bin/env node
// `npm run playground`: Microsoft 365 Agents Playground (Microsoft's local Teams client) against the local bot.
// Starts the bot too when nothing answers on its port, and stops what it started on exit.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const botPort = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
let botUrl = `http://127.0.0.1:${botPort}`;
const children = [];

async function botIsUp() {
  try {
    return (await fetch(`${botUrl}/healthz`)).ok;
  } catch {
    return false;
  }
}

async function waitForBot(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!botUrl.endsWith(':0') && (await botIsUp())) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});

if (botPort === '0' || !(await botIsUp())) {
  console.log(`No bot on ${botUrl}; starting it (npm start)…`);
  const bot = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/index.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: botPort },
  });
  children.push(bot);
  // The bot prints where it listens (PORT=0 picks a free port).
  bot.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const match = /Bot endpoint\s+(http:\/\/\S+)\/api\/messages/.exec(String(chunk));
    if (match) botUrl = match[1];
  });
  if (!(await waitForBot(30_000))) {
    console.error('The bot did not come up within 30 s; see its output above.');
    stopAll();
    process.exit(1);
  }
}

const cli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
const playground = spawn(
  process.execPath,
  [cli, '-e', `${botUrl}/api/messages`, '-p', playgroundPort, '-c', 'msteams', '--disable-telemetry'],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(root, '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(root, 'devTools', 'm365agentsplayground.log'),
    },
  },
);
children.push(playground);
playground.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const match = /Listening on (\d+)/.exec(String(chunk));
  if (match) {
    console.log(
      `\n  Agents Playground: http://localhost:${match[1]}  (chat as Ada Admin; try "sync connector CAS01 full")\n`,
    );
  }
});
playground.on('exit', (code) => {
  stopAll();
  process.exit(code ?? 0);
});
