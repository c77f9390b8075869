import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodedTenantId,
  managedIdentityCredential,
  tokenStoreCredential,
} from '../../scripts/azure/federatedCredentials';

describe('the federated credentials of a zero-secret deployment', () => {
  it("encodes a tenant id in Microsoft's GUID byte order, base64url without padding (the documented example)", () => {
    expect(encodedTenantId('72f988bf-86f1-41af-91ab-2d7cd011db47')).toBe('v4j5cvGGr0GRqy180BHbRw');
  });

  it('the encoding is reversible: 16 bytes, the first three fields little-endian', () => {
    fc.assert(
      fc.property(fc.uuid(), (tenant) => {
        const bytes = Buffer.from(encodedTenantId(tenant), 'base64url');
        expect(bytes).toHaveLength(16);
        const hex = bytes.toString('hex');
        const [a, b, c] = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16)].map((field) =>
          Buffer.from(field, 'hex').reverse().toString('hex'),
        );
        expect(`${a}-${b}-${c}-${hex.slice(16, 20)}-${hex.slice(20)}`).toBe(tenant.toLowerCase());
      }),
    );
  });

  it("the token store's credential: issuer of the tenant, the documented subject with the connection's unique identifier, Entra's exchange audience", () => {
    expect(tokenStoreCredential('72f988bf-86f1-41af-91ab-2d7cd011db47', 'connsync-graph')).toEqual({
      name: 'bot-token-store-connsync-graph',
      issuer: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
      subject: '/eid1/c/pub/t/v4j5cvGGr0GRqy180BHbRw/a/9ExAW52n_ky4ZiS_jhpJIQ/connsync-graph',
      audiences: ['api://AzureADTokenExchange'],
    });
    expect(managedIdentityCredential('72f988bf-86f1-41af-91ab-2d7cd011db47', 'principal-1')).toMatchObject({
      subject: 'principal-1',
      audiences: ['api://AzureADTokenExchange'],
    });
    expect(() => tokenStoreCredential('contoso.onmicrosoft.com', 'x')).toThrow('not a tenant id');
  });
});
