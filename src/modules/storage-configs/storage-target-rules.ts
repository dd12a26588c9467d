import type { FieldError } from '../../common/errors/domain-error.js';
import { judgeHost, normalizeEndpoint } from '../storage/endpoint-rules.js';
import { bucketNameProblem } from '../storage/bucket-names.js';
import { isStorageError } from '../storage/storage-errors.js';
import { isS3Provider, type StorageTarget } from '../storage/storage-driver.js';

export interface RuleOptions {
  allowInsecure: boolean;
  allowPrivate: boolean;
}

const R2_ACCOUNT_RE = /^[0-9a-f]{32}$/i;

/**
 * Provider rules checked before anything is saved or dialled: each problem names its field.
 * (The driver re-checks the resolved address at connection time, as DNS can change after saving.)
 */
export async function checkTarget(t: StorageTarget, opts: RuleOptions): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });

  if (isS3Provider(t.provider)) {
    if (!t.bucket) fail('bucket', `bucket is required for ${t.provider}`);
    else {
      const problem = bucketNameProblem(t.provider, t.bucket.trim());
      if (problem) fail('bucket', `bucket ${problem}`);
    }
    (t.buckets ?? []).forEach((name, i) => {
      const problem = bucketNameProblem(t.provider, name.trim());
      if (problem) fail(`buckets.${i}`, `bucket "${name}" ${problem}`);
    });
    if (!t.accessKey) fail('access_key', 'access_key is required');
    if (!t.secretKey) fail('secret_key', 'secret_key is required');
  }
  switch (t.provider) {
    case 'cloudflare_r2':
      if (!t.accountId) fail('account_id', 'Account ID is required for Cloudflare R2');
      else if (!R2_ACCOUNT_RE.test(t.accountId))
        fail('account_id', 'account_id must be a 32-character hexadecimal string');
      break;
    case 'backblaze_b2':
    case 'wasabi':
    case 'digitalocean_spaces':
      if (!t.region) fail('region', `region is required for ${t.provider} (the region your bucket lives in)`);
      break;
    case 'minio':
    case 's3_compatible':
      if (!t.endpointUrl) fail('endpoint_url', `endpoint_url is required for ${t.provider}`);
      break;
    case 'ftp':
    case 'sftp':
      if (!t.host) fail('host', `host is required for ${t.provider}`);
      if (!t.accessKey) fail('access_key', 'access_key (the user name) is required');
      if (!t.secretKey && !(t.provider === 'sftp' && t.privateKey)) {
        fail(
          'secret_key',
          t.provider === 'sftp'
            ? 'secret_key (password) or private_key is required'
            : 'secret_key (the password) is required',
        );
      }
      if (t.provider === 'ftp' && !t.useTls && !opts.allowInsecure) {
        fail(
          'use_tls',
          'Plain FTP sends the password unencrypted: set use_tls (explicit FTPS), or ask a platform administrator to allow insecure endpoints',
        );
      }
      break;
    default:
      break;
  }

  let host: string | undefined;
  if (t.endpointUrl) {
    try {
      host = normalizeEndpoint(t.endpointUrl, opts.allowInsecure).hostname.replace(/^\[|\]$/g, '');
    } catch (err) {
      fail('endpoint_url', isStorageError(err) ? err.message : 'endpoint_url is not a valid URL');
    }
  }
  if (t.provider === 'ftp' || t.provider === 'sftp') host = t.host ?? undefined;
  if (host && !opts.allowPrivate) {
    const field = t.provider === 'ftp' || t.provider === 'sftp' ? 'host' : 'endpoint_url';
    const verdict = await judgeHost(host);
    if (verdict.kind === 'forbidden') {
      fail(
        field,
        `${host} is or resolves to a private or local address (${verdict.address}); only public endpoints are allowed on this platform`,
      );
    } else if (verdict.kind === 'unresolved') {
      // A name that resolves nowhere today cannot be judged, and may resolve to a private address
      // tomorrow (or for the resolver the driver meets), so it is not saved while private ones are off.
      fail(field, `${host} does not resolve to an address; only resolvable public endpoints are allowed`);
    }
  }
  return errors;
}
