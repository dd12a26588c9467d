import { endpointString, normalizeEndpoint } from '../endpoint-rules.js';
import type { S3Provider, StorageDriverOptions, StorageTarget } from '../storage-driver.js';
import { invalidConfig } from '../storage-errors.js';
import { PROVIDER_RULES, s3EndpointRule } from './provider-rules.js';

export interface S3Endpoint {
  /** Passed to the SDK; undefined lets the SDK resolve AWS endpoints from the region. */
  endpoint: string | undefined;
  /** What connectivity checks talk to. */
  url: URL;
  region: string;
  forcePathStyle: boolean;
}

const R2_ACCOUNT_ID = /^[0-9a-f]{32}$/;
const REGION_RE = /^[a-z0-9-]{2,40}$/;

function requireRegion(provider: S3Provider, region: string | undefined, example: string): string {
  if (!region) throw invalidConfig(`A region is required for ${provider} (e.g. ${example}).`);
  if (!REGION_RE.test(region)) throw invalidConfig(`The region "${region}" is not a valid region code.`);
  return region;
}

/** The endpoint, region and addressing style of an S3-family config, by its provider's rule. */
export function resolveS3Endpoint(
  provider: S3Provider,
  target: Pick<StorageTarget, 'endpointUrl' | 'region' | 'accountId'>,
  options: Pick<StorageDriverOptions, 'allowInsecureEndpoints'>,
): S3Endpoint {
  const allowInsecure = options.allowInsecureEndpoints ?? false;
  const region = target.region?.trim().toLowerCase() || undefined;
  const explicit = target.endpointUrl?.trim()
    ? normalizeEndpoint(target.endpointUrl, allowInsecure)
    : undefined;
  const derived = (host: string, r: string): S3Endpoint => {
    const url = explicit ?? new URL(`https://${host}`);
    return { endpoint: endpointString(url), url, region: r, forcePathStyle: false };
  };
  const rule = s3EndpointRule(provider);
  switch (rule.kind) {
    case 'aws': {
      const r = region ?? rule.defaultRegion;
      if (!REGION_RE.test(r)) throw invalidConfig(`The region "${r}" is not a valid AWS region.`);
      if (explicit)
        return { endpoint: endpointString(explicit), url: explicit, region: r, forcePathStyle: false };
      return {
        endpoint: undefined,
        url: new URL(`https://s3.${r}.amazonaws.com`),
        region: r,
        forcePathStyle: false,
      };
    }
    case 'account': {
      const accountId = target.accountId?.trim().toLowerCase();
      if (!explicit) {
        if (!accountId) {
          throw invalidConfig(
            `Account ID is required for ${PROVIDER_RULES[provider].label}.`,
            'Copy the 32-character account ID from the Cloudflare dashboard (R2 overview).',
          );
        }
        if (!R2_ACCOUNT_ID.test(accountId)) {
          throw invalidConfig('The Cloudflare account ID must be 32 hexadecimal characters.');
        }
      }
      return derived(rule.host(accountId ?? ''), rule.region);
    }
    case 'regional': {
      const r = requireRegion(provider, region, rule.regionExample);
      return derived(rule.host(r), r);
    }
    case 'explicit': {
      if (!explicit) {
        throw invalidConfig(
          `An endpoint URL is required for ${PROVIDER_RULES[provider].label}.`,
          'e.g. https://minio.example.com:9000',
        );
      }
      const r = region ?? rule.defaultRegion;
      if (!REGION_RE.test(r)) throw invalidConfig(`The region "${r}" is not a valid region code.`);
      return { endpoint: endpointString(explicit), url: explicit, region: r, forcePathStyle: true };
    }
  }
}
