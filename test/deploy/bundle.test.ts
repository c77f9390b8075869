import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACT, STAGING } from '../../scripts/bundle';
import { postExpectReplies } from '../helpers/expectReplies';
import { ROOT, killAll, startProcess, waitForOutput } from '../helpers/processes';

afterEach(killAll);

beforeAll(() => {
  execFileSync('npm', ['run', 'bundle'], { cwd: ROOT, stdio: 'ignore' });
});

describe('npm run bundle: build/deploy.zip, what App Service runs', () => {
  it('holds dist, package.json, the lockfile and production dependencies only: no devDependency, no sources, no tests', () => {
    const listing = execFileSync('unzip', ['-Z1', ARTIFACT], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split(
      '\n',
    );
    expect(listing).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'package.json',
        'package-lock.json',
        'node_modules/botbuilder/package.json',
      ]),
    );
    expect(listing.filter((entry) => /^(src|test|scripts|bench|deploy|manifest)\/|^\.env/.test(entry))).toEqual([]);

    // The lockfile marks each package that only development needs (`dev: true`): Azurite, Playwright, vitest, axios 0.2x…
    const { packages } = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const devOnly = Object.entries(packages)
      .filter(([, entry]) => entry.dev)
      .map(([location]) => `${location}/package.json`);
    expect(devOnly).toEqual(
      expect.arrayContaining(['node_modules/azurite/package.json', 'node_modules/playwright-core/package.json']),
    );
    const shipped = new Set(listing);
    expect(devOnly.filter((entry) => shipped.has(entry))).toEqual([]);
    // and npm agrees that the production tree is complete: nothing missing, nothing extraneous
    expect(() => execFileSync('npm', ['ls', '--omit=dev', '--all'], { cwd: STAGING, stdio: 'ignore' })).not.toThrow();
  });

  it('starts with `node dist/index.js` from the artifact alone and answers', async () => {
    // Production dependencies only: no embedded store (a devDependency), so memory, as a deployment names blob.
    const bot = startProcess(['dist/index.js'], { PORT: '0', LOG_LEVEL: 'warn', BOT_STORAGE: 'memory' }, STAGING);
    const [, endpoint] = await waitForOutput(bot, /Bot endpoint\s+(\S+)/);
    const answer = await postExpectReplies(endpoint!, {
      id: 'b1',
      text: 'list connectors',
      from: { id: '29:1' },
      conversation: { id: 'a:1' },
    });
    expect(JSON.stringify(await answer.json())).toContain('CAS01');
    // the dashboard's browser bundle was built into dist by `npm run build`: no esbuild on the server
    const built = readFileSync(path.join(STAGING, 'dist/tab/assets/app.js'), 'utf8');
    const script = await fetch(endpoint!.replace('/api/messages', '/tab/app.js'));
    expect([script.status, script.headers.get('content-encoding'), await script.text()]).toEqual([200, 'gzip', built]);
    // Fluent UI's web components and teams-js, minified: the page's budget (README, "The dashboard")
    expect(built.length).toBeGreaterThan(100_000);
    expect(built.length).toBeLessThan(300_000);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});
