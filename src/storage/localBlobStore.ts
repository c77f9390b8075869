import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface LocalBlobStore {
  /** Azurite's development account on the loopback port it got. */
  connectionString: string;
  /** Writes what is pending to disk and stops; after the bot's own work is done. */
  stop(): Promise<void>;
}

/** Azurite's well-known development account: the same in every Azurite install, documented, not a secret. */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** The child ends when its parent does, however the parent ended (a killed bot leaves no Azurite behind). */
const EXIT_WITH_PARENT = 'data:text/javascript,process.on("disconnect",()=>process.exit(0))';
const STARTED = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Local mode's state across restarts: Azurite's blob service (Microsoft's storage emulator) on a loopback port,
 * keeping its data in `dataDir`. The bot reaches it exactly as it reaches Azure Blob Storage (the same BlobBackend,
 * conditional writes and all), so local mode runs the production storage path. It runs in a child process: restify
 * patches Node's request prototype for the whole process, which Azurite's own HTTP stack does not survive. Azurite
 * is a devDependency: this module is loaded in local mode only, never in the deployed bundle.
 */
export async function startLocalBlobStore(dataDir: string, timeoutMs = 20_000): Promise<LocalBlobStore> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const main = path.join(
    path.dirname(createRequire(__filename).resolve('azurite/package.json')),
    'dist/src/blob/main.js',
  );
  const child = spawn(
    process.execPath,
    [
      '--import',
      EXIT_WITH_PARENT,
      main,
      ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', dir],
      ...['--skipApiVersionCheck', '--loose', '--disableTelemetry', '--silent'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: {} },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the embedded store did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = STARTED.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the embedded store (Azurite) stopped while starting: ${output.slice(-500)}`));
    });
  });
  const closed = new Promise<void>((resolve) =>
    child.stdout?.on('data', () => {
      if (output.includes('successfully closed')) resolve();
    }),
  );
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.kill('SIGTERM'); // Azurite closes its database, which writes it to disk
      await Promise.race([closed, exited]);
      if (child.connected) child.disconnect(); // and then it exits (see EXIT_WITH_PARENT)
      await exited;
      clearTimeout(force);
    },
  };
}
