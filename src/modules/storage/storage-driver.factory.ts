import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { FtpDriver } from './drivers/ftp/ftp.driver.js';
import { LocalDriver } from './drivers/local/local.driver.js';
import { S3Driver } from './drivers/s3/s3.driver.js';
import { SftpDriver } from './drivers/sftp/sftp.driver.js';
import {
  type BucketDiscovery,
  type ListEntry,
  type OperationOptions,
  type StatResult,
  type StorageDriver,
  type StorageDriverOptions,
  type StorageTarget,
  type TestConnectionOptions,
  type TestConnectionReport,
  type UploadOptions,
  type UploadResult,
  STORAGE_PROVIDERS,
} from './storage-driver.js';
import { invalidConfig } from './storage-errors.js';
import { normalizeKey, normalizeListPrefix, normalizePathPrefix } from './storage-keys.js';
import { configurationFailedReport } from './test-connection.js';

/** Builds the raw driver for a provider. Exhaustive: a new provider fails to compile until handled. */
export function createRawDriver(target: StorageTarget, options: StorageDriverOptions = {}): StorageDriver {
  const provider = target.provider;
  switch (provider) {
    case 'aws_s3':
    case 'cloudflare_r2':
    case 'backblaze_b2':
    case 'minio':
    case 'digitalocean_spaces':
    case 'wasabi':
    case 's3_compatible':
      return new S3Driver({ ...target, provider }, options);
    case 'ftp':
      return new FtpDriver(target, options);
    case 'sftp':
      return new SftpDriver(target, options);
    case 'local':
      return new LocalDriver(target, options);
    default: {
      const never: never = provider;
      throw invalidConfig(
        `Unknown storage provider "${String(never)}".`,
        `Use one of: ${STORAGE_PROVIDERS.join(', ')}.`,
      );
    }
  }
}

/**
 * The decorator every caller gets: normalizes keys, refuses `..` and absolute keys and applies the
 * configured path prefix, so no operation can reach outside the prefix. Listed keys come back
 * relative to the prefix.
 */
export class PrefixedStorageDriver implements StorageDriver {
  readonly prefix: string;
  /** Present when the inner driver has the capability (buckets are above any path prefix). */
  readonly discoverBuckets?: (options?: OperationOptions) => Promise<BucketDiscovery>;
  readonly removeEmptyFolder?: (prefix: string, options?: OperationOptions) => Promise<void>;

  constructor(
    readonly inner: StorageDriver,
    pathPrefix: string | null | undefined,
  ) {
    this.prefix = normalizePathPrefix(pathPrefix);
    if (inner.discoverBuckets) this.discoverBuckets = (options) => inner.discoverBuckets!(options);
    if (inner.removeEmptyFolder) {
      this.removeEmptyFolder = async (prefix, options) => {
        const folder = normalizeListPrefix(prefix);
        // Never the configured prefix or the root itself: only folders below them.
        if (!folder) throw invalidConfig('Refusing to remove the storage root: give a folder.');
        return inner.removeEmptyFolder!(this.prefix + folder, options);
      };
    }
  }

  get provider() {
    return this.inner.provider;
  }

  private full(key: string): string {
    return this.prefix + normalizeKey(key);
  }

  async upload(key: string, body: Readable, options?: UploadOptions): Promise<UploadResult> {
    const r = await this.inner.upload(this.full(key), body, options);
    return { ...r, key: normalizeKey(key) };
  }

  download(key: string, options?: OperationOptions): Promise<Readable> {
    return this.inner.download(this.full(key), options);
  }

  async stat(key: string, options?: OperationOptions): Promise<StatResult | null> {
    const s = await this.inner.stat(this.full(key), options);
    return s && { ...s, key: normalizeKey(key) };
  }

  delete(key: string, options?: OperationOptions): Promise<void> {
    return this.inner.delete(this.full(key), options);
  }

  async deletePrefix(prefix: string, options?: OperationOptions): Promise<number> {
    const p = this.prefix + normalizeListPrefix(prefix);
    // An empty prefix on an unprefixed config would wipe the whole bucket: require it explicitly.
    if (!p) throw invalidConfig('Refusing to delete everything in the bucket: give a prefix.');
    return this.inner.deletePrefix(p, options);
  }

  async *list(prefix: string, options?: OperationOptions): AsyncIterable<ListEntry> {
    for await (const e of this.inner.list(this.prefix + normalizeListPrefix(prefix), options)) {
      if (e.key.startsWith(this.prefix)) yield { ...e, key: e.key.slice(this.prefix.length) };
    }
  }

  presignDownload(key: string, ttlSeconds?: number): Promise<string> {
    return this.inner.presignDownload(this.full(key), ttlSeconds);
  }

  presignUpload(key: string, ttlSeconds?: number): Promise<string> {
    return this.inner.presignUpload(this.full(key), ttlSeconds);
  }

  testConnection(options?: TestConnectionOptions): Promise<TestConnectionReport> {
    return this.inner.testConnection(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export function createStorageDriver(
  target: StorageTarget,
  options: StorageDriverOptions = {},
): PrefixedStorageDriver {
  return new PrefixedStorageDriver(createRawDriver(target, options), target.pathPrefix);
}

/**
 * Test a configuration end to end; never throws for configuration or server problems (they are in
 * the report). Closes the driver afterwards.
 */
export async function testStorageTarget(
  target: StorageTarget,
  options: StorageDriverOptions = {},
  signal?: AbortSignal,
  light = false,
): Promise<TestConnectionReport> {
  let driver: StorageDriver;
  try {
    driver = createStorageDriver(target, options);
  } catch (err) {
    return configurationFailedReport(target.provider, err);
  }
  try {
    return await driver.testConnection({ signal, light });
  } finally {
    await driver.close().catch(() => undefined);
  }
}

export const STORAGE_DRIVER_OPTIONS = Symbol('STORAGE_DRIVER_OPTIONS');

/** Nest provider: one driver per storage config, with the platform's driver options. */
@Injectable()
export class StorageDriverFactory {
  constructor(
    @Optional() @Inject(STORAGE_DRIVER_OPTIONS) private readonly options: StorageDriverOptions = {},
  ) {}

  create(target: StorageTarget, overrides: StorageDriverOptions = {}): PrefixedStorageDriver {
    return createStorageDriver(target, { ...this.options, ...overrides });
  }

  test(target: StorageTarget, overrides: StorageDriverOptions = {}, signal?: AbortSignal, light = false) {
    return testStorageTarget(target, { ...this.options, ...overrides }, signal, light);
  }
}
