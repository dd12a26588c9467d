import type { Readable } from 'node:stream';

export const S3_PROVIDERS = [
  'aws_s3',
  'cloudflare_r2',
  'backblaze_b2',
  'minio',
  'digitalocean_spaces',
  'wasabi',
  's3_compatible',
] as const;

export const STORAGE_PROVIDERS = [...S3_PROVIDERS, 'ftp', 'sftp', 'local'] as const;

export type S3Provider = (typeof S3_PROVIDERS)[number];
export type StorageProvider = (typeof STORAGE_PROVIDERS)[number];

export const isS3Provider = (p: StorageProvider): p is S3Provider =>
  (S3_PROVIDERS as readonly string[]).includes(p);

/**
 * One storage configuration as the storage-configs row will hold it (camelCase), decrypted.
 * S3 family: bucket/region/endpointUrl/accountId/accessKey/secretKey/buckets/storageClass.
 * FTP/SFTP: host (or endpointUrl), port, accessKey = user name, secretKey = password, bucket = base
 * directory on the server (optional), privateKey/passphrase/hostKeyFingerprint for SFTP, useTls
 * for explicit FTPS. Local: bucket = the directory.
 */
export interface StorageTarget {
  provider: StorageProvider;
  bucket?: string | null;
  region?: string | null;
  endpointUrl?: string | null;
  accountId?: string | null;
  pathPrefix?: string | null;
  storageClass?: string | null;
  /** Manual bucket list for bucket-scoped keys (no ListBuckets). */
  buckets?: string[] | null;
  accessKey?: string | null;
  secretKey?: string | null;
  host?: string | null;
  port?: number | null;
  useTls?: boolean | null;
  privateKey?: string | null;
  passphrase?: string | null;
  /** `SHA256:<base64>` as printed by ssh-keygen -l; pinned after the first successful test. */
  hostKeyFingerprint?: string | null;
}

/** Platform-level switches and tuning; not part of a tenant's configuration. */
export interface StorageDriverOptions {
  /** Allow http:// and plain FTP without TLS. Default false for S3, true for plain FTP (explicit choice). */
  allowInsecureEndpoints?: boolean;
  /** Allow loopback / private / link-local addresses (tests, on-premise installs). Default false. */
  allowPrivateEndpoints?: boolean;
  /** Per network operation: connect, each request, and any idle gap in a transfer. Default 30 s. */
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM), e.g. a self-signed FTPS or MinIO certificate. */
  caCert?: string;
  /** Expected size of streamed uploads of unknown length (e.g. database size), to pick the part size. */
  partSizeEstimate?: number;
  /** Multipart part-count limit of the provider; default 10,000 (some S3-compatible services: 1,000). */
  maxParts?: number;
  /** Parts uploaded in parallel; memory use is about partSize × (queueSize + 2). Default 4. */
  queueSize?: number;
  /** SDK retry attempts for S3 requests; default 3. */
  maxAttempts?: number;
  /**
   * S3 request/response checksums. 'when_required' (default) avoids the SDK's aws-chunked
   * streaming uploads that Swift and several S3-compatible services refuse (501).
   */
  s3Checksums?: 'when_required' | 'when_supported';
  /** Add Content-MD5 to DeleteObjects (Swift; B2 with Object Lock). Default true. */
  s3ContentMd5OnDelete?: boolean;
  /** Directory of `local` targets without one (the embedded default). */
  defaultLocalDir?: string;
}

export interface UploadOptions {
  contentLength?: number;
  contentType?: string;
  /** Called with the number of bytes consumed so far. */
  onProgress?: (bytes: number) => void;
  /** Overrides StorageDriverOptions.partSizeEstimate for this upload. */
  sizeEstimate?: number;
  signal?: AbortSignal;
}

export interface OperationOptions {
  signal?: AbortSignal;
}

export interface TestConnectionOptions extends OperationOptions {
  /**
   * The periodic health probe: connectivity, authentication, container, write, read back and
   * delete of one small object; no multipart upload and no presigned URLs.
   */
  light?: boolean;
}

export interface UploadResult {
  key: string;
  size: number;
  etag?: string;
}

export interface StatResult {
  key: string;
  size: number;
  modifiedAt: Date | null;
  etag?: string;
}

export interface ListEntry {
  key: string;
  size: number;
  modifiedAt: Date | null;
}

/** Buckets a key can reach (discovered by ListBuckets, or the configured list checked by HeadBucket). */
export interface BucketDiscovery {
  scoped_key: boolean;
  message: string;
  buckets: { name: string; accessible: boolean; error?: string }[];
}

export type TestStepStatus = 'passed' | 'failed' | 'skipped';

export interface TestStep {
  name: string;
  status: TestStepStatus;
  duration_ms: number;
  detail: string;
  code?: string;
  hint?: string;
}

/** JSON-able; the summary fields are exactly those of the test-connection API. */
export interface TestConnectionReport {
  success: boolean;
  message: string;
  bucket_exists: boolean | null;
  can_write: boolean | null;
  can_read: boolean | null;
  latency_ms: number | null;
  provider: StorageProvider;
  steps: TestStep[];
  /** S3 family: discovered (ListBuckets) or accessible configured buckets. */
  buckets?: string[];
  /** S3 family: true when ListBuckets was denied or a manual bucket list is configured. */
  scoped_key?: boolean;
  bucket_region?: string | null;
  region_mismatch?: boolean;
  clock_skew_ms?: number | null;
  versioning?: 'enabled' | 'suspended' | 'disabled' | 'unknown';
  object_lock?: 'enabled' | 'disabled' | 'unknown';
  /** SFTP: the server's host key as seen during this test, to pin on first success. */
  host_key_fingerprint?: string | null;
}

/**
 * The strategy every provider implements. Keys are relative to the bucket / base directory; the
 * factory's wrapper adds the configured path prefix and refuses keys that would escape it.
 * Every operation streams and honours its AbortSignal and the driver's timeout.
 */
export interface StorageDriver {
  readonly provider: StorageProvider;
  upload(key: string, body: Readable, options?: UploadOptions): Promise<UploadResult>;
  download(key: string, options?: OperationOptions): Promise<Readable>;
  /** null when the object does not exist. */
  stat(key: string, options?: OperationOptions): Promise<StatResult | null>;
  /** Idempotent: deleting a missing object succeeds. */
  delete(key: string, options?: OperationOptions): Promise<void>;
  /** Deletes every object under the prefix; returns how many were deleted. */
  deletePrefix(prefix: string, options?: OperationOptions): Promise<number>;
  list(prefix: string, options?: OperationOptions): AsyncIterable<ListEntry>;
  /** S3 family only; others throw StorageError('not_supported'). Default TTL 3600 s. */
  presignDownload(key: string, ttlSeconds?: number): Promise<string>;
  /** S3 family only; others throw StorageError('not_supported'). Default TTL 3600 s. */
  presignUpload(key: string, ttlSeconds?: number): Promise<string>;
  /** Never throws for server-side problems: they are steps of the report. */
  testConnection(options?: TestConnectionOptions): Promise<TestConnectionReport>;
  /**
   * Optional capability (S3 family): the buckets the key reaches. A key that may not list buckets
   * and has no configured bucket list throws StorageError('scoped_key').
   */
  discoverBuckets?(options?: OperationOptions): Promise<BucketDiscovery>;
  /**
   * Optional capability (directory storages: local, FTP, SFTP): removes the folder at `prefix` when
   * it is empty, never its contents (a folder holding anything, a stranger's file included, stays).
   * Object stores have no folders to leave behind, so they lack it. Missing or non-empty: no-op.
   */
  removeEmptyFolder?(prefix: string, options?: OperationOptions): Promise<void>;
  /** Releases connections; the driver may be reused after close() (it reconnects). */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_PRESIGN_TTL_SECONDS = 3600;
