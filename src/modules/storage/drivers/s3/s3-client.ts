import { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { guardedLookup } from '../../endpoint-rules.js';
import type { S3Endpoint } from '../../providers/s3-endpoints.js';
import type { S3Provider, StorageDriverOptions, StorageTarget } from '../../storage-driver.js';
import type { StorageError } from '../../storage-errors.js';
import type { S3ErrorContext } from './s3-errors.js';

/** What the parts of the S3 driver (upload, bucket discovery, connection test) share. */
export interface S3Connection {
  readonly provider: S3Provider;
  readonly target: StorageTarget & { provider: S3Provider };
  readonly options: StorageDriverOptions;
  readonly bucket: string;
  readonly endpoint: S3Endpoint;
  readonly client: S3Client;
  readonly timeoutMs: number;
  readonly secrets: readonly string[];
  /** Maps an SDK or network error of a request addressing `scope` to a StorageError. */
  fail(err: unknown, scope: S3ErrorContext['scope'], key?: string): StorageError;
}

export interface S3ClientSettings {
  endpoint: S3Endpoint;
  accessKey: string;
  secretKey: string;
  timeoutMs: number;
  options: StorageDriverOptions;
}

/**
 * The SDK client with the product's transport: keep-alive agents whose DNS lookup refuses
 * forbidden addresses, the platform's extra CA, checksums that S3-compatible services accept, and
 * Content-MD5 on DeleteObjects where the service requires it.
 */
export function createS3Client({
  endpoint,
  accessKey,
  secretKey,
  timeoutMs,
  options,
}: S3ClientSettings): S3Client {
  const agentOptions = {
    keepAlive: true,
    maxSockets: 32,
    lookup: guardedLookup(options.allowPrivateEndpoints ?? false),
    ...(options.caCert ? { ca: [...tls.rootCertificates, options.caCert] } : {}),
  };
  const checksums = options.s3Checksums === 'when_supported' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
  const client = new S3Client({
    region: endpoint.region,
    endpoint: endpoint.endpoint,
    forcePathStyle: endpoint.forcePathStyle,
    credentials: { accessKeyId: accessKey, secretAccessKey: secretKey },
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums,
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
    },
  });
  if (options.s3ContentMd5OnDelete ?? true) {
    // Swift (and B2 with Object Lock) require Content-MD5 on DeleteObjects; the SDK sends CRC32.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const request = args.request as { headers?: Record<string, string>; body?: unknown };
        if (context.commandName === 'DeleteObjectsCommand' && request.headers && request.body !== undefined) {
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
