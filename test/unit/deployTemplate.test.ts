import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { KEYS } from '../../src/storage/keys';
import { ArmEvaluator, DEPLOYED_AT, RUNTIME, type Json, type Resource, type Template } from '../helpers/armTemplate';
import { ROOT } from '../helpers/processes';

const raw = readFileSync(path.join(ROOT, 'deploy/azuredeploy.json'), 'utf8');
const template = JSON.parse(raw) as Template;
const APP_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const GIVEN = { baseName: 'connsync', botAppId: APP_ID };
const OPTIONS = ['federated', 'keyVaultSecret'] as const;
type Option = (typeof OPTIONS)[number];

/**
 * Resource types and API versions published in Azure's ARM reference (learn.microsoft.com/azure/templates). GA
 * versions only, except diagnostic settings, whose newest version in the reference is 2021-05-01-preview.
 */
const KNOWN_API_VERSIONS: Record<string, string[]> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': ['2023-01-31', '2024-11-30'],
  'Microsoft.OperationalInsights/workspaces': ['2022-10-01', '2023-09-01'],
  'Microsoft.Insights/components': ['2020-02-02'],
  'Microsoft.Insights/diagnosticSettings': ['2021-05-01-preview'],
  'Microsoft.Network/virtualNetworks': ['2023-09-01', '2023-11-01', '2024-01-01'],
  'Microsoft.Storage/storageAccounts': ['2023-01-01', '2023-04-01', '2023-05-01', '2024-01-01'],
  'Microsoft.Storage/storageAccounts/blobServices': ['2023-01-01', '2023-04-01', '2023-05-01', '2024-01-01'],
  'Microsoft.Storage/storageAccounts/blobServices/containers': ['2023-01-01', '2023-04-01', '2023-05-01', '2024-01-01'],
  'Microsoft.Storage/storageAccounts/managementPolicies': ['2023-01-01', '2023-04-01', '2023-05-01', '2024-01-01'],
  'Microsoft.Authorization/roleAssignments': ['2022-04-01'],
  'Microsoft.KeyVault/vaults': ['2023-02-01', '2023-07-01'],
  'Microsoft.KeyVault/vaults/secrets': ['2023-02-01', '2023-07-01'],
  'Microsoft.Web/serverfarms': ['2023-01-01', '2023-12-01', '2024-04-01'],
  'Microsoft.Web/sites': ['2023-01-01', '2023-12-01', '2024-04-01'],
  'Microsoft.Web/sites/basicPublishingCredentialsPolicies': ['2023-01-01', '2023-12-01', '2024-04-01'],
  'Microsoft.BotService/botServices': ['2021-03-01', '2022-09-15'],
  'Microsoft.BotService/botServices/channels': ['2021-03-01', '2022-09-15'],
  'Microsoft.BotService/botServices/connections': ['2021-03-01', '2022-09-15'],
};

/** Built-in role ids (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
const ROLES = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
};

/** The resources a deployment with this option creates, every expression evaluated as ARM would. */
function deployed(option: Option): Resource[] {
  const arm = new ArmEvaluator(template, {
    ...GIVEN,
    botCredential: option,
    botAppSecret: option === 'keyVaultSecret' ? 'secret-typed-at-deployment' : '',
  });
  return template.resources
    .filter((resource) => resource.condition === undefined || arm.evaluate(resource.condition) === true)
    .map((resource) => arm.deep(resource as unknown as Json) as unknown as Resource);
}

function one(resources: Resource[], type: string, nameEnd = ''): Resource {
  const found = resources.filter((resource) => resource.type === type && resource.name.endsWith(nameEnd));
  if (found.length !== 1) throw new Error(`${found.length} ${type} resources named …${nameEnd}`);
  return found[0]!;
}

function appSettings(resources: Resource[]): Record<string, string> {
  const site = one(resources, 'Microsoft.Web/sites');
  const list = (site.properties as { siteConfig: { appSettings: Array<{ name: string; value: string }> } }).siteConfig
    .appSettings;
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

function references(kind: 'parameters' | 'variables'): Set<string> {
  return new Set([...raw.matchAll(new RegExp(`${kind}\\('([^']+)'\\)`, 'g'))].map((match) => match[1] ?? ''));
}

describe('deploy/azuredeploy.json', () => {
  it('is an ARM template that declares what it uses, uses what it declares, with real resource types and API versions', () => {
    expect(template.$schema).toBe('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#');
    expect([...references('parameters')].sort()).toEqual(Object.keys(template.parameters).sort());
    expect([...references('variables')].sort()).toEqual(Object.keys(template.variables).sort());
    for (const { type, apiVersion } of template.resources)
      expect(KNOWN_API_VERSIONS[type], `${type}@${apiVersion}`).toContain(apiVersion);
    for (const match of raw.matchAll(/reference\(resourceId\('([^']+)',[^)]*\), '([^']+)'\)/g)) {
      expect(KNOWN_API_VERSIONS[match[1] ?? ''], `${match[1]}@${match[2]}`).toContain(match[2]);
      expect(RUNTIME[match[1] ?? ''], `reference() to ${match[1]}`).toBeDefined();
    }
  });

  it.each(OPTIONS)(
    'evaluates, with botCredential=%s, to app settings that load as a valid Teams-mode configuration',
    (option) => {
      const settings = appSettings(deployed(option));
      const config = loadConfig(settings);
      expect(config.bot).toMatchObject({ kind: 'teams', appId: APP_ID, appType: 'SingleTenant' });
      expect(config.tokens).toEqual({ kind: 'sso', connectionName: 'graph' });
      expect(config.storage).toEqual({
        kind: 'blob',
        container: 'botstate',
        access: {
          kind: 'identity',
          accountUrl: 'https://connsyncabc.blob.core.windows.net',
          clientId: RUNTIME['Microsoft.ManagedIdentity/userAssignedIdentities']!.clientId,
        },
      });
      expect(config.telemetry?.connectionString).toContain('IngestionEndpoint=https://');
      // Behind App Service's front end: the rate limit counts the client address it adds to X-Forwarded-For.
      expect(config.http.trustForwardedFor).toBe(true);
      expect(config.allowedChannelIds).toEqual(['msteams']);
      if (option === 'federated') {
        expect(config.bot.kind === 'teams' && config.bot.credential).toEqual({
          kind: 'federated',
          managedIdentityClientId: RUNTIME['Microsoft.ManagedIdentity/userAssignedIdentities']!.clientId,
        });
      } else {
        // App Service resolves the reference to the secret's value; the app setting itself holds none.
        expect(settings.MicrosoftAppPassword).toMatch(
          /^@Microsoft\.KeyVault\(VaultName=[a-z0-9]+;SecretName=botAppSecret\)$/,
        );
      }
    },
  );

  it('runs what CI tested on Node 24 LTS: the built artifact, no build on the server, health checked at /readyz', () => {
    const resources = deployed('federated');
    const site = one(resources, 'Microsoft.Web/sites').properties as { siteConfig: Record<string, unknown> };
    expect(site.siteConfig).toMatchObject({
      linuxFxVersion: 'NODE|24-lts',
      appCommandLine: 'node dist/index.js',
      healthCheckPath: '/readyz',
      alwaysOn: true,
    });
    expect(appSettings(resources).SCM_DO_BUILD_DURING_DEPLOYMENT).toBe('false');
  });

  it('holds no secret value and no storage key: shared keys off, the secret only in Key Vault and the OAuth connection', () => {
    expect(raw).not.toMatch(/listKeys|AccountKey|listConnectionStrings/);
    for (const option of OPTIONS) {
      const resources = deployed(option);
      const storage = one(resources, 'Microsoft.Storage/storageAccounts');
      expect(storage.properties).toMatchObject({
        allowSharedKeyAccess: false,
        allowBlobPublicAccess: false,
        minimumTlsVersion: 'TLS1_2',
        supportsHttpsTrafficOnly: true,
      });
      const holders = resources
        .filter((resource) => JSON.stringify(resource).includes('secret-typed-at-deployment'))
        .map((resource) => resource.type);
      expect(holders.sort(), option).toEqual(
        option === 'federated'
          ? []
          : ['Microsoft.BotService/botServices/connections', 'Microsoft.KeyVault/vaults/secrets'],
      );
    }
    expect(template.parameters.botAppSecret).toMatchObject({ type: 'securestring', defaultValue: '' });
    const example = readFileSync(path.join(ROOT, 'deploy/azuredeploy.parameters.example.json'), 'utf8');
    expect(example).not.toMatch(/botAppSecret|password|AccountKey/i);
  });

  it('federated (the default): the OAuth connection uses Entra ID v2 with Federated Credentials and the managed identity, no secret', () => {
    expect(template.parameters.botCredential?.defaultValue).toBe('federated');
    const resources = deployed('federated');
    expect(resources.map((resource) => resource.type)).not.toContain('Microsoft.KeyVault/vaults');
    const connection = one(resources, 'Microsoft.BotService/botServices/connections').properties!;
    expect(connection).toMatchObject({
      serviceProviderId: 'c00b44ab-5e16-c44c-af26-2fd5bc55eb18',
      clientId: APP_ID,
      clientSecret: '',
    });
    expect(connection.parameters).toEqual(
      expect.arrayContaining([
        // A chosen string, the one the token store's federated credential subject ends with (not the identity's id).
        { key: 'UniqueIdentifier', value: 'connsync-graph' },
        { key: 'TokenExchangeUrl', value: `api://connsync-bot.azurewebsites.net/botid-${APP_ID}` },
      ]),
    );
  });

  it('keyVaultSecret: a vault with RBAC, the secret, and the web app allowed to read that one secret', () => {
    const resources = deployed('keyVaultSecret');
    expect(one(resources, 'Microsoft.KeyVault/vaults').properties).toMatchObject({
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      enablePurgeProtection: true,
      // Network rules as for storage: the web app's subnet only.
      networkAcls: {
        defaultAction: 'Deny',
        virtualNetworkRules: [{ id: 'Microsoft.Network/virtualNetworks/subnets/connsync-vnet/app' }],
        ipRules: [],
      },
    });
    // The stored secret expires (180 days after the deployment unless told otherwise): rotation is not forgotten.
    const secret = one(resources, 'Microsoft.KeyVault/vaults/secrets').properties as { attributes: { exp: number } };
    expect(secret.attributes.exp).toBe(Math.floor(Date.parse(DEPLOYED_AT) / 1000) + 180 * 86_400);
    const reader = resources.find(
      (resource) =>
        resource.type === 'Microsoft.Authorization/roleAssignments' &&
        resource.properties?.roleDefinitionId ===
          `Microsoft.Authorization/roleDefinitions/${ROLES.keyVaultSecretsUser}`,
    );
    expect(reader?.scope).toMatch(/^Microsoft\.KeyVault\/vaults\/[a-z0-9]+\/secrets\/botAppSecret$/);
    expect(reader?.properties).toMatchObject({
      principalId: RUNTIME['Microsoft.ManagedIdentity/userAssignedIdentities']!.principalId,
      principalType: 'ServicePrincipal',
    });
    const site = one(resources, 'Microsoft.Web/sites');
    expect(site.properties?.keyVaultReferenceIdentity).toMatch(/userAssignedIdentities\/connsync-identity$/);
    const connection = one(resources, 'Microsoft.BotService/botServices/connections').properties!;
    expect(connection).toMatchObject({
      serviceProviderId: '30dd229c-58e3-4a48-bdfd-91ec48eb906c',
      clientSecret: 'secret-typed-at-deployment',
    });
    expect(connection.parameters).toEqual(
      expect.arrayContaining([
        { key: 'tokenExchangeUrl', value: `api://connsync-bot.azurewebsites.net/botid-${APP_ID}` },
      ]),
    );
  });

  it('the web app reaches its one container as Storage Blob Data Contributor, through its user-assigned identity', () => {
    const resources = deployed('federated');
    expect(one(resources, 'Microsoft.Web/sites').identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: { 'Microsoft.ManagedIdentity/userAssignedIdentities/connsync-identity': {} },
    });
    const writer = resources.filter(
      (resource) =>
        resource.type === 'Microsoft.Authorization/roleAssignments' && resource.scope?.startsWith('Microsoft.Storage/'),
    );
    expect(writer).toHaveLength(1);
    expect(writer[0]?.scope).toMatch(
      /^Microsoft\.Storage\/storageAccounts\/[a-z0-9]+\/blobServices\/default\/containers\/botstate$/,
    );
    expect(writer[0]?.properties).toMatchObject({
      principalId: RUNTIME['Microsoft.ManagedIdentity/userAssignedIdentities']!.principalId,
      roleDefinitionId: `Microsoft.Authorization/roleDefinitions/${ROLES.storageBlobDataContributor}`,
    });
  });

  it("storage accepts traffic only from the web app's subnet (virtual network integration with a service endpoint)", () => {
    const resources = deployed('federated');
    const subnetId = 'Microsoft.Network/virtualNetworks/subnets/connsync-vnet/app';
    expect(one(resources, 'Microsoft.Storage/storageAccounts').properties?.networkAcls).toEqual({
      defaultAction: 'Deny',
      bypass: 'AzureServices',
      virtualNetworkRules: [{ id: subnetId, action: 'Allow' }],
      ipRules: [],
    });
    const subnet = (
      one(resources, 'Microsoft.Network/virtualNetworks').properties as {
        subnets: Array<{ properties: Record<string, unknown> }>;
      }
    ).subnets[0]!.properties;
    expect(subnet).toMatchObject({
      serviceEndpoints: [{ service: 'Microsoft.Storage' }, { service: 'Microsoft.KeyVault' }],
      delegations: [{ properties: { serviceName: 'Microsoft.Web/serverFarms' } }],
    });
    const site = one(resources, 'Microsoft.Web/sites').properties as {
      virtualNetworkSubnetId: string;
      siteConfig: Record<string, unknown>;
    };
    expect(site.virtualNetworkSubnetId).toBe(subnetId);
    expect(site.siteConfig.vnetRouteAllEnabled).toBe(true);
  });

  it('expires every kind of record the bot keeps: dedupe records after 2 days, audit after auditRetentionDays, with soft delete on', () => {
    const arm = new ArmEvaluator(template, { ...GIVEN, auditRetentionDays: 400 });
    const policy = (
      template.resources.find((resource) => resource.type.endsWith('managementPolicies'))!.properties as {
        policy: { copy: Array<{ count: string; input: Json }> };
      }
    ).policy.copy[0]!;
    const rules = Array.from({ length: arm.evaluate(policy.count) as number }, (_, index) => {
      arm.copyIndex = index;
      const rule = arm.deep(policy.input) as {
        definition: {
          filters: { prefixMatch: string[] };
          actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: number } } };
        };
      };
      return [
        rule.definition.filters.prefixMatch[0] ?? '',
        rule.definition.actions.baseBlob.delete.daysAfterModificationGreaterThan,
      ] as [string, number];
    });
    const days: Record<string, number> = Object.fromEntries(rules);
    const prefixes = Object.values(KEYS).map(
      (key: (...args: string[]) => string) => `botstate/${key('a', 'b', 'c').split('/')[0]}/`,
    );
    for (const prefix of prefixes) expect(days[prefix], `a lifecycle rule for ${prefix}`).toBeGreaterThan(0);
    expect(days).toMatchObject({ 'botstate/deliveries/': 2, 'botstate/sso-dedupe/': 2, 'botstate/audit/': 400 });
    // a confirmation lives up to a day (CONFIRMATION_TTL_SECONDS at most 86400) and is kept a day after expiring
    expect(days['botstate/confirmations/']).toBeGreaterThanOrEqual(2);
    expect(template.parameters.auditRetentionDays?.defaultValue).toBe(365);
    const blobService = one(deployed('federated'), 'Microsoft.Storage/storageAccounts/blobServices');
    expect(blobService.properties?.deleteRetentionPolicy).toMatchObject({ enabled: true });
  });

  it('publishing: no basic-auth credentials (FTP and SCM), no FTP, HTTPS only, TLS 1.2, no session affinity', () => {
    const resources = deployed('federated');
    const policies = resources.filter(
      (resource) => resource.type === 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    );
    expect(policies.map((policy) => [policy.name.split('/')[1], policy.properties])).toEqual([
      ['ftp', { allow: false }],
      ['scm', { allow: false }],
    ]);
    const site = one(resources, 'Microsoft.Web/sites').properties as Record<string, unknown> & {
      siteConfig: Record<string, unknown>;
    };
    expect(site).toMatchObject({ httpsOnly: true, clientAffinityEnabled: false });
    expect(site.siteConfig).toMatchObject({ ftpsState: 'Disabled', minTlsVersion: '1.2' });
  });

  it("observable: workspace-based Application Insights gets the telemetry, the web app's logs go to the same workspace", () => {
    const resources = deployed('federated');
    expect(one(resources, 'Microsoft.Insights/components').properties).toMatchObject({
      WorkspaceResourceId: 'Microsoft.OperationalInsights/workspaces/connsync-logs',
    });
    expect(appSettings(resources).APPLICATIONINSIGHTS_CONNECTION_STRING).toBe(
      RUNTIME['Microsoft.Insights/components']!.ConnectionString,
    );
    const diagnostics = one(resources, 'Microsoft.Insights/diagnosticSettings');
    expect(diagnostics.scope).toBe('Microsoft.Web/sites/connsync-bot');
    expect(diagnostics.properties).toMatchObject({
      workspaceId: 'Microsoft.OperationalInsights/workspaces/connsync-logs',
    });
    // App Service's HTTP logs keep query strings (the consent page's `code`): they stay out of the workspace.
    const categories = (diagnostics.properties as { logs: Array<{ category: string }> }).logs.map(
      (log) => log.category,
    );
    expect(categories).not.toContain('AppServiceHTTPLogs');
  });

  it('telemetry without a key: the component refuses key-based ingestion; the identity publishes as Monitoring Metrics Publisher', () => {
    const resources = deployed('federated');
    expect(one(resources, 'Microsoft.Insights/components').properties).toMatchObject({ DisableLocalAuth: true });
    const publisher = resources.filter(
      (resource) =>
        resource.type === 'Microsoft.Authorization/roleAssignments' &&
        resource.scope === 'Microsoft.Insights/components/connsync-insights',
    );
    expect(publisher.map((assignment) => assignment.properties)).toEqual([
      expect.objectContaining({
        principalId: RUNTIME['Microsoft.ManagedIdentity/userAssignedIdentities']!.principalId,
        roleDefinitionId: 'Microsoft.Authorization/roleDefinitions/3913510d-42f4-4e42-8a64-420c390055eb',
      }),
    ]);
    // The bot hands the exporter that identity's credential (src/telemetry.ts) through the setting it already has.
    expect(appSettings(resources).AZURE_CLIENT_ID).toBe(
      RUNTIME['Microsoft.ManagedIdentity/userAssignedIdentities']!.clientId,
    );
  });

  it("outputs what the administrator needs next: the Application ID URI and the federated credential's issuer and subject", () => {
    const arm = new ArmEvaluator(template, GIVEN);
    const outputs = Object.fromEntries(
      Object.entries(template.outputs).map(([name, output]) => [name, arm.deep(output.value)]),
    );
    expect(outputs).toMatchObject({
      botDomain: 'connsync-bot.azurewebsites.net',
      applicationIdUri: `api://connsync-bot.azurewebsites.net/botid-${APP_ID}`,
      managedIdentityPrincipalId: RUNTIME['Microsoft.ManagedIdentity/userAssignedIdentities']!.principalId,
      federatedCredentialIssuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
    });
  });
});
