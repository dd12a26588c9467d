import { bucketNameProblem } from '../bucket-names.js';
import { judgeHost, normalizeEndpoint } from '../endpoint-rules.js';
import type { StorageTarget } from '../storage-driver.js';
import { isStorageError } from '../storage-errors.js';
import { providerRule } from './provider-rules.js';

export interface RuleOptions {
  allowInsecure: boolean;
  allowPrivate: boolean;
}

/** A problem with one field of a config (the API's field error shape). */
export interface TargetProblem {
  field: string;
  messages: string[];
}

const R2_ACCOUNT_RE = /^[0-9a-f]{32}$/i;

/**
 * Provider rules checked before anything is saved or dialled: each problem names its field.
 * (The driver re-checks the resolved address at connection time, as DNS can change after saving.)
 */
export async function checkTarget(t: StorageTarget, opts: RuleOptions): Promise<TargetProblem[]> {
  const errors: TargetProblem[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });
  const rule = providerRule(t.provider);

  if (rule.family === 's3') {
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
    switch (rule.endpoint.kind) {
      case 'account':
        if (!t.accountId) fail('account_id', `Account ID is required for ${rule.label}`);
        else if (!R2_ACCOUNT_RE.test(t.accountId))
          fail('account_id', 'account_id must be a 32-character hexadecimal string');
        break;
      case 'regional':
        if (!t.region)
          fail('region', `region is required for ${t.provider} (the region your bucket lives in)`);
        break;
      case 'explicit':
        if (!t.endpointUrl) fail('endpoint_url', `endpoint_url is required for ${t.provider}`);
        break;
      case 'aws':
        break;
    }
  } else if (rule.family === 'remote') {
    if (!t.host) fail('host', `host is required for ${t.provider}`);
    if (!t.accessKey) fail('access_key', 'access_key (the user name) is required');
    if (!t.secretKey && !(rule.remote.privateKeyAuth && t.privateKey)) {
      fail(
        'secret_key',
        rule.remote.privateKeyAuth
          ? 'secret_key (password) or private_key is required'
          : 'secret_key (the password) is required',
      );
    }
    if (rule.remote.plainNeedsInsecureConsent && !t.useTls && !opts.allowInsecure) {
      fail(
        'use_tls',
        'Plain FTP sends the password unencrypted: set use_tls (explicit FTPS), or ask a platform administrator to allow insecure endpoints',
      );
    }
  }

  let host: string | undefined;
  if (t.endpointUrl) {
    try {
      host = normalizeEndpoint(t.endpointUrl, opts.allowInsecure).hostname.replace(/^\[|\]$/g, '');
    } catch (err) {
      fail('endpoint_url', isStorageError(err) ? err.message : 'endpoint_url is not a valid URL');
    }
  }
  if (rule.family === 'remote') host = t.host ?? undefined;
  if (host && !opts.allowPrivate) {
    const field = rule.family === 'remote' ? 'host' : 'endpoint_url';
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
