/**
 * The two federated identity credentials a zero-secret deployment needs on the bot's app registration. Sources:
 * Bot Service "Implement authentication with federated identity credentials"; Microsoft 365 Agents SDK "Configure
 * user authorization with federated credentials" (see docs/platform-notes.md).
 */

/** Entra's audience for every federated credential. */
export const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange';
/** The Bot Service token store's own application, in the subject of its credential (as Microsoft documents it). */
const TOKEN_STORE_APP = '9ExAW52n_ky4ZiS_jhpJIQ';

export interface FederatedCredential {
  name: string;
  issuer: string;
  subject: string;
  audiences: [string];
}

/**
 * A tenant id as the token store's subject encodes it: the GUID's 16 bytes in Microsoft's byte order (.NET's
 * Guid.ToByteArray: the first three fields little-endian), base64url without padding.
 */
export function encodedTenantId(tenantId: string): string {
  const hex = tenantId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a tenant id (GUID): ${tenantId}`);
  const bytes = Buffer.from(hex, 'hex');
  bytes.subarray(0, 4).reverse();
  bytes.subarray(4, 6).reverse();
  bytes.subarray(6, 8).reverse();
  return bytes.toString('base64url');
}

/**
 * The credential the OAuth connection ("AAD v2 with Federated Credentials") signs users in with: without it, Entra
 * answers AADSTS7002137 at the first sign-in. `uniqueIdentifier` is the connection's chosen Unique Identifier.
 */
export function tokenStoreCredential(tenantId: string, uniqueIdentifier: string): FederatedCredential {
  return {
    name: `bot-token-store-${uniqueIdentifier}`.slice(0, 120),
    issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    subject: `/eid1/c/pub/t/${encodedTenantId(tenantId)}/a/${TOKEN_STORE_APP}/${uniqueIdentifier}`,
    audiences: [FEDERATED_AUDIENCE],
  };
}

/** The credential that lets the bot's user-assigned managed identity act as the app registration (no secret). */
export function managedIdentityCredential(
  tenantId: string,
  managedIdentityPrincipalId: string,
  name = 'bot-managed-identity',
): FederatedCredential {
  return {
    name,
    issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    subject: managedIdentityPrincipalId,
    audiences: [FEDERATED_AUDIENCE],
  };
}
