/**
 * Streams a few hundred MB through one byte path in a process of its own and prints, as JSON, how
 * much its resident set grew over what it was after a warm-up run of the same path. Run by
 * test/storage/bounded-memory.e2e-spec.ts:
 *   node memory-probe.js '{"case":"s3-upload","mib":256,"s3":{…}}'
 *   node memory-probe.js '{"case":"backup","mib":256,"codec":"gzip","engine":"process","dir":"…"}'
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  setCodecEngine,
  compressor,
  type Codec,
  type CodecEngine,
} from '../../src/modules/storage/pipeline/codec.js';
import { streamToStorage } from '../../src/modules/storage/pipeline/stream-to-storage.js';
import { LocalDriver } from '../../src/modules/storage/drivers/local/local.driver.js';
import { S3Driver } from '../../src/modules/storage/drivers/s3/s3.driver.js';
import type { StorageDriver } from '../../src/modules/storage/storage-driver.js';

const MiB = 1024 * 1024;

interface ProbeArgs {
  case: 's3-upload' | 'backup';
  mib: number;
  codec?: Codec;
  engine?: CodecEngine;
  dir?: string;
  s3?: { endpoint: string; region: string; bucket: string; accessKey: string; secretKey: string };
}

/**
 * bytes of half text, half random data in fresh 64 KiB chunks, as a pipe from pg_dump or a file
 * read delivers them: every chunk is a new buffer that becomes garbage once passed on.
 */
export function source(bytes: number): Readable {
  const random = randomBytes(MiB);
  const text = Buffer.from('offsite backup line of ordinary text 0123456789\n'.repeat(MiB / 48 + 1));
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return void this.push(null);
      const n = Math.min(64 * 1024, bytes - sent);
      const chunk = Buffer.allocUnsafe(n);
      const from = (sent / 4) % (MiB - n);
      (Math.floor(sent / MiB) % 2 ? random : text).copy(chunk, 0, from, from + n);
      chunk.writeUInt32BE(sent >>> 0, 0);
      sent += n;
      this.push(chunk);
    },
  });
}

async function run(args: ProbeArgs, driver: StorageDriver, key: string, mib: number): Promise<number> {
  if (args.case === 's3-upload') return (await driver.upload(key, source(mib * MiB))).size;
  const r = await streamToStorage(driver, key, source(mib * MiB), [compressor(args.codec!)], {
    signal: new AbortController().signal,
    onBytes: () => undefined,
  });
  return r.size;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as ProbeArgs;
  if (args.engine) setCodecEngine(args.engine);
  const driver: StorageDriver =
    args.case === 's3-upload'
      ? new S3Driver(
          {
            provider: 's3_compatible',
            endpointUrl: args.s3!.endpoint,
            region: args.s3!.region,
            bucket: args.s3!.bucket,
            accessKey: args.s3!.accessKey,
            secretKey: args.s3!.secretKey,
          },
          { allowInsecureEndpoints: true, allowPrivateEndpoints: true },
        )
      : new LocalDriver({ provider: 'local', bucket: args.dir! });
  // warm-up: code loaded, connections and pools made, so the growth below is the stream's alone
  await run(args, driver, 'warm-up', 16);
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = process.hrtime.bigint();
  const stored = await run(args, driver, 'probe', args.mib);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await driver.close();
  process.stdout.write(
    JSON.stringify({
      beforeMb: before / MiB,
      peakMb: peak / MiB,
      growthMb: (peak - before) / MiB,
      stored,
      seconds,
    }) + '\n',
  );
}

await main();
