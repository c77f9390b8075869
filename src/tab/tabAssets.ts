import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Asset } from './bundleTab';

export type { Asset } from './bundleTab';

export const TYPES: Record<Asset, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/**
 * The page's script and style. `npm run build` writes them next to the compiled server (dist/tab/assets); under
 * `npm start` (sources run by tsx) they are bundled in memory by esbuild, a development dependency, once.
 */
export function loadAssets(): Promise<Record<Asset, string>> {
  loaded ??= readOrBundle();
  return loaded;
}

/** Once per process: the files do not change while it runs. */
let loaded: Promise<Record<Asset, string>> | null = null;

async function readOrBundle(): Promise<Record<Asset, string>> {
  const built = path.join(__dirname, 'assets');
  if (existsSync(path.join(built, 'app.js'))) {
    return {
      'app.js': readFileSync(path.join(built, 'app.js'), 'utf8'),
      'app.css': readFileSync(path.join(built, 'app.css'), 'utf8'),
    };
  }
  const { bundleTab } = await import('./bundleTab');
  return bundleTab();
}
