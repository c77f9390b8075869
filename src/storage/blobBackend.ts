import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient, RestError, type BlockBlobClient, type ContainerClient } from '@azure/storage-blob';
import type { StorageAccess } from '../config';
import { STORAGE_KEY_PATTERN } from './keySegment';
import { BackendError, type Backend, type ConditionalWrite, type StoredText } from './backend';

/**
 * Azure Blob Storage as a Backend: one blob per key, the blob's ETag as the version, HTTP conditions for the
 * conditional writes. The SDK's own retries are off (maxTries: 1): a retried conditional write whose first attempt
 * was applied comes back as 409/412, "someone else won", although we did. Store resolves such cases by reading back.
 * `tryTimeoutInMs` is also sent as the server-side timeout, so a request abandoned here is abandoned there too.
 */
export class BlobBackend implements Backend {
  private readonly container: ContainerClient;
  private ready: Promise<unknown> | null = null;

  constructor(access: StorageAccess, containerName: string, timeoutMs: number) {
    const options = { retryOptions: { maxTries: 1, tryTimeoutInMs: Math.max(1_000, timeoutMs) } };
    const service =
      access.kind === 'connectionString'
        ? BlobServiceClient.fromConnectionString(access.connectionString, options)
        : new BlobServiceClient(
            access.accountUrl,
            new DefaultAzureCredential(access.clientId ? { managedIdentityClientId: access.clientId } : {}),
            options,
          );
    this.container = service.getContainerClient(containerName);
  }

  async get(key: string, signal: AbortSignal): Promise<StoredText | null> {
    await this.ensureContainer(signal);
    try {
      const download = await this.blob(key).download(0, undefined, { abortSignal: signal });
      return { body: await streamToString(download.readableStreamBody), eTag: download.etag ?? '' };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return null;
      throw failure(error, false);
    }
  }

  putIfAbsent(key: string, body: string, _expiresAt: number | null, signal: AbortSignal): Promise<ConditionalWrite> {
    return this.upload(key, body, { ifNoneMatch: '*' }, signal);
  }

  putIfMatch(
    key: string,
    body: string,
    eTag: string,
    _expiresAt: number | null,
    signal: AbortSignal,
  ): Promise<ConditionalWrite> {
    return this.upload(key, body, { ifMatch: eTag }, signal);
  }

  async put(key: string, body: string, _expiresAt: number | null, signal: AbortSignal): Promise<string> {
    const written = await this.upload(key, body, {}, signal);
    return written.ok ? written.eTag : '';
  }

  async delete(key: string, signal: AbortSignal): Promise<void> {
    await this.ensureContainer(signal);
    try {
      await this.blob(key).deleteIfExists({ abortSignal: signal });
    } catch (error) {
      throw failure(error, true);
    }
  }

  async list(prefix: string, signal: AbortSignal): Promise<string[]> {
    await this.ensureContainer(signal);
    const names: string[] = [];
    try {
      for await (const blob of this.container.listBlobsFlat({ prefix, abortSignal: signal })) names.push(blob.name);
    } catch (error) {
      throw failure(error, false);
    }
    return names;
  }

  async ping(signal: AbortSignal): Promise<void> {
    try {
      await this.container.getProperties({ abortSignal: signal });
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return; // reachable; created on first write
      throw failure(error, false);
    }
  }

  private async upload(
    key: string,
    body: string,
    conditions: { ifMatch?: string; ifNoneMatch?: string },
    signal: AbortSignal,
  ): Promise<ConditionalWrite> {
    await this.ensureContainer(signal);
    try {
      const response = await this.blob(key).upload(body, Buffer.byteLength(body), {
        conditions,
        abortSignal: signal,
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return { ok: true, eTag: response.etag ?? '' };
    } catch (error) {
      // 409 BlobAlreadyExists (If-None-Match), 412 ConditionNotMet (If-Match), 404 (If-Match on a blob that is gone).
      if (
        error instanceof RestError &&
        (error.statusCode === 409 || error.statusCode === 412 || error.statusCode === 404)
      )
        return { ok: false };
      throw failure(error, true);
    }
  }

  /** Creates the container on first use; a failure is retried on the next call. */
  private ensureContainer(signal: AbortSignal): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists({ abortSignal: signal }).catch((error: unknown) => {
      this.ready = null;
      throw failure(error, false);
    });
    return this.ready;
  }

  /**
   * Keys keep their `/` folders (so lifecycle rules can match prefixes). KEYS encodes every part from outside as one
   * segment of URL-safe characters, so a key is used as the blob name unchanged; anything else is refused here rather
   * than resolved by a URL parser (`..`) into a blob outside its prefix.
   */
  private blob(key: string): BlockBlobClient {
    if (!STORAGE_KEY_PATTERN.test(key))
      throw new Error(`not a storage key built by KEYS: ${JSON.stringify(key.slice(0, 80))}`);
    return this.container.getBlockBlobClient(key);
  }
}

/**
 * A write that failed without an HTTP answer may have been applied; one that got an HTTP error status was not.
 * Reads and container checks never change anything, so they are never "maybe applied".
 */
function failure(error: unknown, isWrite: boolean): BackendError {
  const answered = error instanceof RestError && typeof error.statusCode === 'number' && error.statusCode > 0;
  const refused = error instanceof RestError && error.code === 'ECONNREFUSED';
  return new BackendError(isWrite && !answered && !refused, 'blob storage request failed', { cause: error });
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
