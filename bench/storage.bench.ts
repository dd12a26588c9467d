/**
 * Upload throughput and peak memory per storage driver (`npm run bench:storage [-- <MB>]`).
 *
 * Each case runs in its own child process so its peak RSS (getrusage maxrss) is its own. Cases:
 * two baselines (the generated stream piped to /dev/null, and through `cat` into a file), local,
 * and every real server configured by the TEST_* variables of `.ci/test-servers.sh` (S3, FTP,
 * FTPS, SFTP), each followed by `rclone rcat` of the same bytes to the same server. Size: first
 * argument or BENCH_SIZE_MB (default 1024). Targets: Offsite ≥ 0.9× rclone, peak RSS < 256 MB.
 * BENCH_CASES=s3,ftp limits the run to the cases whose names contain one of those words.
 * The children run plain `node`, as `npm run worker` does; BENCH_NODE_FLAGS adds flags, e.g.
 * "--max-old-space-size=64" (a memory-capped worker).
 */
import { execFileSync, spawn, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageDriverOptions, StorageTarget } from '../src/modules/storage/storage-driver.js';

const MiB = 1024 * 1024;
/** The worker's peak RSS target (issue 17), reached without GC prompting or allocator flags. */
const RSS_TARGET_MB = 256;
const env = process.env;

interface Result {
  name: string;
  mbps: number;
  peakRssMb: number;
  /** Peak RSS before the first byte (modules and drivers loaded): what the upload itself adds is peak − this. */
  loadedRssMb: number;
  /** Peak of the Buffers' memory (sampled every 10 ms): what the stream holds, live or not yet collected. */
  buffersMb: number;
  error?: string;
}

const CHUNK = 64 * 1024;

/**
 * size bytes in 64 KiB chunks, as a pipe from pg_dump delivers them, without the cost of
 * generating random data for all of it.
 */
function source(size: number): Readable {
  const block = randomBytes(MiB);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(CHUNK, size - sent);
      const chunk = Buffer.allocUnsafe(n);
      block.copy(chunk, 0, sent % MiB, (sent % MiB) + n);
      // vary the first bytes so no chunk repeats (dedup / compression would flatter results)
      chunk.writeUInt32BE((sent / CHUNK) >>> 0, 0);
      sent += n;
      this.push(chunk);
    },
  });
}

interface Case {
  name: string;
  target?: () => Promise<StorageTarget>;
  options?: StorageDriverOptions;
  baseline?: (size: number) => Promise<void>;
}

/** `rclone rcat` of the same bytes to the same server, configured through RCLONE_CONFIG_* only. */
function rcloneCase(name: string, target: () => Promise<StorageTarget>): Case {
  return {
    name: `rclone rcat: ${name}`,
    baseline: async (size) => {
      const t = await target();
      const obscure = (p: string) => execFileSync('rclone', ['obscure', p], { encoding: 'utf8' }).trim();
      const conf: Record<string, string> =
        t.provider === 'sftp'
          ? {
              TYPE: 'sftp',
              HOST: t.host!,
              PORT: String(t.port),
              USER: t.accessKey!,
              PASS: obscure(t.secretKey!),
            }
          : t.provider === 'ftp'
            ? {
                TYPE: 'ftp',
                HOST: t.host!,
                PORT: String(t.port),
                USER: t.accessKey!,
                PASS: obscure(t.secretKey!),
                ...(t.useTls
                  ? { EXPLICIT_TLS: 'true', NO_CHECK_CERTIFICATE: 'true', DISABLE_TLS13: 'true' }
                  : {}),
              }
            : {
                TYPE: 's3',
                PROVIDER: 'Other',
                ENDPOINT: t.endpointUrl!,
                REGION: t.region ?? 'us-east-1',
                ACCESS_KEY_ID: t.accessKey!,
                SECRET_ACCESS_KEY: t.secretKey!,
              };
      const rcloneEnv: NodeJS.ProcessEnv = { ...env };
      delete rcloneEnv.AWS_CA_BUNDLE; // rclone's S3 backend refuses it ("unsupported transport")
      for (const [k, v] of Object.entries(conf)) rcloneEnv[`RCLONE_CONFIG_BENCH_${k}`] = v;
      const dest = `bench:${t.bucket ?? ''}/bench/rclone.bin`;
      const child = spawn('rclone', ['rcat', dest], {
        stdio: ['pipe', 'inherit', 'inherit'],
        env: rcloneEnv,
      });
      const exited = new Promise<void>((resolve, reject) =>
        child.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`rclone rcat exited ${code}`)),
        ),
      );
      await pipeline(source(size), child.stdin);
      await exited;
      execFileSync('rclone', ['deletefile', dest], { env: rcloneEnv, stdio: 'ignore' });
    },
  };
}

function hasRclone(): boolean {
  try {
    execFileSync('rclone', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function cases(tmp: string): Case[] {
  const list: Case[] = [
    {
      name: 'baseline: stream → /dev/null',
      baseline: (size) => pipeline(source(size), createWriteStream('/dev/null')),
    },
    {
      name: 'baseline: stream → cat → file',
      baseline: async (size) => {
        const cat = spawn('cat', [], { stdio: ['pipe', 'pipe', 'inherit'] });
        const done = pipeline(cat.stdout, createWriteStream(path.join(tmp, 'cat.out')));
        await pipeline(source(size), cat.stdin);
        await done;
        rmSync(path.join(tmp, 'cat.out'), { force: true });
      },
    },
    { name: 'local', target: async () => ({ provider: 'local', bucket: path.join(tmp, 'local') }) },
  ];
  const insecure: StorageDriverOptions = { allowInsecureEndpoints: true, allowPrivateEndpoints: true };
  if (env.TEST_S3_ENDPOINT) {
    list.push({
      name: 's3 (TEST_S3_ENDPOINT)',
      options: insecure,
      target: async () => {
        const { CreateBucketCommand, S3Client } = await import('@aws-sdk/client-s3');
        const bucket = `offsite-bench-${randomBytes(3).toString('hex')}`;
        const creds = {
          accessKeyId: env.TEST_S3_ACCESS_KEY ?? '',
          secretAccessKey: env.TEST_S3_SECRET_KEY ?? '',
        };
        const client = new S3Client({
          region: env.TEST_S3_REGION ?? 'us-east-1',
          endpoint: env.TEST_S3_ENDPOINT,
          forcePathStyle: true,
          credentials: creds,
        });
        await client.send(new CreateBucketCommand({ Bucket: bucket }));
        client.destroy();
        return {
          provider: 's3_compatible',
          endpointUrl: env.TEST_S3_ENDPOINT,
          region: env.TEST_S3_REGION,
          bucket,
          accessKey: creds.accessKeyId,
          secretKey: creds.secretAccessKey,
        };
      },
    });
  }
  if (env.TEST_FTP_URL) {
    const u = new URL(env.TEST_FTP_URL);
    const ftp = (useTls: boolean): StorageTarget => ({
      provider: 'ftp',
      host: u.hostname,
      port: Number(u.port || 21),
      accessKey: decodeURIComponent(u.username),
      secretKey: decodeURIComponent(u.password),
      useTls,
      bucket: 'bench',
    });
    list.push({ name: 'ftp (TEST_FTP_URL)', options: insecure, target: async () => ftp(false) });
    if (env.TEST_FTPS_CA_FILE) {
      list.push({
        name: 'ftps (explicit TLS)',
        options: { allowPrivateEndpoints: true, caCert: readFileSync(env.TEST_FTPS_CA_FILE, 'utf8') },
        target: async () => ftp(true),
      });
    }
  }
  if (env.TEST_SFTP_URL) {
    const u = new URL(env.TEST_SFTP_URL);
    list.push({
      name: 'sftp (TEST_SFTP_URL)',
      options: { allowPrivateEndpoints: true },
      target: async () => ({
        provider: 'sftp',
        host: u.hostname,
        port: Number(u.port || 22),
        accessKey: decodeURIComponent(u.username),
        secretKey: decodeURIComponent(u.password),
        bucket: 'bench',
      }),
    });
  }
  // each server case is followed by rclone rcat of the same bytes to the same server
  if (!hasRclone()) {
    process.stdout.write('  (rclone is not installed: no rclone rows; apt-get install rclone)\n');
    return list;
  }
  return list.flatMap((c) => (c.target && c.name !== 'local' ? [c, rcloneCase(c.name, c.target)] : [c]));
}

async function runChild(index: number, size: number, tmp: string): Promise<void> {
  const c = cases(tmp)[index];
  let buffersPeak = 0;
  const sampler = setInterval(() => {
    buffersPeak = Math.max(buffersPeak, process.memoryUsage().arrayBuffers);
  }, 10);
  sampler.unref();
  let started = process.hrtime.bigint();
  let loadedRssMb = process.resourceUsage().maxRSS / 1024;
  let error: string | undefined;
  try {
    if (c.baseline) {
      await c.baseline(size);
    } else if (c.target) {
      // Loaded here so the baselines do not pay for the SDKs' memory.
      const { createStorageDriver } = await import('../src/modules/storage/storage-driver.factory.js');
      const driver = createStorageDriver(await c.target(), { timeoutMs: 60_000, ...c.options });
      loadedRssMb = process.resourceUsage().maxRSS / 1024;
      started = process.hrtime.bigint();
      try {
        const r = await driver.upload('bench/upload.bin', source(size));
        if (r.size !== size) throw new Error(`stored ${r.size} of ${size} bytes`);
        await driver.delete('bench/upload.bin');
      } finally {
        await driver.close();
      }
    }
  } catch (err) {
    error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const result: Result = {
    name: c.name,
    mbps: size / MiB / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    loadedRssMb,
    buffersMb: buffersPeak / MiB,
    error,
  };
  process.send?.(result);
}

/** BENCH_CASES=s3,sftp measures only the cases whose names contain one of the words (and the baseline). */
function matchesCaseFilter(name: string): boolean {
  const words = (env.BENCH_CASES ?? '').split(',').filter(Boolean);
  return words.length === 0 || words.some((w) => name.includes(w));
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) {
    const [index, size, tmp] = process.argv.slice(childIndex + 1);
    await runChild(Number(index), Number(size), tmp);
    return;
  }
  const mb = Number(process.argv[2] ?? env.BENCH_SIZE_MB ?? 1024);
  const size = Math.round(mb * MiB);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'offsite-bench-'));
  const all = cases(tmp);
  process.stdout.write(`Storage upload benchmark: ${mb} MiB per driver, node ${process.version}\n\n`);
  const results: Result[] = [];
  try {
    for (let i = 0; i < all.length; i++) {
      if (i > 0 && !matchesCaseFilter(all[i].name)) continue;
      const result = await new Promise<Result>((resolve, reject) => {
        const child = fork(process.argv[1], ['--child', String(i), String(size), tmp], {
          stdio: 'inherit',
          execArgv: [...process.execArgv, ...(env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [])],
          env,
        });
        let got: Result | undefined;
        child.on('message', (m) => (got = m as Result));
        child.on('error', reject);
        child.on('exit', (code) =>
          got
            ? resolve(got)
            : resolve({
                name: all[i].name,
                mbps: 0,
                peakRssMb: 0,
                loadedRssMb: 0,
                buffersMb: 0,
                error: `exit ${code}`,
              }),
        );
      });
      results.push(result);
      process.stdout.write(
        `  ${result.name.padEnd(32)} ${result.error ? 'FAILED'.padStart(10) : `${result.mbps.toFixed(1)} MB/s`.padStart(10)}` +
          `   peak RSS ${result.peakRssMb.toFixed(0).padStart(4)} MB` +
          `   loaded ${result.loadedRssMb.toFixed(0).padStart(4)} MB, upload adds ${(result.peakRssMb - result.loadedRssMb).toFixed(0).padStart(4)} MB` +
          `, buffers ${result.buffersMb.toFixed(0).padStart(3)} MB` +
          `   (×${(result.peakRssMb / (results[0]?.peakRssMb || result.peakRssMb)).toFixed(2)} of the /dev/null baseline)` +
          `${result.error ? `   ${result.error}` : ''}\n`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const drivers = results.filter((r) => !r.name.startsWith('baseline') && !r.name.startsWith('rclone'));
  for (const r of results.filter((x) => x.name.startsWith('rclone rcat: '))) {
    const ours = results.find((x) => x.name === r.name.slice('rclone rcat: '.length));
    if (ours && !ours.error && !r.error)
      process.stdout.write(
        `  ${ours.name}: Offsite ${ours.mbps.toFixed(1)} MB/s vs rclone ${r.mbps.toFixed(1)} MB/s = ${(ours.mbps / r.mbps).toFixed(2)}× (target ≥ 0.90×)\n`,
      );
  }
  const over = drivers.filter((r) => r.peakRssMb >= RSS_TARGET_MB);
  const failed = results.filter((r) => r.error);
  if (!env.TEST_S3_ENDPOINT || !env.TEST_FTP_URL || !env.TEST_SFTP_URL) {
    process.stdout.write(
      '\n  (servers without TEST_* variables were not measured; source .ci/test-servers.sh)\n',
    );
  }
  process.stdout.write(
    `\nPeak RSS target < ${RSS_TARGET_MB} MB: ${over.length ? `EXCEEDED by ${over.map((r) => r.name).join(', ')}` : 'met by every driver'}\n`,
  );
  if (over.length || failed.length) process.exitCode = 1;
}

await main();
