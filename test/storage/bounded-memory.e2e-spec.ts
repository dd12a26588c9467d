import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { codecEngine } from '../../src/modules/storage/pipeline/codec.js';
import { createBucket, skipReason, startS3Server, type S3TestServer } from '../support/storage-servers.js';

/**
 * Memory is bounded by the byte path's design (fixed buffers in flight, back-pressure), not by the
 * garbage collector's mood: a few hundred MB streamed in a fresh process (plain node, no flags)
 * may grow its resident set by a fixed amount only. The source delivers a new 64 KiB buffer per
 * chunk, as a pipe does. Limits leave room for V8 collecting dead chunks when it sees fit
 * (measured: ~10-40 MB) but not for anything proportional to the volume.
 */
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../support/memory-probe.js');
const MIB = 256;
const LIMIT_MB = 96;

interface Probe {
  beforeMb: number;
  peakMb: number;
  growthMb: number;
  stored: number;
  seconds: number;
}

async function probe(args: object): Promise<Probe> {
  const { stdout } = await promisify(execFile)(process.execPath, [PROBE, JSON.stringify(args)], {
    maxBuffer: 1024 * 1024,
  });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as Probe;
  process.stdout.write(`[bounded memory] ${JSON.stringify(args).slice(0, 80)}: ${JSON.stringify(result)}\n`);
  return result;
}

describe('bounded memory of the byte path', () => {
  let s3: S3TestServer;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-bounded-'));
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`an S3 upload of ${MIB} MiB grows the process by less than ${LIMIT_MB} MB`, async () => {
    const bucket = `bounded-${Date.now()}`;
    await createBucket(s3, bucket);
    const r = await probe({
      case: 's3-upload',
      mib: MIB,
      s3: {
        endpoint: s3.endpoint,
        region: s3.region,
        bucket,
        accessKey: s3.accessKey,
        secretKey: s3.secretKey,
      },
    });
    expect(r.stored).toBe(MIB * 1024 * 1024);
    expect(r.growthMb).toBeLessThan(LIMIT_MB);
  }, 180_000);

  // A codec binary that is not installed skips its case visibly (decided here, not inside the test).
  const cases = (
    [
      ['gzip', 'in-process'],
      ['gzip', 'process'],
      ['zstd', 'in-process'],
      ['zstd', 'process'],
    ] as const
  ).filter(([codec, engine]) => {
    if (engine !== 'process' || codecEngine(codec, 'process') === 'process') return true;
    skipReason(
      `${codec} as a child process: the ${codec === 'gzip' ? 'pigz' : 'zstd'} binary is not installed`,
    );
    it.skip(`a ${codec} backup stream (process) [its binary is not installed]`, () => undefined);
    return false;
  });
  it.each(cases)(
    `a %s backup stream of ${MIB} MiB (%s) grows the process by less than ${LIMIT_MB} MB`,
    async (codec, engine) => {
      const r = await probe({ case: 'backup', mib: MIB, codec, engine, dir });
      expect(r.stored).toBeGreaterThan(0);
      expect(r.growthMb).toBeLessThan(LIMIT_MB);
    },
    180_000,
  );
});
