import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import { derivedName } from './pg-loader.service.js';
import { feedVerified, toleratingEarlyClose, unsafeEntry } from './restore-streams.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const collect = () => {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(c: Buffer, _e, cb) {
      chunks.push(c);
      cb();
    },
  });
  return { sink, data: () => Buffer.concat(chunks) };
};
const signal = new AbortController().signal;

describe('restore streams', () => {
  it('refuses absolute paths, .. segments and links leaving the target; allows links inside', () => {
    expect(unsafeEntry('/etc/passwd', 'File', undefined)).toBe('an absolute path');
    expect(unsafeEntry('a/../../x', 'File', undefined)).toBe('a ".." path segment');
    expect(unsafeEntry('../x', 'Directory', undefined)).toBe('a ".." path segment');
    expect(unsafeEntry('a/link', 'SymbolicLink', '/etc/shadow')).toContain('absolute path "/etc/shadow"');
    expect(unsafeEntry('a/link', 'SymbolicLink', '../../x')).toContain('outside the target');
    expect(unsafeEntry('a/hard', 'Link', '../x')).toContain('outside the target');
    expect(unsafeEntry('a/b/link', 'SymbolicLink', '../c.txt')).toBeNull();
    expect(unsafeEntry('./link-to-readme', 'SymbolicLink', 'ab/readme.txt')).toBeNull();
    expect(unsafeEntry('./dev', 'CharacterDevice', undefined)).toContain('unsupported');
    expect(unsafeEntry('./ok/file.txt', 'File', undefined)).toBeNull();
  });

  it('derived database names fit in 63 bytes by shortening the base', () => {
    expect(derivedName('shop', '_restoring_abc')).toBe('shop_restoring_abc');
    const long = derivedName('x'.repeat(60), '_before_restore_20261122t041142z');
    expect(Buffer.byteLength(long)).toBe(63);
    expect(long.endsWith('_before_restore_20261122t041142z')).toBe(true);
    expect(Buffer.byteLength(derivedName('é'.repeat(40), '_r'))).toBeLessThanOrEqual(63);
  });

  it('passes matching bytes through and reports a changed byte, a short or a long object by part', async () => {
    const data = Buffer.from('hello restore '.repeat(10_000));
    const part = { name: 'database', key: 'f/database.sql.gz', sizeBytes: data.length, sha256: sha(data) };
    const ok = collect();
    expect(
      await feedVerified(Readable.from([data]), part, ok.sink, { signal, onBytes: () => undefined }),
    ).toBe(undefined);
    expect(ok.data().equals(data)).toBe(true);

    const changed = Buffer.from(data);
    changed[5] ^= 1;
    await expect(
      feedVerified(Readable.from([changed]), part, collect().sink, { signal, onBytes: () => undefined }),
    ).rejects.toMatchObject({
      code: 'integrity_failed',
      message: expect.stringContaining('f/database.sql.gz'),
    });
    await expect(
      feedVerified(Readable.from([data.subarray(1)]), part, collect().sink, {
        signal,
        onBytes: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'integrity_failed', message: expect.stringContaining('bytes') });
    await expect(
      feedVerified(Readable.from([data, Buffer.from('x')]), part, collect().sink, {
        signal,
        onBytes: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'integrity_failed', message: expect.stringContaining('larger') });
  });

  it('reads to the end after the sink failed, so a changed object is still integrity_failed', async () => {
    const data = Buffer.alloc(1 << 20, 7);
    const part = { name: 'filestore', key: 'k', sizeBytes: data.length, sha256: sha(data) };
    const failing = () =>
      new Writable({
        highWaterMark: 1,
        write(_c, _e, cb) {
          cb(new Error('broken sink'));
        },
      });
    const chunks = (b: Buffer) => Readable.from([b.subarray(0, 1000), b.subarray(1000)]);
    const err = await feedVerified(chunks(data), part, failing(), { signal, onBytes: () => undefined });
    expect((err as Error).message).toBe('broken sink');
    const changed = Buffer.from(data);
    changed[changed.length - 1] = 0;
    await expect(
      feedVerified(chunks(changed), part, failing(), { signal, onBytes: () => undefined }),
    ).rejects.toMatchObject({ code: 'integrity_failed' });
  });
});

describe('toleratingEarlyClose', () => {
  it('reads the whole stream when the reader exits early (no EPIPE), and reports what it fed', async () => {
    // `head -c 10` exits after 10 bytes, as pg_restore may once it has read the archive.
    const child = spawn('head', ['-c', '10'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    let fed = 0;
    const chunks = Array.from({ length: 256 }, () => Buffer.alloc(64 * 1024, 7));
    const source = Readable.from(chunks).on('data', (c: Buffer) => (fed += c.length));
    await streamPipeline(source, toleratingEarlyClose(child.stdin));
    expect(fed).toBe(256 * 64 * 1024);
    expect(await exited).toBe(0);
  });

  it('still fails on a stdin error other than the reader closing', async () => {
    const target = new Writable({ write: (_c, _e, cb) => cb(new Error('disk on fire')) });
    await expect(
      streamPipeline(Readable.from([Buffer.from('x')]), toleratingEarlyClose(target)),
    ).rejects.toThrow('disk on fire');
  });
});
