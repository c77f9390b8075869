/** Part of `npm run build`: the dashboard's browser bundle and style sheet, next to the compiled server. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleTab } from '../src/tab/bundleTab';

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '../dist/tab/assets');
  mkdirSync(out, { recursive: true });
  for (const [name, content] of Object.entries(await bundleTab())) writeFileSync(path.join(out, name), content);
  console.log(`dashboard assets written to ${path.relative(process.cwd(), out)}`);
}

void main();
