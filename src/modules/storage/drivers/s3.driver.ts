import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { PassThrough, Readable, pipeline } from 'node:stream';
import tls from 'node:tls';
import {
  forbiddenEndpoint,
  guardedLookup,
  isForbiddenAddress,
  resolveS3Endpoint,
  trimCredential,
  type S3Endpoint,
} from '../endpoint-rules.js';
import { normalizePathPrefix } from '../storage-keys.js';
import {
  DEFAULT_PRESIGN_TTL_SECONDS,
  DEFAULT_TIMEOUT_MS,
  type ListEntry,
  type OperationOptions,
  type TestConnectionOptions,
  type S3Provider,
  type StatResult,
  type StorageDriver,
  type StorageDriverOptions,
  type StorageTarget,
  type TestConnectionReport,
  type UploadOptions,
  type UploadResult,
  type BucketDiscovery,
} from '../storage-driver.js';
import {
  StorageError,
  abortedError,
  invalidConfig,
  mapNetworkError,
  redact,
  type StorageErrorCode,
} from '../storage-errors.js';
import { ByteCounter } from '../pipeline/byte-counter.js';
import { probeSocket, runTestConnection } from '../test-connection.js';
import { uploadMultipart } from './s3-multipart.js';

const MiB = 1024 * 1024;
const MIN_PART = 5 * MiB;
const DEFAULT_PART = 5 * MiB;
const MAX_PART = 5 * 1024 * MiB;
/** Part buffers (partSize × (queueSize + 1): those uploading and the one being filled) stay within this. */
const UPLOAD_BUFFER_BUDGET = 64 * MiB;

export const SCOPED_KEY_MESSAGE =
  'This appears to be a bucket-scoped key. Please add the bucket names manually.';

const PROVIDER_NAMES: Record<S3Provider, string> = {
  aws_s3: 'AWS S3',
  cloudflare_r2: 'Cloudflare R2',
  backblaze_b2: 'Backblaze B2',
  minio: 'MinIO',
  digitalocean_spaces: 'DigitalOcean Spaces',
  wasabi: 'Wasabi',
  s3_compatible: 'S3-compatible storage',
};

const AUTH_HINTS: Record<S3Provider, string> = {
  aws_s3:
    'Check the IAM access key ID and secret access key (no surrounding spaces) and that the key is active.',
  cloudflare_r2:
    'Use the Access Key ID and Secret Access Key of an R2 API token (R2 → Manage R2 API Tokens), not a Cloudflare API token.',
  backblaze_b2: 'Use the application key ID as access key and the application key as secret key.',
  minio: 'Check the MinIO access key and secret key (or the service account credentials).',
  digitalocean_spaces: 'Use a Spaces access key (API → Spaces Keys), not a personal access token.',
  wasabi: 'Check the Wasabi access key and secret key (Access Keys in the Wasabi console).',
  s3_compatible: 'Check the access key and secret key for this S3-compatible service.',
};

const ACCESS_HINTS: Record<S3Provider, string> = {
  aws_s3:
    'The IAM policy must allow s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on the bucket.',
  cloudflare_r2: 'The R2 API token needs "Object Read & Write" on this bucket.',
  backblaze_b2: 'The application key needs listFiles, readFiles, writeFiles and deleteFiles on this bucket.',
  minio:
    'The MinIO policy must allow s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on the bucket.',
  digitalocean_spaces: 'A limited Spaces key needs read/write/delete access to this bucket.',
  wasabi: 'The Wasabi policy must allow listing, reading, writing and deleting objects in this bucket.',
  s3_compatible: 'The key needs list, read, write and delete permissions on this bucket.',
};

const AUTH_ERROR_NAMES = new Set([
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'InvalidToken',
  'ExpiredToken',
  'InvalidSecurity',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidArgument',
]);
const QUOTA_ERROR_NAMES = new Set([
  'QuotaExceeded',
  'XMinioStorageFull',
  'StorageFull',
  'InsufficientStorage',
]);

interface S3ErrorLike {
  name?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

export interface S3ErrorContext {
  provider: S3Provider;
  /** What the failed request addressed: HEAD responses have no body, so a 404 means the addressee. */
  scope: 'account' | 'bucket' | 'object';
  bucket?: string;
  key?: string;
  region: string;
  secrets: readonly (string | undefined)[];
}

export function mapS3Error(err: unknown, ctx: S3ErrorContext): StorageError {
  if (err instanceof StorageError) return err;
  const e = (err ?? {}) as S3ErrorLike;
  if (e.name === 'AbortError') return abortedError(err);
  const net = mapNetworkError(err, ctx.secrets);
  if (net) return net;
  const status = e.$metadata?.httpStatusCode;
  const name = e.Code ?? e.name ?? 'Error';
  const raw = redact(e.message ?? String(err), ctx.secrets);
  const make = (code: StorageErrorCode, message: string, hint?: string, details?: StorageError['details']) =>
    new StorageError(code, message, { hint, cause: err, providerMessage: `${name}: ${raw}`, details });
  const provider = PROVIDER_NAMES[ctx.provider];

  if (name === 'TimeoutError' || name === 'RequestTimeout') {
    return make(
      'timeout',
      `${provider} did not answer in time.`,
      'Check that the endpoint is reachable and not overloaded.',
    );
  }
  if (name === 'RequestTimeTooSkewed') {
    return make(
      'auth_failed',
      'The request was rejected because the server clock and this server clock differ by more than 15 minutes.',
      'Synchronise the system clock (NTP); S3 signatures are only valid within 15 minutes.',
    );
  }
  const regionHeader = e.$response?.headers?.['x-amz-bucket-region'];
  const expecting = /expecting '([^']+)'/.exec(e.message ?? '')?.[1];
  if (name === 'AuthorizationHeaderMalformed' && expecting) {
    return make(
      'region_mismatch',
      `The bucket's region is ${expecting}, but the configuration says ${ctx.region}.`,
      `Set the region to ${expecting}.`,
      { expected_region: expecting },
    );
  }
  if (status === 301 || name === 'PermanentRedirect' || name === 'IllegalLocationConstraintException') {
    const expected = regionHeader ?? expecting;
    return make(
      'region_mismatch',
      expected
        ? `The bucket's region is ${expected}, but the configuration says ${ctx.region}.`
        : `The bucket is not in region ${ctx.region}.`,
      expected ? `Set the region to ${expected}.` : 'Set the region the bucket was created in.',
      { expected_region: expected ?? null },
    );
  }
  if (AUTH_ERROR_NAMES.has(name) && name !== 'InvalidArgument') {
    return make('auth_failed', `${provider} rejected the credentials (${name}).`, AUTH_HINTS[ctx.provider]);
  }
  if (name === 'NoSuchBucket' || (status === 404 && ctx.scope === 'bucket')) {
    return make(
      'bucket_not_found',
      `The bucket "${ctx.bucket ?? ''}" does not exist${ctx.provider === 'aws_s3' ? ' (or is in another account)' : ''}.`,
      'Check the bucket name (case-sensitive) and that it was created in this account and region.',
    );
  }
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) {
    return make('not_found', `Object ${ctx.key ?? ''} not found.`);
  }
  if (QUOTA_ERROR_NAMES.has(name) || status === 507) {
    return make(
      'quota_exceeded',
      `${provider} refused the write: storage quota exceeded.`,
      'Free space or raise the quota.',
    );
  }
  if (status === 403 || name === 'AccessDenied' || name === 'AllAccessDisabled') {
    return make(
      'access_denied',
      `Access denied by ${provider}${ctx.bucket ? ` for bucket "${ctx.bucket}"` : ''}.`,
      `${ACCESS_HINTS[ctx.provider]}${ctx.scope !== 'account' && name === 'Forbidden' ? ' (A HEAD request gives no detail: a wrong secret key also shows as access denied.)' : ''}`,
    );
  }
  if (name === 'EntityTooLarge') {
    return make(
      'quota_exceeded',
      `${provider} refused the object as too large.`,
      'Check the provider object size limit.',
    );
  }
  if (status === 501 || name === 'NotImplemented') {
    return make('not_supported', `${provider} does not implement this operation (${name}).`);
  }
  return make('unknown', `${provider} error ${name}${status ? ` (HTTP ${status})` : ''}.`);
}

export interface S3PartPlan {
  partSize: number;
  queueSize: number;
  maxBytes: number;
}

/** Part size from the known or estimated size and the provider's part-count limit. */
export function planParts(size: number | undefined, maxParts: number, queueSize: number): S3PartPlan {
  let partSize = DEFAULT_PART;
  if (size !== undefined && size > 0) {
    // 20 % headroom: estimates (database size) are rough and dumps can grow.
    const needed = Math.ceil((size * 1.2) / maxParts / MiB) * MiB;
    partSize = Math.max(needed, MIN_PART);
    if (partSize > MAX_PART) {
      throw invalidConfig(
        `An upload of about ${Math.round(size / 1024 ** 3)} GiB does not fit into ${maxParts} parts of at most 5 GiB.`,
        'Split the backup or use a provider with a higher part-count limit.',
      );
    }
  }
  const q = Math.max(1, Math.min(queueSize, Math.floor(UPLOAD_BUFFER_BUDGET / partSize)));
  return { partSize, queueSize: q, maxBytes: partSize * maxParts };
}

export class S3Driver implements StorageDriver {
  readonly provider: S3Provider;
  private readonly bucket: string;
  private readonly endpoint: S3Endpoint;
  private readonly accessKey: string;
  private readonly secretKey: string;
  private readonly timeoutMs: number;
  private readonly client: S3Client;
  private readonly secrets: string[];

  constructor(
    private readonly target: StorageTarget & { provider: S3Provider },
    private readonly options: StorageDriverOptions = {},
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
    this.client = this.createClient();
  }

  private createClient(): S3Client {
    const agentOptions = {
      keepAlive: true,
      maxSockets: 32,
      lookup: guardedLookup(this.options.allowPrivateEndpoints ?? false),
      ...(this.options.caCert ? { ca: [...tls.rootCertificates, this.options.caCert] } : {}),
    };
    const checksums = this.options.s3Checksums === 'when_supported' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
    const client = new S3Client({
      region: this.endpoint.region,
      endpoint: this.endpoint.endpoint,
      forcePathStyle: this.endpoint.forcePathStyle,
      credentials: { accessKeyId: this.accessKey, secretAccessKey: this.secretKey },
      requestChecksumCalculation: checksums,
      responseChecksumValidation: checksums,
      maxAttempts: this.options.maxAttempts ?? 3,
      requestHandler: {
        connectionTimeout: this.timeoutMs,
        socketTimeout: this.timeoutMs,
        httpAgent: new http.Agent(agentOptions),
        httpsAgent: new https.Agent(agentOptions),
      },
    });
    if (this.options.s3ContentMd5OnDelete ?? true) {
      // Swift (and B2 with Object Lock) require Content-MD5 on DeleteObjects; the SDK sends CRC32.
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const request = args.request as { headers?: Record<string, string>; body?: unknown };
          if (
            context.commandName === 'DeleteObjectsCommand' &&
            request.headers &&
            request.body !== undefined
          ) {
            const body = request.body;
            if (typeof body === 'string' || body instanceof Uint8Array) {
              request.headers['content-md5'] = createHash('md5').update(body).digest('base64');
            }
          }
          return next(args);
        },
        { step: 'build', name: 'offsiteContentMd5OnDeleteObjects', priority: 'low' },
      );
    }
    return client;
  }

  /**
   * Seed 000 bucket discovery: with a configured bucket list, HeadBucket each ("Access to N/M
   * buckets"); without one, ListBuckets, where a 403 means a bucket-scoped key (thrown with the
   * contract's scoped-key message). Other failures are thrown as typed errors.
   */
  async discoverBuckets(
    signal?: AbortSignal,
  ): Promise<BucketDiscovery & { errors: (StorageError | null)[] }> {
    const configured = (this.target.buckets ?? []).map((b) => b.trim()).filter(Boolean);
    if (configured.length) {
      const errors = await Promise.all(
        configured.map((b) =>
          this.client
            .send(new HeadBucketCommand({ Bucket: b }), { abortSignal: signal })
            .then(() => null)
            .catch((err: unknown) => mapS3Error(err, { ...this.errorContext(), scope: 'bucket', bucket: b })),
        ),
      );
      const ok = errors.filter((e) => e === null).length;
      return {
        scoped_key: true,
        message: `Connected. Access to ${ok}/${configured.length} buckets.`,
        buckets: configured.map((name, i) => ({
          name,
          accessible: errors[i] === null,
          ...(errors[i] ? { error: errors[i]!.message } : {}),
        })),
        errors,
      };
    }
    try {
      const out = await this.client.send(new ListBucketsCommand({}), { abortSignal: signal });
      const names = (out.Buckets ?? []).map((b) => b.Name ?? '').filter(Boolean);
      return {
        scoped_key: false,
        message: 'Connection successful (full API access)',
        buckets: names.map((name) => ({ name, accessible: true })),
        errors: [],
      };
    } catch (err) {
      const mapped = this.fail(err, 'account');
      if (mapped.code !== 'access_denied') throw mapped;
      throw new StorageError('access_denied', SCOPED_KEY_MESSAGE, {
        hint: 'List the buckets this key may use in the buckets field; the test then checks each with HeadBucket.',
        cause: err,
      });
    }
  }

  private fail(err: unknown, scope: S3ErrorContext['scope'], key?: string): StorageError {
    return mapS3Error(err, {
      provider: this.provider,
      scope,
      bucket: this.bucket,
      key,
      region: this.endpoint.region,
      secrets: this.secrets,
    });
  }

  async upload(key: string, body: Readable, options: UploadOptions = {}): Promise<UploadResult> {
    const plan = planParts(
      options.contentLength ?? options.sizeEstimate ?? this.options.partSizeEstimate,
      this.options.maxParts ?? 10_000,
      this.options.queueSize ?? 4,
    );
    if (options.contentLength !== undefined && options.contentLength > plan.maxBytes) {
      throw invalidConfig(`The object is larger than ${plan.maxBytes} bytes, the part-count limit.`);
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    if (options.signal?.aborted) throw abortedError(options.signal.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let limitError: StorageError | undefined;
    const counter = new ByteCounter((bytes) => {
      if (bytes > plan.maxBytes && !limitError) {
        limitError = new StorageError(
          'invalid_config',
          `The upload passed ${plan.maxBytes} bytes, the limit for ${this.options.maxParts ?? 10_000} parts of ${plan.partSize / MiB} MiB.`,
          { hint: 'Pass a size estimate (e.g. the database size) so a larger part size is chosen.' },
        );
        counter.destroy(limitError);
      }
      options.onProgress?.(bytes);
    }, options.contentLength);
    pipeline(body, counter, () => undefined);
    let requestError: unknown;
    try {
      const result = await uploadMultipart(
        this.client,
        counter,
        {
          bucket: this.bucket,
          key,
          contentType: options.contentType ?? 'application/octet-stream',
          storageClass: this.target.storageClass ?? undefined,
          partSize: plan.partSize,
          queueSize: plan.queueSize,
          signal: controller.signal,
          cleanupTimeoutMs: this.timeoutMs,
        },
        // The first failed request ends the upload at once: the others are aborted, and the body
        // is not waited for.
        (err) => {
          if (controller.signal.aborted) return;
          requestError ??= err;
          controller.abort(err);
          counter.destroy();
        },
      );
      if (counter.errored) throw counter.errored;
      return { key, size: result.size, etag: result.etag?.replace(/"/g, '') };
    } catch (err) {
      const sourceError = counter.errored ?? body.errored;
      body.destroy();
      counter.destroy();
      if (sourceError instanceof StorageError) throw sourceError;
      if (options.signal?.aborted) throw abortedError(err);
      if (requestError === undefined && sourceError && sourceError.name !== 'AbortError') {
        throw (
          mapNetworkError(sourceError, this.secrets) ??
          new StorageError('unknown', 'The upload source failed.', { cause: sourceError })
        );
      }
      throw this.fail(requestError ?? err, 'object', key);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
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

  async testConnection(options: TestConnectionOptions = {}): Promise<TestConnectionReport> {
    const extras: Partial<TestConnectionReport> = {
      scoped_key: false,
      bucket_region: null,
      clock_skew_ms: null,
      versioning: 'unknown',
      object_lock: 'unknown',
    };
    const configured = (this.target.buckets ?? []).map((b) => b.trim()).filter(Boolean);
    let successMessage = 'Connection successful';
    const url = this.endpoint.url;
    const secure = url.protocol === 'https:';
    return runTestConnection(
      this,
      normalizePathPrefix(this.target.pathPrefix),
      {
        configuration: `${PROVIDER_NAMES[this.provider]} at ${url.host}, bucket ${this.bucket}, region ${this.endpoint.region}${this.endpoint.forcePathStyle ? ', path-style' : ''}`,
        connectivity: async (signal) => {
          const r = await probeSocket({
            host: url.hostname.replace(/^\[|\]$/g, ''),
            port: Number(url.port) || (secure ? 443 : 80),
            tls: secure,
            ca: this.options.caCert,
            timeoutMs: this.timeoutMs,
            allowPrivate: this.options.allowPrivateEndpoints ?? false,
            signal,
          });
          const skew = await this.clockSkew(signal);
          extras.clock_skew_ms = skew;
          if (skew !== null && Math.abs(skew) > 15 * 60_000) {
            throw new StorageError(
              'auth_failed',
              `The server clock differs from this server's by ${Math.round(skew / 60_000)} minutes; S3 signatures fail past 15 minutes.`,
              { hint: 'Synchronise the system clock (NTP).' },
            );
          }
          return {
            detail: `${r.detail}${skew !== null ? `; clock skew ${Math.round(skew / 1000)} s` : ''}`,
            latencyMs: r.latencyMs,
          };
        },
        authenticate: async (signal) => {
          const found = await this.discoverBuckets(signal).catch((err: unknown) => {
            if (err instanceof StorageError && err.message === SCOPED_KEY_MESSAGE) extras.scoped_key = true;
            throw err;
          });
          extras.scoped_key = found.scoped_key;
          const reachable = found.buckets.filter((b) => b.accessible).map((b) => b.name);
          extras.buckets = reachable;
          successMessage = found.message;
          if (configured.length) {
            const firstError = found.errors.find(Boolean);
            if (!reachable.length && firstError) throw firstError;
            return successMessage;
          }
          return `full API access: ListBuckets returned ${reachable.length} bucket(s)`;
        },
        container: async (signal) => {
          let region: string | undefined;
          try {
            const out = await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), {
              abortSignal: signal,
            });
            region = out.BucketRegion;
          } catch (err) {
            throw this.fail(err, 'bucket');
          }
          extras.bucket_region = region ?? null;
          extras.region_mismatch = false;
          const configuredRegion = this.endpoint.region;
          if (region && configuredRegion !== 'auto' && region !== configuredRegion) {
            extras.region_mismatch = true;
            throw new StorageError(
              'region_mismatch',
              `The bucket's region is ${region}, but the configuration says ${configuredRegion}.`,
              { hint: `Set the region to ${region}.`, details: { expected_region: region } },
            );
          }
          extras.versioning = await this.client
            .send(new GetBucketVersioningCommand({ Bucket: this.bucket }), { abortSignal: signal })
            .then((v) =>
              v.Status === 'Enabled' ? 'enabled' : v.Status === 'Suspended' ? 'suspended' : 'disabled',
            )
            .catch(() => 'unknown' as const);
          extras.object_lock = await this.client
            .send(new GetObjectLockConfigurationCommand({ Bucket: this.bucket }), { abortSignal: signal })
            .then((v) =>
              v.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled' ? 'enabled' : 'disabled',
            )
            .catch((err: { name?: string }) =>
              err?.name === 'ObjectLockConfigurationNotFoundError'
                ? ('disabled' as const)
                : ('unknown' as const),
            );
          return `bucket ${this.bucket} exists${region ? ` in ${region}` : ''}; versioning ${extras.versioning}, object lock ${extras.object_lock}`;
        },
        multipart: async (key, track, signal) => {
          track(key);
          const size = MIN_PART + 1024;
          const r = await this.upload(key, Readable.from([Buffer.alloc(size, 0x61)]), { signal });
          if (r.size !== size)
            throw new StorageError('unknown', `Multipart probe stored ${r.size} of ${size} bytes.`);
          return `two-part multipart upload of ${size} bytes completed`;
        },
        presignedGet: async (key, expected, signal) => {
          const res = await fetch(await this.presignDownload(key, 300), { signal: signal ?? null });
          const got = Buffer.from(await res.arrayBuffer());
          if (res.status !== 200) {
            throw new StorageError(
              'access_denied',
              `The presigned GET URL was refused (HTTP ${res.status}).`,
              {
                hint: 'Presigned URLs need the server clock in sync and a key allowed to GetObject.',
              },
            );
          }
          if (!got.equals(expected))
            throw new StorageError('unknown', 'The presigned GET returned different content.');
          return `presigned GET returned the probe (HTTP ${res.status})`;
        },
        presignedPut: async (key, track, signal) => {
          track(key);
          const body = Buffer.from('presigned put probe\n');
          const res = await fetch(await this.presignUpload(key, 300), {
            method: 'PUT',
            body,
            signal: signal ?? null,
          });
          await res.arrayBuffer();
          if (res.status !== 200) {
            throw new StorageError(
              'access_denied',
              `The presigned PUT URL was refused (HTTP ${res.status}).`,
              {
                hint: 'Presigned uploads need a key allowed to PutObject.',
              },
            );
          }
          const s = await this.stat(key, { signal });
          if (s?.size !== body.length)
            throw new StorageError('unknown', 'The presigned PUT did not store the object.');
          return `presigned PUT stored ${body.length} bytes`;
        },
        successMessage: () => successMessage,
      },
      extras,
      options.signal,
      options.light,
    );
  }

  private errorContext(): S3ErrorContext {
    return {
      provider: this.provider,
      scope: 'bucket',
      bucket: this.bucket,
      region: this.endpoint.region,
      secrets: this.secrets,
    };
  }

  /** Server Date minus local time, from an unauthenticated HEAD; null when not available. */
  private async clockSkew(signal?: AbortSignal): Promise<number | null> {
    try {
      const before = Date.now();
      const res = await fetch(this.endpoint.url, {
        method: 'HEAD',
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)])
          : AbortSignal.timeout(this.timeoutMs),
      });
      const date = res.headers.get('date');
      if (!date) return null;
      const local = (before + Date.now()) / 2;
      const skew = Date.parse(date) - local;
      // Date has 1 s resolution.
      return Number.isFinite(skew) ? (Math.abs(skew) < 1500 ? 0 : Math.round(skew)) : null;
    } catch {
      return null;
    }
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
