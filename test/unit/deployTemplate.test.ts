import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { ROOT } from '../helpers/processes';

interface Template {
  $schema: string;
  parameters: Record<string, { type: string; defaultValue?: unknown; allowedValues?: unknown[] }>;
  variables: Record<string, unknown>;
  resources: Array<{ type: string; apiVersion: string; name: string; properties?: Record<string, unknown> }>;
  outputs: Record<string, unknown>;
}

const raw = readFileSync(path.join(ROOT, 'deploy/azuredeploy.json'), 'utf8');
const template = JSON.parse(raw) as Template;

/**
 * Resource types and API versions published in Azure's ARM reference (learn.microsoft.com/azure/templates). Only
 * GA versions are listed; a typo or a preview version fails the test.
 */
const KNOWN_API_VERSIONS: Record<string, string[]> = {
  'Microsoft.Storage/storageAccounts': ['2022-09-01', '2023-01-01', '2023-04-01', '2023-05-01', '2024-01-01'],
  'Microsoft.Storage/storageAccounts/blobServices/containers': ['2022-09-01', '2023-01-01', '2023-04-01', '2023-05-01', '2024-01-01'],
  'Microsoft.Web/serverfarms': ['2022-09-01', '2023-01-01', '2023-12-01', '2024-04-01'],
  'Microsoft.Web/sites': ['2022-09-01', '2023-01-01', '2023-12-01', '2024-04-01'],
  'Microsoft.BotService/botServices': ['2021-03-01', '2022-09-15'],
  'Microsoft.BotService/botServices/channels': ['2021-03-01', '2022-09-15'],
  'Microsoft.BotService/botServices/connections': ['2021-03-01', '2022-09-15'],
};

function references(kind: 'parameters' | 'variables'): Set<string> {
  return new Set([...raw.matchAll(new RegExp(`${kind}\\('([^']+)'\\)`, 'g'))].map((match) => match[1] ?? ''));
}

function resource(type: string): Template['resources'][number] {
  const found = template.resources.find((candidate) => candidate.type === type);
  if (!found) throw new Error(`no ${type} in the template`);
  return found;
}

describe('deploy/azuredeploy.json', () => {
  it('is an ARM deployment template', () => {
    expect(template.$schema).toBe('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#');
  });

  it('declares every parameter and variable it references, and uses every one it declares', () => {
    expect([...references('parameters')].sort()).toEqual(Object.keys(template.parameters).sort());
    expect([...references('variables')].sort()).toEqual(Object.keys(template.variables).sort());
  });

  it('uses real resource types and API versions', () => {
    for (const { type, apiVersion } of template.resources) {
      expect(KNOWN_API_VERSIONS[type], type).toBeDefined();
      expect(KNOWN_API_VERSIONS[type], `${type}@${apiVersion}`).toContain(apiVersion);
    }
    for (const match of raw.matchAll(/(?:listKeys|reference)\(resourceId\('([^']+)',[^)]*\), '([^']+)'\)/g)) {
      expect(KNOWN_API_VERSIONS[match[1] ?? ''], `${match[1]}@${match[2]}`).toContain(match[2]);
    }
  });

  it('creates the web app on Node 20 LTS, the Azure Bot with Teams and the Graph SSO connection, and blob storage', () => {
    const site = resource('Microsoft.Web/sites');
    expect(JSON.stringify(site.properties)).toContain('"linuxFxVersion":"NODE|20-lts"');
    expect(JSON.stringify(resource('Microsoft.BotService/botServices').properties)).toContain("/api/messages')]");
    expect(resource('Microsoft.BotService/botServices/channels').properties).toMatchObject({ channelName: 'MsTeamsChannel' });
    const connection = JSON.stringify(resource('Microsoft.BotService/botServices/connections').properties);
    expect(connection).toContain("[variables('aadV2ProviderId')]");
    expect(template.variables.aadV2ProviderId).toBe('30dd229c-58e3-4a48-bdfd-91ec48eb906c'); // Azure Active Directory v2
    expect(connection).toContain("concat('api://botid-', parameters('botAppId'))");
    expect(String(template.variables.graphScopes)).toContain('https://graph.microsoft.com/DeviceManagementServiceConfig.ReadWrite.All');
    expect(template.resources.map((r) => r.type)).toContain('Microsoft.Storage/storageAccounts/blobServices/containers');
  });

  it('takes the secret only as a secure parameter without a default, and the example parameters hold none', () => {
    expect(template.parameters.botAppSecret).toEqual(expect.objectContaining({ type: 'securestring' }));
    expect(template.parameters.botAppSecret?.defaultValue).toBeUndefined();
    const example = readFileSync(path.join(ROOT, 'deploy/azuredeploy.parameters.example.json'), 'utf8');
    expect(example).not.toMatch(/botAppSecret|password|AccountKey/i);
  });

  it('sets every app setting the bot reads at start: they load as a valid Teams-mode configuration with blob storage', () => {
    const settings = (resource('Microsoft.Web/sites').properties as { siteConfig: { appSettings: Array<{ name: string; value: string }> } }).siteConfig.appSettings;
    const sample: Record<string, string> = {
      botAppId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      botAppSecret: 'secret-from-the-deployment',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      allowedTenantIds: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      oauthConnectionName: 'graph',
    };
    const env = Object.fromEntries(
      settings.map(({ name, value }) => {
        const parameter = /^\[parameters\('([^']+)'\)\]$/.exec(value)?.[1];
        if (parameter) return [name, sample[parameter] ?? ''];
        const variable = /^\[variables\('([^']+)'\)\]$/.exec(value)?.[1];
        if (variable) return [name, String(template.variables[variable])];
        if (value.startsWith('[')) return [name, 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net'];
        return [name, value];
      }),
    );
    const config = loadConfig(env);
    expect(config.bot.kind).toBe('teams');
    expect(config.tokens).toEqual({ kind: 'sso', connectionName: 'graph' });
    expect(config.storage).toMatchObject({ kind: 'blob', container: 'botstate' });
    expect(config.allowedTenantIds).toEqual(['72f988bf-86f1-41af-91ab-2d7cd011db47']);
    expect(config.bot).toMatchObject({ appType: 'SingleTenant', tenantId: sample.tenantId });
  });
});
