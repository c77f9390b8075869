import type { StorageAccess, StorageMode } from './config';
import type { SettingValues } from './settings';

/**
 * Where state lives, from BOT_STORAGE and the storage settings: local mode keeps it in its embedded store by
 * default; Teams mode has no default (memory loses everything at a restart, so it must be chosen explicitly).
 */
export function storageMode(values: SettingValues, local: boolean, problems: string[]): StorageMode {
  const chosen = values.BOT_STORAGE || (local ? 'local' : '');
  if (chosen === '') {
    problems.push(
      'BOT_STORAGE is required in Teams mode: blob (Azure Blob Storage; the template sets it), or memory, set explicitly (a restart then loses pending confirmations, followed syncs and the sync history)',
    );
    return { kind: 'memory' };
  }
  if (chosen === 'local') {
    if (!local)
      problems.push(
        'BOT_STORAGE=local is for local mode (an embedded store that is not deployed): use blob in Teams mode',
      );
    return { kind: 'local', dataDir: values.LOCAL_DATA_DIR || '.data', container: values.AZURE_STORAGE_CONTAINER };
  }
  if (chosen === 'memory') return { kind: 'memory' };
  const connectionString = values.AZURE_STORAGE_CONNECTION_STRING;
  const accountUrl = values.AZURE_STORAGE_ACCOUNT_URL;
  if (!connectionString && !accountUrl) {
    problems.push(
      'BOT_STORAGE=blob needs AZURE_STORAGE_ACCOUNT_URL (a managed identity reaches it; Azure) or AZURE_STORAGE_CONNECTION_STRING (Azurite, development)',
    );
  }
  if (connectionString && accountUrl) {
    problems.push(
      'AZURE_STORAGE_ACCOUNT_URL and AZURE_STORAGE_CONNECTION_STRING are both set: keep one (the account URL in Azure, the connection string for Azurite)',
    );
  }
  if (accountUrl && accountUrl.protocol !== 'https:')
    problems.push(
      `AZURE_STORAGE_ACCOUNT_URL="${accountUrl.href}" must use https (a managed identity's token is sent to it)`,
    );
  const access: StorageAccess = accountUrl
    ? { kind: 'identity', accountUrl: accountUrl.href.replace(/\/$/, ''), clientId: values.AZURE_CLIENT_ID }
    : { kind: 'connectionString', connectionString };
  return { kind: 'blob', access, container: values.AZURE_STORAGE_CONTAINER };
}
