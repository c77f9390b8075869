import type restify from 'restify';
import type { Config } from '../config';
import type { KnownHosts } from '../http/knownHosts';
import type { Logger } from '../logger';
import type { Dashboard } from './dashboard';
import { GRAPH_SCOPE, OnBehalfOf } from './onBehalfOf';
import { LocalAccess, NoAccess, TeamsAccess, type TabAccess } from './tabAccess';
import { TabPage } from './tabPage';
import { registerTabRoutes } from './tabRoutes';
import { TabTokens } from './tabToken';

/** The manifest's `staticTabs[].entityId` of the dashboard: Teams deep links name the tab by it. */
export const DASHBOARD_ENTITY_ID = 'connectors';

/** Puts the dashboard tab (its page and its API) on the bot's server, acting for whom the configuration says. */
export function createTab(
  server: restify.Server,
  config: Config,
  parts: { dashboard: Dashboard; logger: Logger },
): TabPage {
  const { dashboard } = config;
  let access: TabAccess;
  let page: TabPage;
  switch (dashboard.kind) {
    case 'local':
      access = new LocalAccess(dashboard.token);
      page = new TabPage({ mode: 'local' });
      break;
    case 'teams': {
      const tokens = new TabTokens({
        appId: dashboard.appId,
        resource: `api://${dashboard.domain}/botid-${dashboard.appId}`,
        authorityHost: dashboard.authorityHost,
        allowedTenantIds: config.allowedTenantIds,
      });
      access = new TeamsAccess(
        tokens,
        new OnBehalfOf({
          appId: dashboard.appId,
          credential: dashboard.credential,
          authorityHost: dashboard.authorityHost,
        }),
      );
      page = new TabPage({ mode: 'teams', authorizeUrl: consentUrl(dashboard) });
      break;
    }
    case 'notConfigured':
      access = new NoAccess();
      page = new TabPage({ mode: 'notConfigured' });
      break;
  }
  const hosts: KnownHosts =
    dashboard.kind === 'local'
      ? { kind: 'loopback' }
      : dashboard.kind === 'teams'
        ? { kind: 'domain', domain: dashboard.domain }
        : { kind: 'any' };
  registerTabRoutes(server, { hosts, dashboard: parts.dashboard, access, page, logger: parts.logger });
  return page;
}

/** Where the consent window sends the user: Entra's consent prompt for the Graph permission, back to the tab's page. */
function consentUrl(dashboard: Extract<Config['dashboard'], { kind: 'teams' }>): string {
  const url = new URL(`${dashboard.authorityHost}/${dashboard.tenantId || 'organizations'}/oauth2/v2.0/authorize`);
  url.searchParams.set('client_id', dashboard.appId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('response_mode', 'query');
  url.searchParams.set('redirect_uri', `https://${dashboard.domain}/tab/consent-end`);
  url.searchParams.set('scope', GRAPH_SCOPE);
  url.searchParams.set('prompt', 'consent');
  return url.href;
}
