import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, startProcess } from '../helpers/processes';

/**
 * `npm run azure:setup` against a fake `az` (and `npm`) on PATH that keeps state and records every call: the order of
 * the steps, the two federated credentials, a second run that creates nothing, a failing step that stops the run.
 */
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PRINCIPAL = '11111111-2222-4333-8444-555555555555';
const dir = mkdtempSync(path.join(os.tmpdir(), 'fake-az-'));
const bin = path.join(dir, 'bin');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function shims(): void {
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  for (const tool of ['az', 'npm']) {
    const file = path.join(bin, tool);
    writeFileSync(
      file,
      `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'test/helpers/fakeAz.mjs')}" ${tool} "$@"\n`,
      { flag: 'w' },
    );
    chmodSync(file, 0o755);
  }
}

async function setup(
  stateFile: string,
  extra: string[] = [],
  fail = '',
): Promise<{ code: number | null; output: string; calls: Array<{ tool: string; args: string[] }> }> {
  const log = `${stateFile}.log`;
  writeFileSync(log, '');
  const run = startProcess(
    [
      '--no-deprecation',
      '--import',
      'tsx',
      'scripts/azureSetup.ts',
      '--resource-group',
      'rg-connsync',
      '--name',
      'connsync',
      ...extra,
    ],
    { PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_AZ_STATE: stateFile, FAKE_AZ_LOG: log, FAKE_AZ_FAIL: fail },
  );
  const code = await run.exited;
  const calls = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { tool: string; args: string[] });
  return { code, output: run.output(), calls };
}

function freshState(name: string): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({ tenantId: TENANT, principalId: PRINCIPAL, groups: [], apps: {}, settings: {}, catalogId: null }),
  );
  return file;
}

const commands = (calls: Array<{ tool: string; args: string[] }>): string[] =>
  calls.map((call) => [call.tool, ...call.args.slice(0, call.tool === 'npm' ? 2 : 4)].join(' '));

describe('npm run azure:setup', () => {
  shims();

  it('does every step in order, adds both federated credentials, and says what is left to do by hand', async () => {
    const state = freshState('first');
    const { code, output, calls } = await setup(state);
    expect(code, output).toBe(0);
    expect(commands(calls)).toEqual([
      'az account show',
      'az group exists --name rg-connsync',
      'az group create --name rg-connsync',
      'az ad app list --display-name',
      'az ad app create --display-name',
      'az deployment group create --resource-group',
      'az rest --method GET --url',
      'az rest --method PATCH --url',
      'az ad app federated-credential list',
      'az ad app federated-credential create',
      'az ad app federated-credential create',
      'npm run bundle',
      'az webapp deploy --resource-group rg-connsync',
      'npm run package',
      'az rest --method GET --url',
    ]);
    const app = Object.values(
      (
        JSON.parse(readFileSync(state, 'utf8')) as {
          apps: Record<string, { appId: string; graph: Record<string, unknown>; credentials: unknown[] }>;
        }
      ).apps,
    )[0]!;
    expect(app.credentials).toEqual([
      {
        name: 'bot-managed-identity',
        issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        subject: PRINCIPAL,
        audiences: ['api://AzureADTokenExchange'],
      },
      {
        name: 'bot-token-store-connsync-graph',
        issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        subject: '/eid1/c/pub/t/v4j5cvGGr0GRqy180BHbRw/a/9ExAW52n_ky4ZiS_jhpJIQ/connsync-graph',
        audiences: ['api://AzureADTokenExchange'],
      },
    ]);
    expect(app.graph).toMatchObject({
      identifierUris: [`api://connsync-bot.azurewebsites.net/botid-${app.appId}`],
      api: {
        requestedAccessTokenVersion: 2,
        oauth2PermissionScopes: [expect.objectContaining({ value: 'access_as_user' })],
      },
      requiredResourceAccess: [
        {
          resourceAppId: '00000003-0000-0000-c000-000000000000',
          resourceAccess: [{ id: '662ed50a-ac44-4eef-ad86-62eed9be2a29', type: 'Scope' }],
        },
      ],
    });
    expect((app.graph.api as { preAuthorizedApplications: unknown[] }).preAuthorizedApplications).toHaveLength(7);
    expect(output).toContain(`adminconsent?client_id=${app.appId}`);
    expect(output).toContain('upload build/appPackage.zip');

    // A second run, after the upload to the catalog: nothing is created again; the catalog id is set once.
    const uploaded = JSON.parse(readFileSync(state, 'utf8')) as Record<string, unknown>;
    writeFileSync(state, JSON.stringify({ ...uploaded, catalogId: 'c0ffee00-0000-4000-8000-000000000001' }));
    const second = await setup(state);
    expect(second.code, second.output).toBe(0);
    const changes = commands(second.calls).filter((command) => / create| PATCH|appsettings set/.test(command));
    // The template is applied (incremental) on every run; the catalog id, new since the upload, is set once.
    expect(changes).toEqual(['az deployment group create --resource-group', 'az webapp config appsettings set']);
    expect(second.calls.at(-1)?.args).toContain('TEAMS_APP_CATALOG_ID=c0ffee00-0000-4000-8000-000000000001');
    const third = await setup(state);
    expect(commands(third.calls).filter((command) => /appsettings set/.test(command))).toEqual([]);
  }, 60_000);

  it('stops at the first failing step with what az said, and does nothing after it', async () => {
    const { code, output, calls } = await setup(freshState('failing'), [], 'ad app federated-credential create');
    expect(code).toBe(1);
    expect(output).toContain('Stopped.');
    expect(output).toContain('Insufficient privileges to complete the operation');
    expect(commands(calls).at(-1)).toBe('az ad app federated-credential create');
    expect(calls.some((call) => call.tool === 'npm')).toBe(false);
  }, 30_000);

  it('--what-if prints the plan and calls nothing', async () => {
    const { code, output, calls } = await setup(freshState('whatif'), ['--what-if']);
    expect(code).toBe(0);
    expect(output).toContain('What-if: nothing is changed');
    expect(output).toMatch(/federated credentials: the web app's managed identity and the Bot Service token store/);
    expect(calls).toEqual([]);
  });
});
