import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * botbuilder `Storage` on Azure Blob Storage, with MemoryStorage's eTag semantics:
 * - an item written without an eTag, or with `*`, overwrites;
 * - an item written with an eTag replaces the stored one only if the eTags match (If-Match);
 * - an item written with an eTag that does not exist yet is created, once (If-None-Match: *).
 *
 * botbuilder-azure-blobs' BlobsStorage fails the last case: it sends If-Match for a blob that does not exist, so
 * the first write of TeamsSSOTokenExchangeMiddleware's dedupe record already counts as a duplicate and the first
 * token exchange is dropped (seen on Azurite; botbuilder-dotnet#6861). Conflicts are reported with MemoryStorage's
 * wording, which that middleware recognises.
 */
export class BlobStorage implements Storage {
  private readonly container: ContainerClient;
  private ready: Promise<unknown> | null = null;

  constructor(connectionString: string, containerName: string) {
    // A click has about 5 s: fail fast and say so rather than retry for half a minute.
    const retryOptions = { maxTries: 2, tryTimeoutInMs: 3_000, retryDelayInMs: 200, maxRetryDelayInMs: 500 };
    this.container = BlobServiceClient.fromConnectionString(connectionString, { retryOptions }).getContainerClient(containerName);
  }

  /** Creates the container on first use; a failure is retried on the next call. */
  private ensureContainer(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(encodeURIComponent(key));
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.ensureContainer();
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          const download = await this.blob(key).download();
          const body = await streamToString(download.readableStreamBody);
          items[key] = { ...(JSON.parse(body) as Record<string, unknown>), eTag: download.etag };
        } catch (error) {
          if (!(error instanceof RestError && error.statusCode === 404)) throw error;
        }
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ensureContainer();
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item as Record<string, unknown>)));
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...value } = item;
    const body = JSON.stringify(value);
    const blob = this.blob(key);
    const upload = (conditions: { ifMatch?: string; ifNoneMatch?: string }) =>
      blob.upload(body, Buffer.byteLength(body), { conditions, blobHTTPHeaders: { blobContentType: 'application/json' } });
    const conflict = () => new Error(`Storage: error writing "${key}" due to eTag conflict.`);

    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      await upload({});
      return;
    }
    try {
      await upload({ ifMatch: eTag });
    } catch (error) {
      if (!(error instanceof RestError) || (error.statusCode !== 412 && error.statusCode !== 404)) throw error;
      if (await blob.exists()) throw conflict();
      try {
        await upload({ ifNoneMatch: '*' }); // first write of a new key: create it, once
      } catch (createError) {
        if (createError instanceof RestError && (createError.statusCode === 409 || createError.statusCode === 412)) throw conflict();
        throw createError;
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.ensureContainer();
    await Promise.all(keys.map((key) => this.blob(key).deleteIfExists()));
  }
}

async function streamToString(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
