// A fake Azure CLI (and npm) for the setup command's tests: put on PATH as `az` and `npm` by shims. It keeps what
// exists in a JSON state file (FAKE_AZ_STATE), records every call (FAKE_AZ_LOG, JSON lines), answers as `az ...
// --output json` does, and fails the first call whose command line contains FAKE_AZ_FAIL, with az's error style.
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const [tool, ...args] = process.argv.slice(2);
const statePath = process.env.FAKE_AZ_STATE;
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const line = args.filter((arg) => arg !== '--output' && arg !== 'json').join(' ');
appendFileSync(
  process.env.FAKE_AZ_LOG,
  `${JSON.stringify({ tool, args: args.filter((a) => a !== '--output' && a !== 'json') })}\n`,
);
const save = () => writeFileSync(statePath, JSON.stringify(state));
const out = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);
const arg = (name) => args[args.indexOf(name) + 1];

if (process.env.FAKE_AZ_FAIL && `${tool} ${line}`.includes(process.env.FAKE_AZ_FAIL)) {
  process.stderr.write(`ERROR: (Authorization_RequestDenied) Insufficient privileges to complete the operation.\n`);
  process.exit(1);
}
if (tool === 'npm') process.exit(0);

const app = () => Object.values(state.apps).find((one) => one.appId === arg('--id'));
if (line.startsWith('account show')) out({ tenantId: state.tenantId });
else if (line.startsWith('group exists')) out(state.groups.includes(arg('--name')));
else if (line.startsWith('group create')) {
  state.groups.push(arg('--name'));
  save();
  out({ name: arg('--name') });
} else if (line.startsWith('ad app list')) {
  out(
    Object.values(state.apps)
      .filter((one) => one.displayName === arg('--display-name'))
      .map(({ appId, id }) => ({ appId, id })),
  );
} else if (line.startsWith('ad app create')) {
  const created = {
    appId: randomUUID(),
    id: randomUUID(),
    displayName: arg('--display-name'),
    graph: {},
    credentials: [],
  };
  state.apps[created.id] = created;
  save();
  out({ appId: created.appId, id: created.id });
} else if (line.startsWith('deployment group create')) {
  out({
    botDomain: { value: `${arg('--parameters').replace('baseName=', '')}-bot.azurewebsites.net` },
    managedIdentityPrincipalId: { value: state.principalId },
    tokenStoreUniqueIdentifier: { value: `${arg('--parameters').replace('baseName=', '')}-graph` },
  });
} else if (line.startsWith('rest --method GET --url https://graph.microsoft.com/v1.0/applications/')) {
  out(state.apps[arg('--url').split('/').pop()].graph);
} else if (line.startsWith('rest --method PATCH --url https://graph.microsoft.com/v1.0/applications/')) {
  const target = state.apps[arg('--url').split('/').pop()];
  Object.assign(target.graph, JSON.parse(arg('--body')));
  save();
} else if (line.startsWith('ad app federated-credential list')) out(app().credentials.map((one) => one.name));
else if (line.startsWith('ad app federated-credential create')) {
  app().credentials.push(JSON.parse(arg('--parameters')));
  save();
  out({});
} else if (line.startsWith('webapp deploy')) out({});
else if (line.startsWith('rest --method GET --url https://graph.microsoft.com/v1.0/appCatalogs/teamsApps'))
  out({ value: state.catalogId ? [{ id: state.catalogId }] : [] });
else if (line.startsWith('webapp config appsettings list'))
  out(Object.entries(state.settings).map(([name, value]) => ({ name, value })));
else if (line.startsWith('webapp config appsettings set')) {
  const [name, value] = arg('--settings').split('=');
  state.settings[name] = value;
  save();
  out([]);
} else {
  process.stderr.write(`ERROR: the fake az does not know: az ${line}\n`);
  process.exit(2);
}
