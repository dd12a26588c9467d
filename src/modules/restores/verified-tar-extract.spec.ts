import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gnuTarAvailable } from '../../common/process/gnu-tar.js';
import { BlockHasher } from '../storage/pipeline/byte-counter.js';
import { codecEngine } from '../storage/pipeline/codec.js';
import { feedVerified, type ExpectedPart } from './restore-streams.js';
import { verifiedTarExtraction } from './verified-tar-extract.js';

const BLOCK = 64 * 1024;
const signal = new AbortController().signal;
const ready = gnuTarAvailable() && codecEngine('gzip') === 'process';
if (!ready)
  process.stdout.write('[restore tests] SKIPPED: verified GNU tar extraction needs GNU tar and pigz\n');
const maybe = ready ? it : it.skip;

/** A tree as GNU tar archives it (`tar -czf - -C dir .`, as backups do), with its catalog entry. */
function archiveOf(build: (dir: string) => void): { data: Buffer; part: ExpectedPart } {
  const src = mkdtempSync(path.join(os.tmpdir(), 'offsite-vtar-src-'));
  try {
    build(src);
    const data = execFileSync('bash', ['-c', `tar --create --file=- --directory="${src}" . | pigz -c`], {
      maxBuffer: 1 << 28,
    });
    const blocks = new BlockHasher(BLOCK);
    blocks.update(data);
    return {
      data,
      part: {
        name: 'filestore',
        key: 'f.tar.gz',
        sizeBytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        blocks: { size: BLOCK, sha256: blocks.end() },
      },
    };
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

/** Feeds the stored bytes in odd-sized chunks (block boundaries fall inside chunks). */
async function restoreInto(data: Buffer, part: ExpectedPart) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-vtar-dst-'));
  const ext = verifiedTarExtraction(dir, part, 'gzip')!;
  expect(ext).not.toBeNull();
  const chunks = [];
  for (let off = 0; off < data.length; off += 10_007) chunks.push(data.subarray(off, off + 10_007));
  const result = await feedVerified(Readable.from(chunks), part, ext.sink, {
    signal,
    onBytes: () => undefined,
  })
    .then((err) => (err ? Promise.reject(err) : ext.done))
    .then(
      (r) => ({ ok: r }),
      (e: unknown) => ({ error: e as Error & { code?: string } }),
    );
  return { dir, result };
}

describe('verified GNU tar extraction (real tar and pigz)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  maybe('extracts the tree exactly (files, modes, inner links), counting its entries', async () => {
    const payload = randomBytes(300 * 1024); // several blocks, incompressible
    const { data, part } = archiveOf((d) => {
      mkdirSync(path.join(d, 'a/b'), { recursive: true });
      writeFileSync(path.join(d, 'a/b/data.bin'), payload, { mode: 0o640 });
      writeFileSync(path.join(d, 'readme.txt'), 'hello');
      symlinkSync('a/b/data.bin', path.join(d, 'link'));
    });
    expect(part.blocks!.sha256.length).toBeGreaterThan(3);
    const { dir, result } = await restoreInto(data, part);
    dirs.push(dir);
    expect(result).toEqual({ ok: { entries: 5 } });
    expect(readFileSync(path.join(dir, 'a/b/data.bin')).equals(payload)).toBe(true);
    expect(readlinkSync(path.join(dir, 'link'))).toBe('a/b/data.bin');
  });

  maybe(
    'a changed byte: integrity_failed naming the block, and nothing of that block or after it reaches tar',
    async () => {
      const { data, part } = archiveOf((d) => {
        for (let i = 0; i < 8; i++) writeFileSync(path.join(d, `f${i}.bin`), randomBytes(40 * 1024));
      });
      const bad = Buffer.from(data);
      bad[0] ^= 0xff; // block 0: tar must see nothing at all
      const { dir, result } = await restoreInto(bad, part);
      dirs.push(dir);
      expect(result).toMatchObject({ error: { code: 'integrity_failed' } });
      expect((result as { error: Error }).error.message).toMatch(
        /block 0 \(bytes 0–65535\) does not match the catalog/,
      );
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  maybe(
    'a link leading outside the target refuses the restore naming the entry (checked before any swap)',
    async () => {
      const { data, part } = archiveOf((d) => {
        writeFileSync(path.join(d, 'ok.txt'), 'ok');
        symlinkSync('/etc/passwd', path.join(d, 'passwd-link'));
      });
      const { dir, result } = await restoreInto(data, part);
      dirs.push(dir);
      expect(result).toMatchObject({ error: { code: 'unsafe_archive' } });
      expect((result as { error: Error }).error.message).toContain(
        '"passwd-link" with a link to the absolute path "/etc/passwd"',
      );
    },
  );

  it('is not used without block hashes (older backups keep the entry-by-entry extraction)', () => {
    const part: ExpectedPart = { name: 'filestore', key: 'k', sizeBytes: 1, sha256: 'x' };
    expect(verifiedTarExtraction(os.tmpdir(), part, 'gzip')).toBeNull();
  });
});
