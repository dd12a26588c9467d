import { pipeline, type Readable } from 'node:stream';
import type { UploadOptions, UploadResult } from '../../storage-driver.js';
import { StorageError, abortedError, invalidConfig, mapNetworkError } from '../../storage-errors.js';
import { ByteCounter } from '../../pipeline/byte-counter.js';
import type { S3Connection } from './s3-client.js';
import { uploadMultipart } from './s3-multipart.js';
import { MiB, planParts } from './s3-part-plan.js';

/**
 * Streams one object as a multipart upload whose part size fits the known or estimated size into
 * the provider's part-count limit. A failed request, a failed source and a cancel each end the
 * upload at once with the error that caused it.
 */
export async function uploadS3Object(
  c: S3Connection,
  key: string,
  body: Readable,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const plan = planParts(
    options.contentLength ?? options.sizeEstimate ?? c.options.partSizeEstimate,
    c.options.maxParts ?? 10_000,
    c.options.queueSize ?? 4,
  );
  if (options.contentLength !== undefined && options.contentLength > plan.maxBytes) {
    throw invalidConfig(`The object is larger than ${plan.maxBytes} bytes, the part-count limit.`);
  }
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) throw abortedError(options.signal.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let limitError: StorageError | undefined;
  const counter = new ByteCounter((bytes) => {
    if (bytes > plan.maxBytes && !limitError) {
      limitError = new StorageError(
        'invalid_config',
        `The upload passed ${plan.maxBytes} bytes, the limit for ${c.options.maxParts ?? 10_000} parts of ${plan.partSize / MiB} MiB.`,
        { hint: 'Pass a size estimate (e.g. the database size) so a larger part size is chosen.' },
      );
      counter.destroy(limitError);
    }
    options.onProgress?.(bytes);
  }, options.contentLength);
  pipeline(body, counter, () => undefined);
  let requestError: unknown;
  try {
    const result = await uploadMultipart(
      c.client,
      counter,
      {
        bucket: c.bucket,
        key,
        contentType: options.contentType ?? 'application/octet-stream',
        storageClass: c.target.storageClass ?? undefined,
        partSize: plan.partSize,
        queueSize: plan.queueSize,
        signal: controller.signal,
        cleanupTimeoutMs: c.timeoutMs,
      },
      // The first failed request ends the upload at once: the others are aborted, and the body
      // is not waited for.
      (err) => {
        if (controller.signal.aborted) return;
        requestError ??= err;
        controller.abort(err);
        counter.destroy();
      },
    );
    if (counter.errored) throw counter.errored;
    return { key, size: result.size, etag: result.etag?.replace(/"/g, '') };
  } catch (err) {
    const sourceError = counter.errored ?? body.errored;
    body.destroy();
    counter.destroy();
    if (sourceError instanceof StorageError) throw sourceError;
    if (options.signal?.aborted) throw abortedError(err);
    if (requestError === undefined && sourceError && sourceError.name !== 'AbortError') {
      throw (
        mapNetworkError(sourceError, c.secrets) ??
        new StorageError('unknown', 'The upload source failed.', { cause: sourceError })
      );
    }
    throw c.fail(requestError ?? err, 'object', key);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
