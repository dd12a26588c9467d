import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FilestoreReader } from '../environments/filestore.service.js';
import { codecEngine } from '../storage/pipeline/codec.js';
import { SourceError } from '../environments/source-error.js';
import type { StorageDriver, UploadOptions } from '../storage/storage-driver.js';
import { StorageError } from '../storage/storage-errors.js';
import { PartError, streamToStorage } from '../storage/pipeline/stream-to-storage.js';
import { ByteRange, filestoreSource } from './backup-streams.js';

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
    let progressBytes = 0;
    const r = await streamToStorage(driver, 'k', Readable.from([data]), [], {
      signal,
      onBytes: (n) => (progressBytes += n),
    });
    expect(r).toEqual({ size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(Buffer.concat(stored).equals(data)).toBe(true);
    expect(progressBytes).toBe(data.length);
  });

  it('a failing source fails the upload and is reported as the cause', async () => {
    const source = new PassThrough();
    source.write(Buffer.alloc(1000));
    setTimeout(() => source.destroy(new SourceError('dump_failed', 'pg_dump failed (exit code 1)')), 10);
    const { driver } = memoryDriver();
    const err = await streamToStorage(driver, 'k', source, [], {
      signal,
      onBytes: () => undefined,
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
      onBytes: () => undefined,
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

describe('filestoreSource', () => {
  const reader = new FilestoreReader();
  let root: string;
  let dir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'offsite-fs-'));
    dir = path.join(root, 'filestore');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'sub', 'a.txt'), 'inside\n'.repeat(1000));
    writeFileSync(path.join(root, 'secret.txt'), 'outside the filestore\n');
    symlinkSync(path.join(root, 'secret.txt'), path.join(dir, 'escape'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** `tar -tvz` of what the source produced (after its remaining transforms). */
  async function listing(source: {
    stream: Readable;
    transforms: NodeJS.ReadWriteStream[];
  }): Promise<string> {
    const out: Buffer[] = [];
    await (pipeline as (...s: unknown[]) => Promise<void>)(
      source.stream,
      ...source.transforms,
      async (src: AsyncIterable<Buffer>) => {
        for await (const c of src) out.push(c);
      },
    );
    const packed = Buffer.concat(out);
    expect(packed.includes(Buffer.from('outside the filestore'))).toBe(false);
    return execFileSync('tar', ['-tvzf', '-'], { input: packed, encoding: 'utf8' });
  }

  const piped = codecEngine('gzip') === 'process' && reader.tarFits({ fileCount: 0, totalBytes: 0 });
  if (!piped)
    process.stdout.write('[backup-streams] SKIPPED: the GNU tar case: GNU tar or pigz is not installed\n');

  (piped ? it : it.skip)(
    'GNU tar into the codec: symlinks stored as symlinks, never followed; counts from the walk',
    async () => {
      const scanned = await reader.scan(dir);
      const src = filestoreSource(reader, dir, scanned, 'gzip', signal);
      expect(src.transforms).toHaveLength(0);
      const list = await listing(src);
      expect(list).toMatch(/^l.* \.\/escape -> .*secret\.txt$/m);
      expect(list).toMatch(/\.\/sub\/a\.txt$/m);
      expect(src.stats).toEqual({ fileCount: 1, totalBytes: 7000 });
    },
  );

  it('a FIFO in the filestore: Node archives (FIFOs are never archived), counting as it reads', async () => {
    execFileSync('mkfifo', [path.join(dir, 'sub', 'pipe')]);
    const scanned = await reader.scan(dir);
    expect(scanned.special).toBe(1);
    const src = filestoreSource(reader, dir, scanned, 'gzip', signal);
    expect(src.transforms).toHaveLength(1);
    const list = await listing(src);
    expect(list).not.toMatch(/pipe/);
    expect(list).toMatch(/^l.* \.\/escape -> .*secret\.txt$/m);
    expect(src.stats).toEqual({ fileCount: 1, totalBytes: 7000 });
  });
});
