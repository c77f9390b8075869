import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { ROOT } from '../helpers/processes';

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
/** Every key src/config.ts reads, found by its `value('KEY')` calls: config.ts is the only reader of the environment. */
const keys = [...read('src/config.ts').matchAll(/value\('([A-Za-z_]+)'\)/g)].map((match) => match[1] ?? '');

describe('every setting the bot reads is documented', () => {
  it('finds the settings', () => {
    expect(keys).toContain('MicrosoftAppId');
    expect(keys.length).toBeGreaterThan(15);
  });

  it.each([...new Set(keys)])('%s is in .env.example and in the README configuration table', (key) => {
    expect(read('.env.example')).toMatch(new RegExp(`^${key}=`, 'm'));
    expect(read('README.md')).toContain(`| \`${key}\` |`);
  });

  it('.env.example copied to .env as it is runs the bot in local mode', () => {
    const config = loadConfig(parseEnv(read('.env.example')));
    expect(config).toMatchObject({ local: true, port: 3978, graph: { kind: 'embeddedSimulator' }, storage: { kind: 'memory' } });
  });

  it('no other file reads process.env', () => {
    const offenders = ['src/index.ts', 'src/app.ts', 'src/server.ts'].filter((file) => /process\.env\.[A-Za-z]/.test(read(file)));
    expect(offenders).toEqual([]);
  });
});
