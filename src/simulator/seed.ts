import type { Connector } from '../graph/types';

/** A realistic tenant: on-premises and hosted connectors, connected and not, one that never synced. */
export function seedConnectors(): Connector[] {
  return [
    {
      id: '6c1c3c57-3b1e-4a55-9b8f-2a0f6a3c0d01',
      exchangeAlias: 'CAS01',
      serverName: 'cas01.contoso.local',
      connectorServerName: 'ICX-CONN-01',
      exchangeConnectorType: 'onPremises',
      exchangeOrganization: 'Contoso',
      status: 'connected',
      version: '15.2.1118.7',
      primarySmtpAddress: 'intune-connector@contoso.com',
      lastSyncDateTime: '2026-11-25T22:14:03Z',
    },
    {
      id: '6c1c3c57-3b1e-4a55-9b8f-2a0f6a3c0d02',
      exchangeAlias: 'CAS02',
      serverName: 'cas02.contoso.local',
      connectorServerName: 'ICX-CONN-02',
      exchangeConnectorType: 'onPremises',
      exchangeOrganization: 'Contoso',
      status: 'disconnected',
      version: '15.2.1118.7',
      primarySmtpAddress: 'intune-connector@contoso.com',
      lastSyncDateTime: '2026-11-19T06:40:51Z',
    },
    {
      id: '0f9a2e61-8d4c-4f0e-a6a7-5e3b9c1d7a10',
      exchangeAlias: 'EXO-Hosted',
      serverName: 'outlook.office365.com',
      connectorServerName: null,
      exchangeConnectorType: 'hosted',
      exchangeOrganization: 'contoso.onmicrosoft.com',
      status: 'connected',
      version: null,
      primarySmtpAddress: null,
      lastSyncDateTime: '2026-11-26T01:02:44Z',
    },
    {
      id: '9b7d4f20-1c2e-4d3a-8f6b-7a8c9d0e1f22',
      exchangeAlias: 'Munich Exchange',
      serverName: 'mucex01.fabrikam.de',
      connectorServerName: 'MUC-ICX',
      exchangeConnectorType: 'onPremises',
      exchangeOrganization: 'Fabrikam',
      status: 'connectionPending',
      version: '15.1.2507.6',
      primarySmtpAddress: 'icx@fabrikam.de',
      lastSyncDateTime: '0001-01-01T00:00:00Z',
    },
  ];
}
