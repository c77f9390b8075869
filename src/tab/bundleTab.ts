import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The browser sources of the dashboard: its entry point and its style sheet. */
/** The page's two files, as the server serves them under /tab/. */
export type Asset = 'app.js' | 'app.css';

export const TAB_SOURCES = path.join(__dirname, 'web');

/**
 * Bundles the dashboard's script (with @microsoft/teams-js) for the browser. Used by `npm run build` (written to
 * dist/tab/assets) and by `npm start` in memory. esbuild is a development dependency: production serves the files
 * the build wrote and never loads this module.
 */
export async function bundleTab(): Promise<Record<Asset, string>> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(TAB_SOURCES, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: ['es2022', 'chrome110', 'safari16'],
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [script] = result.outputFiles;
  return { 'app.js': script?.text ?? '', 'app.css': readFileSync(path.join(TAB_SOURCES, 'tab.css'), 'utf8') };
}
