import type { Messages } from '../i18n';
import { StorageFullError, StorageUnavailableError } from '../storage';
import { TokenServiceError } from './signIn';

/** What to tell a user when their turn failed for a reason they can do something about (try again later). */
export function problemText(error: unknown, m: Messages): string {
  if (error instanceof StorageUnavailableError) return m.storageUnavailable;
  if (error instanceof StorageFullError) return m.storageFull;
  if (error instanceof TokenServiceError) return m.tokenServiceUnavailable;
  return m.unexpectedError;
}

/** Whether a failure is a known outage (told to the user as such) rather than a bug. */
export function isKnownProblem(error: unknown): boolean {
  return (
    error instanceof StorageUnavailableError || error instanceof StorageFullError || error instanceof TokenServiceError
  );
}
