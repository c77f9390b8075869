/**
 * `npm run bundle`: build/deploy.zip, what `az webapp deploy` ships. It holds what CI tested and nothing else: the
 * compiled `dist/`, package.json, the lockfile and the production dependencies installed from that lockfile
 * (`npm ci --omit=dev`), so no devDependency (test tools, Azurite, Playwright) reaches the server and the server does
 * not build anything (SCM_DO_BUILD_DURING_DEPLOYMENT=false in the template).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const STAGING = path.join(ROOT, 'build/deploy');
export const ARTIFACT = path.join(ROOT, 'build/deploy.zip');

function run(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

function main(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['run', 'build'], ROOT);
  rmSync(STAGING, { recursive: true, force: true });
  rmSync(ARTIFACT, { force: true });
  for (const entry of ['dist', 'package.json', 'package-lock.json'])
    cpSync(path.join(ROOT, entry), path.join(STAGING, entry), { recursive: true });
  // --ignore-scripts: no dependency of the bot needs an install script to run (the lockfile's are build helpers).
  run(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], STAGING);
  run('zip', ['-q', '-r', '-X', ARTIFACT, '.'], STAGING);
  if (!existsSync(ARTIFACT)) throw new Error('zip wrote nothing');
  console.log(
    `${path.relative(ROOT, ARTIFACT)}: ${(statSync(ARTIFACT).size / 1024 / 1024).toFixed(1)} MiB (dist, package.json, lockfile, production dependencies)`,
  );
}

if (require.main === module) main();
