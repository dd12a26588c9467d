import type { StorageProvider } from './storage-driver.js';

/**
 * Bucket-name syntax per provider, checked when a configuration is saved, so a name the provider
 * (or the driver) refuses is a 400 naming the rule instead of a failure on first use.
 */
interface BucketRule {
  min: number;
  max: number;
  chars: RegExp;
  charsText: string;
  dots: boolean;
  extra?: (name: string) => string | undefined;
}

const LOWER_DIGITS_HYPHENS = /^[a-z0-9-]+$/;
const LOWER_DIGITS_DOTS_HYPHENS = /^[a-z0-9.-]+$/;

const awsStyle: BucketRule = {
  min: 3,
  max: 63,
  chars: LOWER_DIGITS_DOTS_HYPHENS,
  charsText: 'lowercase letters, digits, dots and hyphens',
  dots: true,
  extra: (name) => {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'must not look like an IP address';
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name))
      return 'must not start with xn--, sthree- or amzn-s3-demo-';
    if (/(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(name)) {
      return 'must not end with -s3alias, --ol-s3, .mrap or --x-s3';
    }
    return undefined;
  },
};

const RULES: Record<Exclude<StorageProvider, 'ftp' | 'sftp' | 'local'>, BucketRule> = {
  aws_s3: awsStyle,
  wasabi: awsStyle,
  minio: awsStyle,
  cloudflare_r2: {
    min: 3,
    max: 63,
    chars: LOWER_DIGITS_HYPHENS,
    charsText: 'lowercase letters, digits and hyphens',
    dots: false,
  },
  digitalocean_spaces: {
    min: 3,
    max: 63,
    chars: LOWER_DIGITS_HYPHENS,
    charsText: 'lowercase letters, digits and hyphens',
    dots: false,
  },
  backblaze_b2: {
    min: 6,
    max: 63,
    chars: /^[a-zA-Z0-9-]+$/,
    charsText: 'letters, digits and hyphens',
    dots: false,
    extra: (name) => (/^b2-/i.test(name) ? 'must not start with b2-' : undefined),
  },
  // Other S3-compatible servers: the widest syntax the S3 protocol (and the driver) accepts.
  s3_compatible: {
    min: 3,
    max: 63,
    chars: /^[a-zA-Z0-9._-]+$/,
    charsText: 'letters, digits, dots, hyphens and underscores',
    dots: true,
  },
};

/** Why `name` is not a valid bucket name for `provider`, or undefined when it is (or the provider has no buckets). */
export function bucketNameProblem(provider: StorageProvider, name: string): string | undefined {
  if (provider === 'ftp' || provider === 'sftp' || provider === 'local') return undefined;
  const rule = RULES[provider];
  if (name.length < rule.min || name.length > rule.max) {
    return `must be ${rule.min} to ${rule.max} characters for ${provider}`;
  }
  if (!rule.chars.test(name)) return `may contain only ${rule.charsText} for ${provider}`;
  if (!/^[a-zA-Z0-9]/.test(name) || !/[a-zA-Z0-9]$/.test(name)) {
    return 'must start and end with a letter or digit';
  }
  if (rule.dots && /\.\.|\.-|-\./.test(name)) return 'must not contain "..", ".-" or "-."';
  return rule.extra?.(name);
}
