import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Azurite's well-known development account (the same in every Azurite install). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const bin = path.join(path.dirname(createRequire(__filename).resolve('azurite/package.json')), 'dist/src/blob/main.js');

/** Azurite's blob service (the npm package) on a free loopback port, in memory, stopped by its process id. */
export class Azurite {
  private child: ChildProcess | null = null;
  port = 0;

  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${this.port}/${ACCOUNT};`;
  }

  /** With `dataDir`, blobs survive a stop and a start on the same port; otherwise they live in memory. */
  constructor(private readonly dataDir?: string) {}

  /** Starts it; with `port`, on that port again (to bring it back after a stop). */
  async start(port = 0): Promise<this> {
    const persistence = this.dataDir ? ['--location', this.dataDir] : ['--inMemoryPersistence'];
    const child = spawn(
      process.execPath,
      [
        bin,
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        ...persistence,
        '--skipApiVersionCheck',
        '--loose',
        '--disableTelemetry',
        '--silent',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
    );
    this.child = child;
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Azurite did not start within 20 s')), 20_000);
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.on('exit', (code) => reject(new Error(`Azurite exited with ${code}: ${output}`)));
    });
    return this;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child?.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // SIGTERM lets Azurite flush its metadata to disk (persistent mode); SIGKILL if it does not exit in time.
    process.kill(child.pid, 'SIGTERM');
    const force = setTimeout(
      () => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'),
      5_000,
    );
    await exited;
    clearTimeout(force);
  }
}
