import type { S3Provider, StorageProvider } from '../storage-driver.js';

/**
 * What a storage config of each provider needs and which endpoints it may use, in one table: the
 * save-time checks (check-target.ts), the S3 endpoint derivation (s3-endpoints.ts) and the FTP/SFTP
 * host and port (remote-endpoints.ts) all read it, so a new provider is one row here plus its driver.
 */
export type S3EndpointRule =
  /** AWS: the SDK resolves the endpoint from the region; an explicit endpoint is allowed. */
  | { kind: 'aws'; defaultRegion: string }
  /** The endpoint is derived from the account id (Cloudflare R2); the region is fixed. */
  | { kind: 'account'; host: (accountId: string) => string; region: string }
  /** The endpoint is derived from a required region. */
  | { kind: 'regional'; host: (region: string) => string; regionExample: string }
  /** Self-hosted or generic services: the endpoint must be given; path-style addressing. */
  | { kind: 'explicit'; defaultRegion: string };

export interface RemoteEndpointRule {
  defaultPort: number;
  /** URL schemes accepted in endpoint_url (the first is assumed when none is given). */
  schemes: readonly string[];
  /** SFTP: a private key may replace the password. */
  privateKeyAuth: boolean;
  /** FTP: the password travels in clear unless TLS is on, so plain needs the platform's consent. */
  plainNeedsInsecureConsent: boolean;
}

export type ProviderRule =
  | { family: 's3'; label: string; endpoint: S3EndpointRule }
  | { family: 'remote'; label: string; remote: RemoteEndpointRule }
  | { family: 'local'; label: string };

export const PROVIDER_RULES = {
  aws_s3: { family: 's3', label: 'AWS S3', endpoint: { kind: 'aws', defaultRegion: 'us-east-1' } },
  cloudflare_r2: {
    family: 's3',
    label: 'Cloudflare R2',
    endpoint: { kind: 'account', host: (id) => `${id}.r2.cloudflarestorage.com`, region: 'auto' },
  },
  backblaze_b2: {
    family: 's3',
    label: 'Backblaze B2',
    endpoint: { kind: 'regional', host: (r) => `s3.${r}.backblazeb2.com`, regionExample: 'us-west-004' },
  },
  minio: { family: 's3', label: 'MinIO', endpoint: { kind: 'explicit', defaultRegion: 'us-east-1' } },
  digitalocean_spaces: {
    family: 's3',
    label: 'DigitalOcean Spaces',
    endpoint: { kind: 'regional', host: (r) => `${r}.digitaloceanspaces.com`, regionExample: 'fra1' },
  },
  wasabi: {
    family: 's3',
    label: 'Wasabi',
    endpoint: { kind: 'regional', host: (r) => `s3.${r}.wasabisys.com`, regionExample: 'us-east-1' },
  },
  s3_compatible: {
    family: 's3',
    label: 'S3-compatible storage',
    endpoint: { kind: 'explicit', defaultRegion: 'us-east-1' },
  },
  ftp: {
    family: 'remote',
    label: 'FTP',
    remote: {
      defaultPort: 21,
      schemes: ['ftp', 'ftps', 'ftpes'],
      privateKeyAuth: false,
      plainNeedsInsecureConsent: true,
    },
  },
  sftp: {
    family: 'remote',
    label: 'SFTP',
    remote: {
      defaultPort: 22,
      schemes: ['sftp', 'ssh'],
      privateKeyAuth: true,
      plainNeedsInsecureConsent: false,
    },
  },
  local: { family: 'local', label: 'local storage' },
} as const satisfies Record<StorageProvider, ProviderRule>;

export function providerRule(provider: StorageProvider): ProviderRule {
  return PROVIDER_RULES[provider];
}

export function s3EndpointRule(provider: S3Provider): S3EndpointRule {
  return PROVIDER_RULES[provider].endpoint;
}

export function remoteEndpointRule(provider: 'ftp' | 'sftp'): RemoteEndpointRule {
  return PROVIDER_RULES[provider].remote;
}

/** The region a new config gets when none is given (R2 has one region, `auto`). */
export function defaultRegion(provider: StorageProvider): string | null {
  const rule = providerRule(provider);
  return rule.family === 's3' && rule.endpoint.kind === 'account' ? rule.endpoint.region : null;
}
