import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { SourceError } from '../environments/source-error.js';
import type { StorageDriver, UploadOptions } from '../storage/storage-driver.js';
import { StorageError } from '../storage/storage-errors.js';
import { PartError, streamToStorage } from '../storage/pipeline/stream-to-storage.js';
import { ByteRange } from './backup-streams.js';

/** A driver whose upload consumes the body into memory, or fails after `failAfter` bytes. */
function memoryDriver(failAfter?: number) {
  const stored: Buffer[] = [];
  const driver = {
    async upload(key: string, body: Readable, _opts?: UploadOptions) {
      let n = 0;
      for await (const chunk of body) {
        n += (chunk as Buffer).length;
        stored.push(chunk as Buffer);
        if (failAfter !== undefined && n >= failAfter) {
          throw new StorageError('endpoint_unreachable', 'The storage server closed the connection.');
        }
      }
      return { key, size: n };
    },
  } as unknown as StorageDriver;
  return { driver, stored };
}

const signal = new AbortController().signal;

describe('streamToStorage', () => {
  it('uploads the transformed bytes with their sha256 and size', async () => {
    const data = Buffer.from('x'.repeat(100_000));
    const { driver, stored } = memoryDriver();
    let sourceBytes = 0;
    const r = await streamToStorage(driver, 'k', Readable.from([data]), [], {
      signal,
      onSourceBytes: (n) => (sourceBytes += n),
    });
    expect(r).toEqual({ size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(Buffer.concat(stored).equals(data)).toBe(true);
    expect(sourceBytes).toBe(data.length);
  });

  it('a failing source fails the upload and is reported as the cause', async () => {
    const source = new PassThrough();
    source.write(Buffer.alloc(1000));
    setTimeout(() => source.destroy(new SourceError('dump_failed', 'pg_dump failed (exit code 1)')), 10);
    const { driver } = memoryDriver();
    const err = await streamToStorage(driver, 'k', source, [], {
      signal,
      onSourceBytes: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartError);
    expect(err).toMatchObject({ side: 'source', error: { code: 'dump_failed' } });
  });

  it('a failing storage is reported as such (not as a source error) and stops the source', async () => {
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) yield Buffer.alloc(64 * 1024);
      })(),
    );
    const { driver } = memoryDriver(256 * 1024);
    const err = await streamToStorage(driver, 'k', source, [], {
      signal,
      onSourceBytes: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ side: 'storage', error: { code: 'endpoint_unreachable' } });
    expect(source.destroyed).toBe(true);
  });
});

describe('ByteRange', () => {
  it('passes exactly the requested inclusive range across chunk boundaries', async () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    const chunks = [data.subarray(0, 100), data.subarray(100, 550), data.subarray(550)];
    const out: Buffer[] = [];
    const range = new ByteRange(95, 600);
    Readable.from(chunks).pipe(range);
    for await (const c of range) out.push(c as Buffer);
    expect(Buffer.concat(out).equals(data.subarray(95, 601))).toBe(true);
  });
});
