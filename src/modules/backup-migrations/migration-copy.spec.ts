import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStorageDriver } from '../storage/storage-driver.factory.js';
import type { BackupPart } from '../backups/backup.entity.js';
import { IntegrityError, streamPartVerified } from './migration-copy.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('streamPartVerified (local drivers, real files)', () => {
  let root: string;
  const drivers = () => ({
    source: createStorageDriver({ provider: 'local', bucket: path.join(root, 'src') }),
    target: createStorageDriver({ provider: 'local', bucket: path.join(root, 'dst') }),
  });
  const data = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
  const part = (over: Partial<BackupPart> = {}): BackupPart => ({
    name: 'filestore',
    key: 'b1/filestore.tar.gz',
    sizeBytes: data.length,
    sha256: sha(data),
    compression: 'gzip',
    format: 'tar',
    ...over,
  });
  const options = () => ({ signal: new AbortController().signal, onBytes: () => undefined });

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'offsite-migration-copy-'));
    mkdirSync(path.join(root, 'src', 'b1'), { recursive: true });
    mkdirSync(path.join(root, 'dst'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'b1', 'filestore.tar.gz'), data);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies a part whose bytes match, counting every byte', async () => {
    const { source, target } = drivers();
    let bytes = 0;
    await streamPartVerified(source, target, part(), { ...options(), onBytes: (n) => (bytes += n) });
    expect(sha(readFileSync(path.join(root, 'dst', 'b1', 'filestore.tar.gz')))).toBe(sha(data));
    expect(bytes).toBe(data.length);
  });

  it.each([
    ['a different sha256', { sha256: 'f'.repeat(64) }, /sha256/],
    ['fewer bytes recorded', { sizeBytes: data.length - 1 }, /larger than/],
    ['more bytes recorded', { sizeBytes: data.length + 1 }, /bytes, .* recorded/],
  ])(
    'refuses %s with integrity_failed naming the part; nothing stays on the target',
    async (_n, over, msg) => {
      const { source, target } = drivers();
      const err = await streamPartVerified(source, target, part(over), options()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IntegrityError);
      expect((err as IntegrityError).part).toBe('filestore');
      expect((err as Error).message).toMatch(msg);
      expect(existsSync(path.join(root, 'dst', 'b1', 'filestore.tar.gz'))).toBe(false);
      expect(readFileSync(path.join(root, 'src', 'b1', 'filestore.tar.gz')).equals(data)).toBe(true);
    },
  );

  it('a part missing from the source is an integrity failure naming it', async () => {
    const { source, target } = drivers();
    const err = await streamPartVerified(source, target, part({ key: 'b1/gone' }), options()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toContain('missing from the source');
  });
});
