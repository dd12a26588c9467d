import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import type { PrefixedStorageDriver } from '../../storage-driver.factory.js';
import { normalizeKey } from '../../storage-keys.js';
import { S3Driver } from './s3.driver.js';

/** CopyObject copies up to 5 GiB in one request; larger objects go through UploadPartCopy. */
const SINGLE_COPY_LIMIT = 5 * 1024 ** 3;
const MIN_COPY_PART = 512 * 1024 ** 2;

/** Copies objects inside the storage service, without their bytes passing through Offsite. */
export interface ServerSideCopier {
  copy(sourceKey: string, targetKey: string, size: number, signal?: AbortSignal): Promise<void>;
}

/**
 * An optional capability of two S3-family drivers: when both talk to the same endpoint and region
 * with the same credentials, an object moves with CopyObject (UploadPartCopy above 5 GiB). Null
 * otherwise: the caller streams the bytes instead. Keys are relative to each driver's path prefix.
 */
export function serverSideCopier(
  source: PrefixedStorageDriver,
  target: PrefixedStorageDriver,
): ServerSideCopier | null {
  if (!(source.inner instanceof S3Driver) || !(target.inner instanceof S3Driver)) return null;
  const from = source.inner.serverCopyContext();
  const to = target.inner.serverCopyContext();
  if (from.identity !== to.identity) return null;
  const client = to.client;
  return {
    async copy(sourceKey, targetKey, size, signal) {
      const srcFull = source.prefix + normalizeKey(sourceKey);
      const dstFull = target.prefix + normalizeKey(targetKey);
      const copySource = `${from.bucket}/${encodeURIComponent(srcFull).replace(/%2F/g, '/')}`;
      try {
        if (size <= SINGLE_COPY_LIMIT) {
          await client.send(
            new CopyObjectCommand({
              Bucket: to.bucket,
              Key: dstFull,
              CopySource: copySource,
              MetadataDirective: 'COPY',
            }),
            { abortSignal: signal },
          );
          return;
        }
        const partSize = Math.max(MIN_COPY_PART, Math.ceil(size / 10_000));
        const created = await client.send(
          new CreateMultipartUploadCommand({ Bucket: to.bucket, Key: dstFull }),
          { abortSignal: signal },
        );
        const uploadId = created.UploadId!;
        try {
          const parts: { ETag: string; PartNumber: number }[] = [];
          for (let start = 0, n = 1; start < size; start += partSize, n++) {
            const end = Math.min(start + partSize, size) - 1;
            const out = await client.send(
              new UploadPartCopyCommand({
                Bucket: to.bucket,
                Key: dstFull,
                UploadId: uploadId,
                PartNumber: n,
                CopySource: copySource,
                CopySourceRange: `bytes=${start}-${end}`,
              }),
              { abortSignal: signal },
            );
            parts.push({ ETag: out.CopyPartResult!.ETag!, PartNumber: n });
          }
          await client.send(
            new CompleteMultipartUploadCommand({
              Bucket: to.bucket,
              Key: dstFull,
              UploadId: uploadId,
              MultipartUpload: { Parts: parts },
            }),
            { abortSignal: signal },
          );
        } catch (err) {
          await client
            .send(new AbortMultipartUploadCommand({ Bucket: to.bucket, Key: dstFull, UploadId: uploadId }))
            .catch(() => undefined);
          throw err;
        }
      } catch (err) {
        throw to.fail(err, dstFull);
      }
    },
  };
}
