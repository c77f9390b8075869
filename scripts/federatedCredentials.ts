/**
 * `npm run azure:credentials -- --app-id <app id> --tenant <tenant id> --principal <identity principal id>
 * --unique-identifier <template output tokenStoreUniqueIdentifier>`: prints the two `az` commands that add the
 * federated credentials a zero-secret deployment needs (deploy/README.md, step 3.2). Changes nothing itself.
 */
import { parseArgs } from 'node:util';
import { managedIdentityCredential, tokenStoreCredential } from './azure/federatedCredentials';

const { values } = parseArgs({
  options: {
    'app-id': { type: 'string' },
    tenant: { type: 'string' },
    principal: { type: 'string' },
    'unique-identifier': { type: 'string' },
  },
});
const appId = values['app-id'];
const { tenant, principal } = values;
const uniqueIdentifier = values['unique-identifier'];
if (!appId || !tenant || !principal || !uniqueIdentifier) {
  console.error(
    'usage: npm run azure:credentials -- --app-id <app id> --tenant <tenant id> --principal <managed identity principal id> --unique-identifier <tokenStoreUniqueIdentifier output>',
  );
  process.exit(2);
}
for (const credential of [managedIdentityCredential(tenant, principal), tokenStoreCredential(tenant, uniqueIdentifier)])
  console.log(`az ad app federated-credential create --id ${appId} --parameters '${JSON.stringify(credential)}'`);
