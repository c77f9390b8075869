import { randomUUID } from 'node:crypto';
import { TAB_CLIENT_APP_IDS } from '../../src/tab/clientApps';
import { managedIdentityCredential, tokenStoreCredential, type FederatedCredential } from './federatedCredentials';
import type { Runner } from './runner';

export interface SetupOptions {
  resourceGroup: string;
  /** The deployment's base name (the template's `baseName`): resources are `<name>-bot`, `<name>-identity`, … */
  name: string;
  location: string;
  oauthConnectionName: string;
  whatIf: boolean;
}

const GRAPH_APP = '00000003-0000-0000-c000-000000000000';
/** Microsoft Graph's delegated DeviceManagementServiceConfig.ReadWrite.All: what a sync needs, for the signed-in user. */
const SYNC_PERMISSION = '662ed50a-ac44-4eef-ad86-62eed9be2a29';

interface GraphApp {
  identifierUris?: string[];
  api?: { requestedAccessTokenVersion?: number | null; oauth2PermissionScopes?: Array<{ id: string; value: string }> };
  web?: { redirectUris?: string[] };
}

/**
 * Everything a deployment needs, in order, each step only when it is not done yet: a second run changes nothing.
 * `log` hears what was done ("+ created", "= already there") and, with `whatIf`, only the plan (nothing is called).
 */
export async function runSetup(options: SetupOptions, az: Runner, log: (line: string) => void): Promise<void> {
  const { resourceGroup: rg, name } = options;
  if (options.whatIf) return plan(options, log);
  const account = (await az.az(['account', 'show'])) as { tenantId: string };
  const tenant = account.tenantId;

  if ((await az.az(['group', 'exists', '--name', rg])) !== true) {
    await az.az(['group', 'create', '--name', rg, '--location', options.location]);
    log(`+ resource group ${rg}`);
  } else log(`= resource group ${rg}`);

  const found = (await az.az([
    'ad',
    'app',
    'list',
    '--display-name',
    name,
    '--query',
    '[].{appId:appId,id:id}',
  ])) as Array<{ appId: string; id: string }>;
  let app = found[0];
  if (!app) {
    app = (await az.az([
      'ad',
      'app',
      'create',
      '--display-name',
      name,
      '--sign-in-audience',
      'AzureADMyOrg',
      '--query',
      '{appId:appId,id:id}',
    ])) as { appId: string; id: string };
    log(`+ app registration ${name} (${app.appId})`);
  } else log(`= app registration ${name} (${app.appId})`);

  // The template: identity, storage, web app, bot with its OAuth connection (incremental: unchanged resources stay).
  const outputs = (await az.az([
    'deployment',
    'group',
    'create',
    '--resource-group',
    rg,
    '--name',
    'connector-sync',
    '--template-file',
    'deploy/azuredeploy.json',
    '--parameters',
    `baseName=${name}`,
    `botAppId=${app.appId}`,
    `tenantId=${tenant}`,
    'botCredential=federated',
    `oauthConnectionName=${options.oauthConnectionName}`,
    '--query',
    'properties.outputs',
  ])) as Record<string, { value: string }>;
  const domain = outputs.botDomain!.value;
  log(`= template deployed: ${domain}`);

  await completeRegistration(az, app, domain, log);

  const credentials = [
    managedIdentityCredential(tenant, outputs.managedIdentityPrincipalId!.value),
    tokenStoreCredential(tenant, outputs.tokenStoreUniqueIdentifier!.value),
  ];
  const existing = (await az.az([
    'ad',
    'app',
    'federated-credential',
    'list',
    '--id',
    app.appId,
    '--query',
    '[].name',
  ])) as string[];
  for (const credential of credentials) {
    if (existing.includes(credential.name)) log(`= federated credential ${credential.name}`);
    else {
      await az.az(['ad', 'app', 'federated-credential', 'create', '--id', app.appId, '--parameters', json(credential)]);
      log(`+ federated credential ${credential.name}`);
    }
  }

  await az.npm(['run', 'bundle']);
  await az.az([
    'webapp',
    'deploy',
    '--resource-group',
    rg,
    '--name',
    `${name}-bot`,
    '--src-path',
    'build/deploy.zip',
    '--type',
    'zip',
  ]);
  log(`= build/deploy.zip deployed to ${name}-bot`);
  await az.npm(['run', 'package'], { MicrosoftAppId: app.appId, BOT_DOMAIN: domain });
  log('= build/appPackage.zip written');

  await catalogId(az, rg, name, app.appId, log);
  log('');
  log('Still to do by hand:');
  log(`- grant admin consent: https://login.microsoftonline.com/${tenant}/adminconsent?client_id=${app.appId}`);
  log('- upload build/appPackage.zip (Teams admin center > Teams apps > Manage apps), then run this command again:');
  log('  it looks the catalog id up for the "Open dashboard" link (TEAMS_APP_CATALOG_ID)');
}

/** Application ID URI, access_as_user with the pre-authorised clients, tokens v2, the Graph permission, the tab's redirect. */
async function completeRegistration(
  az: Runner,
  app: { appId: string; id: string },
  domain: string,
  log: (line: string) => void,
): Promise<void> {
  const url = `https://graph.microsoft.com/v1.0/applications/${app.id}`;
  const current = (await az.az(['rest', '--method', 'GET', '--url', url])) as GraphApp;
  const uri = `api://${domain}/botid-${app.appId}`;
  const scopeId =
    current.api?.oauth2PermissionScopes?.find((scope) => scope.value === 'access_as_user')?.id ?? randomUUID();
  const redirect = `https://${domain}/tab/consent-end`;
  const complete =
    current.identifierUris?.includes(uri) &&
    current.api?.requestedAccessTokenVersion === 2 &&
    current.api.oauth2PermissionScopes?.some((scope) => scope.value === 'access_as_user') &&
    current.web?.redirectUris?.includes(redirect);
  if (complete) return log('= app registration: API, scope, clients, permission, redirect');
  const body = {
    identifierUris: [uri],
    api: {
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [
        {
          id: scopeId,
          value: 'access_as_user',
          type: 'User',
          isEnabled: true,
          adminConsentDisplayName: 'Use Connector Sync as the signed-in user',
          adminConsentDescription: 'Lets Teams sign the user in to Connector Sync (bot and dashboard tab).',
          userConsentDisplayName: 'Use Connector Sync as you',
          userConsentDescription: 'Lets Teams sign you in to Connector Sync.',
        },
      ],
      preAuthorizedApplications: TAB_CLIENT_APP_IDS.map((appId) => ({ appId, delegatedPermissionIds: [scopeId] })),
    },
    requiredResourceAccess: [{ resourceAppId: GRAPH_APP, resourceAccess: [{ id: SYNC_PERMISSION, type: 'Scope' }] }],
    web: { redirectUris: [redirect] },
  };
  await az.az([
    'rest',
    '--method',
    'PATCH',
    '--url',
    url,
    '--headers',
    'Content-Type=application/json',
    '--body',
    json(body),
  ]);
  log('+ app registration: API, scope, clients, permission, redirect');
}

/** The id Teams knows the uploaded app by, for the dashboard deep link: known only after the upload. */
async function catalogId(
  az: Runner,
  rg: string,
  name: string,
  appId: string,
  log: (line: string) => void,
): Promise<void> {
  const filter = encodeURIComponent(`externalId eq '${appId}'`);
  const found = (await az.az([
    'rest',
    '--method',
    'GET',
    '--url',
    `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps?$filter=${filter}`,
  ])) as { value: Array<{ id: string }> };
  const id = found.value[0]?.id;
  if (!id) return log('- the Teams app is not in your catalog yet: no catalog id to set');
  const settings = (await az.az([
    'webapp',
    'config',
    'appsettings',
    'list',
    '--resource-group',
    rg,
    '--name',
    `${name}-bot`,
  ])) as Array<{ name: string; value: string }>;
  if (settings.some((setting) => setting.name === 'TEAMS_APP_CATALOG_ID' && setting.value === id))
    return log(`= TEAMS_APP_CATALOG_ID ${id}`);
  await az.az([
    'webapp',
    'config',
    'appsettings',
    'set',
    '--resource-group',
    rg,
    '--name',
    `${name}-bot`,
    '--settings',
    `TEAMS_APP_CATALOG_ID=${id}`,
  ]);
  log(`+ TEAMS_APP_CATALOG_ID ${id}`);
}

function plan(options: SetupOptions, log: (line: string) => void): void {
  const steps = [
    `resource group ${options.resourceGroup} (${options.location}), if missing`,
    `app registration ${options.name}, if missing`,
    `template deploy/azuredeploy.json (baseName=${options.name}, botCredential=federated, OAuth connection ${options.oauthConnectionName})`,
    'app registration: Application ID URI api://<domain>/botid-<app id>, access_as_user, the Teams, Microsoft 365 and Outlook clients, tokens v2, DeviceManagementServiceConfig.ReadWrite.All (delegated), the tab redirect, if not set',
    "federated credentials: the web app's managed identity and the Bot Service token store, if missing",
    'npm run bundle, then az webapp deploy of build/deploy.zip',
    'npm run package (build/appPackage.zip)',
    'TEAMS_APP_CATALOG_ID from the Teams app catalog, once the app is uploaded',
  ];
  log('What-if: nothing is changed. The plan, in order:');
  steps.forEach((step, index) => log(`${index + 1}. ${step}`));
}

function json(value: FederatedCredential | object): string {
  return JSON.stringify(value);
}
