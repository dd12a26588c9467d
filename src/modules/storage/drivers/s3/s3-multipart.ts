import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
  type StorageClass,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { PartBuffers } from '../../pipeline/part-buffers.js';

export interface MultipartParams {
  bucket: string;
  key: string;
  contentType: string;
  storageClass?: string;
  partSize: number;
  /** Parts uploading at once; one more buffer is being filled meanwhile. */
  queueSize: number;
  /** Aborts every request of this upload (the caller's signal and the first failure). */
  signal: AbortSignal;
  /** Bounds the AbortMultipartUpload sent after a failure. */
  cleanupTimeoutMs: number;
}

export interface MultipartResult {
  size: number;
  etag?: string;
}

/**
 * Uploads a stream of unknown length to S3 on the public multipart commands, with a fixed set of
 * queueSize + 1 part buffers reused for the whole upload: the body is copied into the buffer being
 * filled, a full buffer is sent as UploadPart, and when every buffer is out the body is not read
 * until a part completes (back-pressure). Memory is partSize × (queueSize + 1) whatever the size
 * of the object. A body smaller than one part is a single PutObject. Any failure aborts the
 * requests in flight and the multipart upload, so no parts are left behind to be billed.
 */
export async function uploadMultipart(
  client: S3Client,
  body: Readable,
  p: MultipartParams,
  onRequestError: (err: unknown) => void,
): Promise<MultipartResult> {
  const buffers = new PartBuffers(p.partSize, p.queueSize + 1);
  const common = {
    Bucket: p.bucket,
    Key: p.key,
    ContentType: p.contentType,
    ...(p.storageClass ? { StorageClass: p.storageClass as StorageClass } : {}),
  };
  let uploadId: string | undefined;
  const parts: CompletedPart[] = [];
  const inFlight = new Set<Promise<void>>();
  let failed = false;
  const fail = (err: unknown) => {
    if (failed) return;
    failed = true;
    onRequestError(err);
    buffers.fail(err);
  };
  const opts = { abortSignal: p.signal };

  const startPart = async (buf: Buffer, length: number): Promise<void> => {
    uploadId ??= (await client.send(new CreateMultipartUploadCommand(common), opts)).UploadId;
    if (!uploadId) throw new Error('CreateMultipartUpload returned no UploadId.');
    const partNumber = parts.length + 1;
    parts.push({ PartNumber: partNumber });
    const request = client
      .send(
        new UploadPartCommand({
          Bucket: p.bucket,
          Key: p.key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: buf.subarray(0, length),
          ContentLength: length,
        }),
        opts,
      )
      .then(
        (out) => {
          parts[partNumber - 1]!.ETag = out.ETag;
          buffers.give(buf);
        },
        (err: unknown) => fail(err),
      );
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  let size = 0;
  let buf: Buffer | undefined;
  let fill = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      for (let offset = 0; offset < chunk.length;) {
        buf ??= await buffers.take();
        const n = chunk.copy(buf, fill, offset);
        offset += n;
        fill += n;
        size += n;
        if (fill === p.partSize) {
          await startPart(buf, fill);
          buf = undefined;
          fill = 0;
        }
      }
    }
    if (uploadId === undefined) {
      // smaller than one part (or empty): one request
      const out = await client.send(
        new PutObjectCommand({
          ...common,
          Body: buf ? buf.subarray(0, fill) : Buffer.alloc(0),
          ContentLength: fill,
        }),
        opts,
      );
      return { size, etag: out.ETag };
    }
    if (buf && fill > 0) await startPart(buf, fill);
    while (inFlight.size > 0) await Promise.all(inFlight);
    if (failed) await buffers.take(); // throws the first failure
    const out = await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: p.bucket,
        Key: p.key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
      opts,
    );
    return { size, etag: out.ETag };
  } catch (err) {
    fail(err);
    await Promise.allSettled(inFlight);
    if (uploadId) {
      await client
        .send(new AbortMultipartUploadCommand({ Bucket: p.bucket, Key: p.key, UploadId: uploadId }), {
          abortSignal: AbortSignal.timeout(p.cleanupTimeoutMs),
        })
        .catch(() => undefined);
    }
    throw err;
  }
}
