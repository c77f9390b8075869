import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MANIFEST_DIR, PackageError, buildAppPackage, iconProblems, type Manifest } from '../../scripts/appPackage';
import { ROOT } from '../helpers/processes';

const SAMPLE = {
  MicrosoftAppId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'connector-sync.azurewebsites.net',
};
const template = readFileSync(path.join(MANIFEST_DIR, 'manifest.template.json'), 'utf8');

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PackageError);
  return (error as PackageError).problems;
}

describe('Teams app package', () => {
  it('builds a valid package from a sample environment: manifest.json and both icons at the root of the zip', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(SAMPLE));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.id).toBe(SAMPLE.MicrosoftAppId);
    expect(manifest.bots?.[0]?.botId).toBe(SAMPLE.MicrosoftAppId);
    expect(manifest.bots?.[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots?.[0]?.commandLists?.map((list) => list.scopes)).toEqual([
      ['personal'],
      ['team'],
      ['groupChat'],
    ]);
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLE.MicrosoftAppId,
      resource: `api://${SAMPLE.BOT_DOMAIN}/botid-${SAMPLE.MicrosoftAppId}`,
    });
    expect(manifest.validDomains).toEqual([SAMPLE.BOT_DOMAIN, 'token.botframework.com']);
    // the chat first, then the dashboard tab, served by the bot from its own domain
    expect(manifest.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      {
        entityId: 'connectors',
        name: 'Connectors',
        contentUrl: `https://${SAMPLE.BOT_DOMAIN}/tab?locale={locale}&theme={theme}`,
        scopes: ['personal'],
      },
    ]);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  });

  it('fails with a clear message naming every unset placeholder', async () => {
    const problems = await problemsOf(buildAppPackage({}));
    expect(problems.join('\n')).toMatch(/MicrosoftAppId is not set/);
    expect(problems.join('\n')).toMatch(/BOT_DOMAIN is not set/);
  });

  it('rejects a manifest with a missing required field (official schema, offline)', async () => {
    const broken = JSON.stringify({ ...(JSON.parse(template) as Record<string, unknown>), name: undefined });
    const problems = await problemsOf(buildAppPackage(SAMPLE, broken));
    expect(problems).toEqual([expect.stringContaining("must have required property 'name'")]);
  });

  it('rejects a bad bot id', async () => {
    const problems = await problemsOf(buildAppPackage({ ...SAMPLE, MicrosoftAppId: 'my-bot' }));
    expect(problems.join('\n')).toMatch(/botId "my-bot" must be the bot's app id, a GUID/);
  });

  it('checks icon sizes and that the outline is white on transparent', () => {
    const color = readFileSync(path.join(MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(path.join(MANIFEST_DIR, 'outline.png'));
    expect(iconProblems(color, outline)).toEqual([]);
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    expect(iconProblems(outline, PNG.sync.write(opaque))).toEqual([
      'color.png is 32x32; it must be 192x192',
      'outline.png must have a transparent background',
    ]);
    const tinted = PNG.sync.read(outline);
    const firstOpaque = tinted.data.findIndex((_value, index) => index % 4 === 3 && tinted.data[index] === 255);
    tinted.data[firstOpaque - 3] = 0; // a red channel of 0: not white
    expect(iconProblems(color, PNG.sync.write(tinted))).toEqual([
      'outline.png must be white on a transparent background; it has coloured pixels',
    ]);
  });

  it('npm run package exits 1 with the problems when the environment is incomplete', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', MicrosoftAppId: '', BOT_DOMAIN: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('BOT_DOMAIN is not set');
  });
});
