/**
 * `npm run azure:setup -- --resource-group <rg> --name <base name> [--location westeurope] [--what-if]`: the whole
 * zero-secret deployment with the Azure CLI (signed in with `az login`), in order, each step only when it is not done
 * yet, so a second run changes nothing. Stops at the first failure with what `az` said. deploy/README.md explains it.
 */
import { parseArgs } from 'node:util';
import { cliRunner, SetupStepError } from './azure/runner';
import { runSetup } from './azure/setup';

const { values } = parseArgs({
  options: {
    'resource-group': { type: 'string' },
    name: { type: 'string' },
    location: { type: 'string', default: 'westeurope' },
    'oauth-connection': { type: 'string', default: 'graph' },
    credential: { type: 'string', default: 'federated' },
    'what-if': { type: 'boolean', default: false },
  },
});
const resourceGroup = values['resource-group'];
if (!resourceGroup || !values.name) {
  console.error(
    'usage: npm run azure:setup -- --resource-group <rg> --name <base name> [--location <region>] [--what-if]',
  );
  process.exit(2);
}
if (values.credential !== 'federated') {
  console.error(
    '--credential keyVaultSecret is set up by hand (deploy/README.md): a secret cannot be created twice idempotently.',
  );
  process.exit(2);
}
runSetup(
  {
    resourceGroup,
    name: values.name,
    location: values.location,
    oauthConnectionName: values['oauth-connection'],
    whatIf: values['what-if'],
  },
  cliRunner,
  (line) => console.log(line),
).catch((error: unknown) => {
  console.error(error instanceof SetupStepError ? `Stopped. ${error.message}` : error);
  process.exit(1);
});
