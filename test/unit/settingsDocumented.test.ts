import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SETTINGS, SETTING_NAMES, loadConfig } from '../../src/config';
import { ROOT } from '../helpers/processes';

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const readme = read('README.md');
const configurationSection = readme.slice(
  readme.indexOf('## Configuration'),
  readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
);
const tableRows = new Map(
  [...configurationSection.matchAll(/^\| `([A-Za-z_]+)` \| (.*) \| (.*) \|$/gm)].map((match) => [
    match[1] ?? '',
    { defaultText: match[2] ?? '', summary: match[3] ?? '' },
  ]),
);

describe('every setting is documented, from the one schema in src/config/settings.ts', () => {
  it.each(SETTING_NAMES)('%s: in .env.example, and in the README table with its default and meaning', (name) => {
    expect(read('.env.example')).toMatch(new RegExp(`^${name}=`, 'm'));
    expect(tableRows.get(name)).toEqual({ defaultText: SETTINGS[name].defaultText, summary: SETTINGS[name].summary });
  });

  it('the README table documents nothing that is not a setting', () => {
    expect([...tableRows.keys()].filter((name) => !(SETTING_NAMES as string[]).includes(name))).toEqual([]);
  });

  it('.env.example copied to .env as it is runs the bot in local mode, its state kept across restarts', () => {
    const config = loadConfig(parseEnv(read('.env.example')));
    expect(config).toMatchObject({
      bot: { kind: 'local' },
      port: 3978,
      graph: { kind: 'embeddedSimulator' },
      storage: { kind: 'local', dataDir: '.data' },
    });
  });
});
