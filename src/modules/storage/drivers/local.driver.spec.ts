import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { markDisposable } from '../stream-utils.js';
import { LocalDriver } from './local.driver.js';

// The driver's behaviour is covered by the storage contract suite (test/storage/local.e2e-spec.ts);
// this checks only that it frees the chunks a backup marks, and only once they are written.
describe('LocalDriver upload', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-local-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('frees marked chunks once written, and writes every byte', async () => {
    const data = randomBytes(4 * 1024 * 1024);
    const chunks = Array.from({ length: 64 }, (_, i) =>
      markDisposable(Buffer.from(data.subarray(i * 65536, (i + 1) * 65536))),
    );
    const unmarked = Buffer.from(data.subarray(0, 65536));
    const driver = new LocalDriver({ provider: 'local', bucket: dir });
    const r = await driver.upload('a/b.bin', Readable.from([...chunks, unmarked]));
    expect(r.size).toBe(data.length + unmarked.length);
    const stored = readFileSync(path.join(dir, 'a/b.bin'));
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(stored)).toBe(sha(Buffer.concat([data, data.subarray(0, 65536)])));
    expect(chunks.every((c) => c.length === 0)).toBe(true);
    expect(unmarked.length).toBe(65536);
  });
});
