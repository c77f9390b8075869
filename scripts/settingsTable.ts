/** `npm run docs:settings`: rewrites the README's configuration table from src/config/settings.ts, the one list. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS, SETTING_NAMES } from '../src/config';

const file = path.resolve(__dirname, '../README.md');
const readme = readFileSync(file, 'utf8');
const rows = SETTING_NAMES.map((name) => `| \`${name}\` | ${SETTINGS[name].defaultText} | ${SETTINGS[name].summary} |`);
const table = /^\| `PORT` \|.*\n(?:^\| `.*\n)*/m;
if (!table.test(readme)) throw new Error('README.md has no configuration table starting with PORT');
writeFileSync(file, readme.replace(table, `${rows.join('\n')}\n`));
console.log(`README.md: ${rows.length} settings`);
