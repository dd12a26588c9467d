import { HeadBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import type { BucketDiscovery } from '../../storage-driver.js';
import { StorageError } from '../../storage-errors.js';
import type { S3Connection } from './s3-client.js';
import { mapS3Error } from './s3-errors.js';

export const SCOPED_KEY_MESSAGE =
  'This appears to be a bucket-scoped key. Please add the bucket names manually.';

/** Bucket discovery with the typed error of each configured bucket (the connection test reports the first). */
export type S3BucketDiscovery = BucketDiscovery & { errors: (StorageError | null)[] };

/**
 * Bucket discovery: with a configured bucket list, HeadBucket each ("Access to N/M buckets");
 * without one, ListBuckets, where a 403 means a bucket-scoped key (a StorageError with code
 * `scoped_key` and the product's scoped-key message). Other failures are thrown as typed errors.
 */
export async function discoverS3Buckets(c: S3Connection, signal?: AbortSignal): Promise<S3BucketDiscovery> {
  const configured = configuredBuckets(c);
  if (configured.length) {
    const errors = await Promise.all(
      configured.map((b) =>
        c.client
          .send(new HeadBucketCommand({ Bucket: b }), { abortSignal: signal })
          .then(() => null)
          .catch((err: unknown) =>
            mapS3Error(err, {
              provider: c.provider,
              scope: 'bucket',
              bucket: b,
              region: c.endpoint.region,
              secrets: c.secrets,
            }),
          ),
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
    const out = await c.client.send(new ListBucketsCommand({}), { abortSignal: signal });
    const names = (out.Buckets ?? []).map((b) => b.Name ?? '').filter(Boolean);
    return {
      scoped_key: false,
      message: 'Connection successful (full API access)',
      buckets: names.map((name) => ({ name, accessible: true })),
      errors: [],
    };
  } catch (err) {
    const mapped = c.fail(err, 'account');
    if (mapped.code !== 'access_denied') throw mapped;
    throw new StorageError('scoped_key', SCOPED_KEY_MESSAGE, {
      hint: 'List the buckets this key may use in the buckets field; the test then checks each with HeadBucket.',
      cause: err,
    });
  }
}

/** The manual bucket list of a bucket-scoped key, trimmed. */
export function configuredBuckets(c: Pick<S3Connection, 'target'>): string[] {
  return (c.target.buckets ?? []).map((b) => b.trim()).filter(Boolean);
}
