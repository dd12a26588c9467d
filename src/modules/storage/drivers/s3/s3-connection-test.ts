import {
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { normalizePathPrefix } from '../../storage-keys.js';
import type { StorageDriver, TestConnectionOptions, TestConnectionReport } from '../../storage-driver.js';
import { StorageError, isStorageError } from '../../storage-errors.js';
import { probeSocket, runTestConnection } from '../../test-connection.js';
import { configuredBuckets, discoverS3Buckets } from './s3-buckets.js';
import type { S3Connection } from './s3-client.js';
import { assertClockSkewTolerable, measureClockSkew } from './s3-clock-skew.js';
import { PROVIDER_RULES } from '../../providers/provider-rules.js';
import { MIN_PART } from './s3-part-plan.js';

/**
 * The S3 family's steps of the connection test: socket and clock skew, credentials (bucket
 * discovery), the bucket with its region, versioning and object lock, then a two-part multipart
 * upload and the presigned GET and PUT. `driver` runs the object operations.
 */
export async function testS3Connection(
  driver: StorageDriver,
  c: S3Connection,
  options: TestConnectionOptions = {},
): Promise<TestConnectionReport> {
  const extras: Partial<TestConnectionReport> = {
    scoped_key: false,
    bucket_region: null,
    clock_skew_ms: null,
    versioning: 'unknown',
    object_lock: 'unknown',
  };
  const configured = configuredBuckets(c);
  let successMessage = 'Connection successful';
  const url = c.endpoint.url;
  const secure = url.protocol === 'https:';
  return runTestConnection(
    driver,
    normalizePathPrefix(c.target.pathPrefix),
    {
      configuration: `${PROVIDER_RULES[c.provider].label} at ${url.host}, bucket ${c.bucket}, region ${c.endpoint.region}${c.endpoint.forcePathStyle ? ', path-style' : ''}`,
      connectivity: async (signal) => {
        const r = await probeSocket({
          host: url.hostname.replace(/^\[|\]$/g, ''),
          port: Number(url.port) || (secure ? 443 : 80),
          tls: secure,
          ca: c.options.caCert,
          timeoutMs: c.timeoutMs,
          allowPrivate: c.options.allowPrivateEndpoints ?? false,
          signal,
        });
        const skew = await measureClockSkew(c.endpoint.url, c.timeoutMs, signal);
        extras.clock_skew_ms = skew;
        assertClockSkewTolerable(skew);
        return {
          detail: `${r.detail}${skew !== null ? `; clock skew ${Math.round(skew / 1000)} s` : ''}`,
          latencyMs: r.latencyMs,
        };
      },
      authenticate: async (signal) => {
        const found = await discoverS3Buckets(c, signal).catch((err: unknown) => {
          if (isStorageError(err, 'scoped_key')) extras.scoped_key = true;
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
          const out = await c.client.send(new HeadBucketCommand({ Bucket: c.bucket }), {
            abortSignal: signal,
          });
          region = out.BucketRegion;
        } catch (err) {
          throw c.fail(err, 'bucket');
        }
        extras.bucket_region = region ?? null;
        extras.region_mismatch = false;
        const configuredRegion = c.endpoint.region;
        if (region && configuredRegion !== 'auto' && region !== configuredRegion) {
          extras.region_mismatch = true;
          throw new StorageError(
            'region_mismatch',
            `The bucket's region is ${region}, but the configuration says ${configuredRegion}.`,
            { hint: `Set the region to ${region}.`, details: { expected_region: region } },
          );
        }
        extras.versioning = await c.client
          .send(new GetBucketVersioningCommand({ Bucket: c.bucket }), { abortSignal: signal })
          .then((v) =>
            v.Status === 'Enabled' ? 'enabled' : v.Status === 'Suspended' ? 'suspended' : 'disabled',
          )
          .catch(() => 'unknown' as const);
        extras.object_lock = await c.client
          .send(new GetObjectLockConfigurationCommand({ Bucket: c.bucket }), { abortSignal: signal })
          .then((v) => (v.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled' ? 'enabled' : 'disabled'))
          .catch((err: { name?: string }) =>
            err?.name === 'ObjectLockConfigurationNotFoundError'
              ? ('disabled' as const)
              : ('unknown' as const),
          );
        return `bucket ${c.bucket} exists${region ? ` in ${region}` : ''}; versioning ${extras.versioning}, object lock ${extras.object_lock}`;
      },
      multipart: async (key, track, signal) => {
        track(key);
        const size = MIN_PART + 1024;
        const r = await driver.upload(key, Readable.from([Buffer.alloc(size, 0x61)]), { signal });
        if (r.size !== size)
          throw new StorageError('unknown', `Multipart probe stored ${r.size} of ${size} bytes.`);
        return `two-part multipart upload of ${size} bytes completed`;
      },
      presignedGet: async (key, expected, signal) => {
        const res = await fetch(await driver.presignDownload(key, 300), { signal: signal ?? null });
        const got = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200) {
          throw new StorageError('access_denied', `The presigned GET URL was refused (HTTP ${res.status}).`, {
            hint: 'Presigned URLs need the server clock in sync and a key allowed to GetObject.',
          });
        }
        if (!got.equals(expected))
          throw new StorageError('unknown', 'The presigned GET returned different content.');
        return `presigned GET returned the probe (HTTP ${res.status})`;
      },
      presignedPut: async (key, track, signal) => {
        track(key);
        const body = Buffer.from('presigned put probe\n');
        const res = await fetch(await driver.presignUpload(key, 300), {
          method: 'PUT',
          body,
          signal: signal ?? null,
        });
        await res.arrayBuffer();
        if (res.status !== 200) {
          throw new StorageError('access_denied', `The presigned PUT URL was refused (HTTP ${res.status}).`, {
            hint: 'Presigned uploads need a key allowed to PutObject.',
          });
        }
        const s = await driver.stat(key, { signal });
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
