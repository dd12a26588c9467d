import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { forbiddenEndpoint, isForbiddenAddress, trimCredential } from '../../endpoint-rules.js';
import { resolveS3Endpoint, type S3Endpoint } from '../../providers/s3-endpoints.js';
import {
  DEFAULT_PRESIGN_TTL_SECONDS,
  DEFAULT_TIMEOUT_MS,
  type BucketDiscovery,
  type ListEntry,
  type OperationOptions,
  type S3Provider,
  type StatResult,
  type StorageDriver,
  type StorageDriverOptions,
  type StorageTarget,
  type TestConnectionOptions,
  type TestConnectionReport,
  type UploadOptions,
  type UploadResult,
} from '../../storage-driver.js';
import { StorageError, invalidConfig } from '../../storage-errors.js';
import { discoverS3Buckets } from './s3-buckets.js';
import { createS3Client, type S3Connection } from './s3-client.js';
import { testS3Connection } from './s3-connection-test.js';
import { mapS3Error, type S3ErrorContext } from './s3-errors.js';
import { uploadS3Object } from './s3-upload.js';

/**
 * The S3 family (AWS, R2, B2, MinIO, Spaces, Wasabi, any S3-compatible service). Uploads,
 * bucket discovery, the connection test and the error tables live beside it, one file each.
 */
export class S3Driver implements StorageDriver, S3Connection {
  readonly provider: S3Provider;
  readonly bucket: string;
  readonly endpoint: S3Endpoint;
  readonly timeoutMs: number;
  readonly client: S3Client;
  readonly secrets: string[];
  private readonly accessKey: string;
  private readonly secretKey: string;

  constructor(
    readonly target: StorageTarget & { provider: S3Provider },
    readonly options: StorageDriverOptions = {},
  ) {
    this.provider = target.provider;
    const bucket = target.bucket?.trim();
    if (!bucket) throw invalidConfig('A bucket name is required.');
    if (!/^[a-z0-9][a-z0-9._-]{1,62}$/i.test(bucket))
      throw invalidConfig(`"${bucket}" is not a valid bucket name.`);
    this.bucket = bucket;
    const accessKey = trimCredential(target.accessKey);
    const secretKey = trimCredential(target.secretKey);
    if (!accessKey || !secretKey) throw invalidConfig('An access key and a secret key are required.');
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.secrets = [secretKey, target.secretKey ?? undefined].filter((s): s is string => !!s);
    this.endpoint = resolveS3Endpoint(this.provider, target, options);
    // Host names are checked after DNS resolution at connect time (guardedLookup); literal IPs never
    // go through a lookup, so they are checked here.
    const literal = this.endpoint.url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(literal) && !options.allowPrivateEndpoints && isForbiddenAddress(literal)) {
      throw forbiddenEndpoint(literal, literal);
    }
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.client = createS3Client({
      endpoint: this.endpoint,
      accessKey,
      secretKey,
      timeoutMs: this.timeoutMs,
      options,
    });
  }

  /** The optional bucket-discovery capability of the driver contract. */
  async discoverBuckets(options: OperationOptions = {}): Promise<BucketDiscovery> {
    const { scoped_key, message, buckets } = await discoverS3Buckets(this, options.signal);
    return { scoped_key, message, buckets };
  }

  fail(err: unknown, scope: S3ErrorContext['scope'], key?: string): StorageError {
    return mapS3Error(err, {
      provider: this.provider,
      scope,
      bucket: this.bucket,
      key,
      region: this.endpoint.region,
      secrets: this.secrets,
    });
  }

  upload(key: string, body: Readable, options: UploadOptions = {}): Promise<UploadResult> {
    return uploadS3Object(this, key, body, options);
  }

  async download(key: string, options: OperationOptions = {}): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
        abortSignal: options.signal,
      });
      const body = out.Body as Readable | undefined;
      if (!body) throw new StorageError('unknown', `Empty response body for ${key}.`);
      // Errors while streaming (reset, socket idle timeout) are mapped too.
      const mapped = new PassThrough();
      body.on('error', (err) => mapped.destroy(this.fail(err, 'object', key)));
      mapped.on('close', () => body.destroy());
      body.pipe(mapped);
      return mapped;
    } catch (err) {
      throw this.fail(err, 'object', key);
    }
  }

  async stat(key: string, options: OperationOptions = {}): Promise<StatResult | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), {
        abortSignal: options.signal,
      });
      return {
        key,
        size: out.ContentLength ?? 0,
        modifiedAt: out.LastModified ?? null,
        etag: out.ETag?.replace(/"/g, ''),
      };
    } catch (err) {
      const mapped = this.fail(err, 'object', key);
      if (mapped.code === 'not_found') return null;
      throw mapped;
    }
  }

  async delete(key: string, options: OperationOptions = {}): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), {
        abortSignal: options.signal,
      });
    } catch (err) {
      const mapped = this.fail(err, 'object', key);
      if (mapped.code !== 'not_found') throw mapped;
    }
  }

  async deletePrefix(prefix: string, options: OperationOptions = {}): Promise<number> {
    let deleted = 0;
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      try {
        const out = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
          { abortSignal: options.signal },
        );
        const errors = (out.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        if (errors.length) {
          throw new StorageError(
            errors[0].Code === 'AccessDenied' ? 'access_denied' : 'unknown',
            `${errors.length} object(s) could not be deleted (${errors[0].Code}: ${errors[0].Key}).`,
          );
        }
      } catch (err) {
        throw this.fail(err, 'bucket');
      }
      deleted += batch.length;
      batch = [];
    };
    for await (const entry of this.list(prefix, options)) {
      batch.push(entry.key);
      if (batch.length === 1000) await flush();
    }
    await flush();
    await this.abortUnfinishedUploads(prefix, options);
    return deleted;
  }

  /**
   * Aborts multipart uploads left under the prefix by a worker killed mid-upload: their parts are
   * invisible to list but billed. Best effort: a key without ListBucketMultipartUploads (or a
   * server without it) keeps them, and the bucket's lifecycle rule has to collect them.
   */
  private async abortUnfinishedUploads(prefix: string, options: OperationOptions): Promise<void> {
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    try {
      do {
        const out = await this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.bucket,
            Prefix: prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
          { abortSignal: options.signal },
        );
        for (const u of out.Uploads ?? []) {
          await this.client.send(
            new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: u.Key, UploadId: u.UploadId }),
            { abortSignal: options.signal },
          );
        }
        keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
        uploadIdMarker = out.IsTruncated ? out.NextUploadIdMarker : undefined;
      } while (keyMarker);
    } catch (err) {
      if (options.signal?.aborted) throw this.fail(err, 'bucket');
    }
  }

  async *list(prefix: string, options: OperationOptions = {}): AsyncIterable<ListEntry> {
    let token: string | undefined;
    let startAfter: string | undefined;
    do {
      let out;
      try {
        out = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix || undefined,
            ContinuationToken: token,
            StartAfter: token ? undefined : startAfter,
          }),
          { abortSignal: options.signal },
        );
      } catch (err) {
        throw this.fail(err, 'bucket');
      }
      for (const o of out.Contents ?? []) {
        if (!o.Key) continue;
        startAfter = o.Key;
        yield { key: o.Key, size: o.Size ?? 0, modifiedAt: o.LastModified ?? null };
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }

  async presignDownload(key: string, ttlSeconds = DEFAULT_PRESIGN_TTL_SECONDS): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: ttlSeconds,
    });
  }

  async presignUpload(key: string, ttlSeconds = DEFAULT_PRESIGN_TTL_SECONDS): Promise<string> {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: ttlSeconds,
    });
  }

  testConnection(options: TestConnectionOptions = {}): Promise<TestConnectionReport> {
    return testS3Connection(this, this, options);
  }

  /**
   * For the optional server-side copy capability (s3-server-copy.ts): this driver's client, bucket,
   * and an identity of its endpoint + credentials (a digest, never the keys themselves).
   */
  serverCopyContext(): S3ServerCopyContext {
    const identity = createHash('sha256')
      .update([this.endpoint.url.origin, this.endpoint.region, this.accessKey, this.secretKey].join('\n'))
      .digest('hex');
    return {
      client: this.client,
      bucket: this.bucket,
      identity,
      fail: (err, key) => this.fail(err, 'object', key),
    };
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

export interface S3ServerCopyContext {
  client: S3Client;
  bucket: string;
  /** Equal for two drivers on the same endpoint, region and credentials. */
  identity: string;
  fail: (err: unknown, key: string) => StorageError;
}
