import type { S3Provider } from '../../storage-driver.js';
import {
  StorageError,
  abortedError,
  mapNetworkError,
  redact,
  type StorageErrorCode,
} from '../../storage-errors.js';
import { PROVIDER_RULES } from '../../providers/provider-rules.js';

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
  const provider = PROVIDER_RULES[ctx.provider].label;

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
