import {
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  createRawDriver,
  createStorageDriver,
  type PrefixedStorageDriver,
} from '../../src/modules/storage/storage-driver.factory.js';
import type {
  StorageDriver,
  StorageDriverOptions,
  StorageTarget,
  TestConnectionReport,
} from '../../src/modules/storage/storage-driver.js';
import { StorageError } from '../../src/modules/storage/storage-errors.js';
import { collect } from '../../src/modules/storage/stream-utils.js';
import { runTestConnection } from '../../src/modules/storage/test-connection.js';
import { startFaultRelay } from '../support/fault-relay.js';
import { skipReason } from '../support/storage-servers.js';

const MiB = 1024 * 1024;
export const BIG_MB = Number(process.env.TEST_STORAGE_BIG_MB ?? 100);

/** What a driver/server pair supports; known synchronously (from env) so skips are decided up front. */
export interface ContractCaps {
  presign: boolean;
  multipart: boolean;
  /** The server verifies signatures/passwords (Swift, vsftpd, OpenSSH, the ssh2 and ftp-srv fallbacks). */
  checksCredentials: boolean | string;
  /** Real server refuses expired/tampered presigned URLs (not s3rver). */
  verifiesPresigned: boolean | string;
  buckets: boolean;
  otherOwner: boolean | string;
  scopedKey: boolean;
  /** Fault injection through a TCP relay (single-connection protocols). */
  faults: boolean | string;
  hostKey: boolean;
  /** Directory on this machine where uploaded files land, for the 0600 check. */
  fileMode: boolean | string;
  /** A directory storage whose folders this machine can see (removeEmptyFolder). */
  folders: boolean | string;
  /** Talks to a server over the network (SSRF rules apply). */
  network: boolean | string;
  /** Minimum MB/s for the big round trip (catches e.g. SFTP without TCP_NODELAY). */
  minUploadMBps?: number;
}

export interface ContractContext {
  target: StorageTarget;
  options: StorageDriverOptions;
  /** Same configuration, but connecting to host:port (a fault relay or proxy). */
  via(host: string, port: number): StorageTarget;
  server: { host: string; port: number };
  wrongSecret(): StorageTarget;
  unknownBucket?(): StorageTarget;
  otherOwnerBucket?(): Promise<StorageTarget>;
  /** A target whose ListBuckets is denied (bucket-scoped key). */
  scopedKey?(): Promise<{ target: StorageTarget; close(): Promise<void> }>;
  /** Where a key's file lands on this machine, for file-mode checks. */
  localPath?(key: string): string;
  expectedHostKey?: string;
  teardown(): Promise<void>;
}

export interface ContractSubject {
  name: string;
  caps: ContractCaps;
  setup(): Promise<ContractContext>;
}

function randomSource(size: number, hash: ReturnType<typeof createHash>, chunk = MiB): Readable {
  let left = size;
  return Readable.from(
    (function* () {
      while (left > 0) {
        const n = Math.min(chunk, left);
        left -= n;
        const buf = randomBytes(n);
        hash.update(buf);
        yield buf;
      }
    })(),
    { objectMode: false },
  );
}

/** An endless source (for fault injection): yields 1 MiB chunks until destroyed. */
function endlessSource(): Readable {
  const buf = randomBytes(MiB);
  return new Readable({
    read() {
      this.push(buf);
    },
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function expectCode(p: Promise<unknown>, codes: string | string[]): Promise<StorageError> {
  const list = Array.isArray(codes) ? codes : [codes];
  try {
    await p;
  } catch (err) {
    if (!(err instanceof StorageError) || !list.includes(err.code)) {
      const e = err as StorageError;
      throw new Error(
        `expected StorageError ${list.join('|')}, got ${e?.name} ${e?.code}: ${e?.message} (${e?.providerMessage})`,
        {
          cause: err,
        },
      );
    }
    return err;
  }
  throw new Error(`expected a StorageError ${list.join('|')}, but the operation succeeded`);
}

const failedStep = (r: TestConnectionReport) => r.steps.find((s) => s.status === 'failed');

/** `it` when the capability holds, else a skipped test whose reason is printed. */
function when(cap: boolean | string | undefined, subject: string, fallbackReason: string) {
  if (cap === true) return it;
  const reason = `${subject}: ${typeof cap === 'string' ? cap : fallbackReason}`;
  return (name: string, fn: () => Promise<void>, timeout?: number) => {
    skipReason(`${name} — ${reason}`);
    it.skip(`${name} [${reason}]`, fn, timeout);
  };
}

/** The one suite every driver runs; only the server set-up differs. */
export function storageContract(subject: ContractSubject): void {
  const { caps } = subject;
  describe(`storage contract: ${subject.name}`, () => {
    let ctx: ContractContext;
    let driver: StorageDriver;
    const drivers: StorageDriver[] = [];
    const make = (target: StorageTarget, options: StorageDriverOptions = {}) => {
      const d = createStorageDriver(target, { ...ctx.options, ...options });
      drivers.push(d);
      return d;
    };

    beforeAll(async () => {
      ctx = await subject.setup();
      driver = make(ctx.target);
    }, 60_000);

    afterAll(async () => {
      if (!ctx) return;
      await driver.deletePrefix('').catch(() => undefined);
      for (const d of drivers) await d.close().catch(() => undefined);
      await ctx.teardown();
    }, 60_000);

    it(`round trip of a ${BIG_MB} MB stream of unknown length, sha256 compared`, async () => {
      const size = BIG_MB * MiB;
      const up = createHash('sha256');
      let progress = 0;
      const started = Date.now();
      const r = await driver.upload('big/round-trip.bin', randomSource(size, up), {
        onProgress: (n) => (progress = n),
      });
      const seconds = (Date.now() - started) / 1000;
      expect(r.size).toBe(size);
      expect(progress).toBe(size);
      expect((await driver.stat('big/round-trip.bin'))?.size).toBe(size);
      const down = createHash('sha256');
      let got = 0;
      for await (const c of await driver.download('big/round-trip.bin')) {
        down.update(c as Buffer);
        got += (c as Buffer).length;
      }
      expect(got).toBe(size);
      expect(down.digest('hex')).toBe(up.digest('hex'));
      const mbps = BIG_MB / seconds;
      process.stdout.write(`[storage tests] ${subject.name}: upload ${mbps.toFixed(1)} MB/s\n`);
      if (caps.minUploadMBps) expect(mbps).toBeGreaterThan(caps.minUploadMBps);
    }, 240_000);

    it('a declared content length that the stream does not deliver fails and stores nothing', async () => {
      await expectCode(
        driver.upload('short.bin', Readable.from([Buffer.alloc(10)]), { contentLength: 20 }),
        'invalid_config',
      );
      expect(await driver.stat('short.bin')).toBeNull();
    });

    when(caps.multipart, subject.name, 'multipart is an S3 feature')(
      'multipart: 12 MiB of unknown length goes up in several parts and comes back intact',
      async () => {
        const size = 12 * MiB + 123;
        const h = createHash('sha256');
        // 5 MiB parts from a small size estimate → 3 parts.
        const d = make(ctx.target, { partSizeEstimate: 1 });
        const r = await d.upload('multi/part.bin', randomSource(size, h, 256 * 1024));
        expect(r.size).toBe(size);
        // Multipart ETags end in -<parts> (s3rver gives a plain MD5, so only checked on a real server).
        if (caps.verifiesPresigned === true) expect(r.etag).toMatch(/-3$/);
        const back = createHash('sha256').update(await readAll(await d.download('multi/part.bin')));
        expect(back.digest('hex')).toBe(h.digest('hex'));
      },
      120_000,
    );

    when(
      caps.multipart && caps.verifiesPresigned === true,
      subject.name,
      'needs a real S3 server (s3rver has no ListMultipartUploads)',
    )(
      'deletePrefix also aborts unfinished multipart uploads under the prefix (a killed worker’s)',
      async () => {
        const d = make(ctx.target);
        const full = `${(d as PrefixedStorageDriver).prefix}mp/dangling.bin`;
        const bucket = ctx.target.bucket!;
        const client = new S3Client({
          endpoint: ctx.target.endpointUrl ?? undefined,
          region: ctx.target.region ?? 'us-east-1',
          forcePathStyle: true,
          credentials: {
            accessKeyId: ctx.target.accessKey!.trim(),
            secretAccessKey: ctx.target.secretKey!.trim(),
          },
        });
        const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: full }));
        await client.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: full,
            UploadId: created.UploadId,
            PartNumber: 1,
            Body: Buffer.alloc(1024, 1),
          }),
        );
        const pending = async () =>
          (
            (await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: full }))).Uploads ??
            []
          ).length;
        expect(await pending()).toBe(1);
        await d.upload('mp/done.bin', Readable.from([Buffer.from('done')]));
        expect(await d.deletePrefix('mp/')).toBe(1);
        expect(await pending()).toBe(0);
        expect(await collect(d.list('mp/'))).toEqual([]);
        client.destroy();
      },
    );

    it('nested prefixes, list and stat', async () => {
      const keys = ['n/a/one.txt', 'n/a/b/two.txt', 'n/a/b/c/three.txt', 'n/other/four.txt', 'n/ab.txt'];
      for (const k of keys) await driver.upload(k, Readable.from([Buffer.from(k)]));
      const all = (await collect(driver.list('n/'))).map((e) => e.key).sort();
      expect(all).toEqual([...keys].sort());
      const sub = (await collect(driver.list('n/a/'))).map((e) => e.key).sort();
      expect(sub).toEqual(['n/a/b/c/three.txt', 'n/a/b/two.txt', 'n/a/one.txt']);
      // a partial name prefix, not only folders
      expect((await collect(driver.list('n/a'))).map((e) => e.key).sort()).toEqual(
        ['n/a/b/c/three.txt', 'n/a/b/two.txt', 'n/a/one.txt', 'n/ab.txt'].sort(),
      );
      const s = await driver.stat('n/a/b/two.txt');
      expect(s?.size).toBe('n/a/b/two.txt'.length);
      expect(Math.abs((s?.modifiedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000);
      expect(await driver.stat('n/a/missing.txt')).toBeNull();
      expect(await driver.stat('n/a')).toBeNull(); // a "directory" is not an object
      await expectCode(driver.download('n/a/missing.txt').then(readAll), 'not_found');
    });

    it('keys cannot escape the path prefix', async () => {
      for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a/./b', 'a\\b', '', 'dir/']) {
        await expectCode(driver.upload(bad, Readable.from([Buffer.from('x')])), 'invalid_config');
      }
      await expectCode(
        Promise.resolve().then(() => collect(driver.list('../'))),
        'invalid_config',
      );
      // another prefix of the same config does not see this one's objects
      await driver.upload('iso/mine.txt', Readable.from([Buffer.from('mine')]));
      const sibling = make({ ...ctx.target, pathPrefix: `${ctx.target.pathPrefix}-sibling/` });
      expect(await sibling.stat('iso/mine.txt')).toBeNull();
      expect(await collect(sibling.list(''))).toEqual([]);
    });

    it('overwrite replaces, delete is idempotent', async () => {
      await driver.upload('ow/file.txt', Readable.from([Buffer.from('first version')]));
      await driver.upload('ow/file.txt', Readable.from([Buffer.from('second')]));
      expect((await readAll(await driver.download('ow/file.txt'))).toString()).toBe('second');
      await driver.delete('ow/file.txt');
      expect(await driver.stat('ow/file.txt')).toBeNull();
      await driver.delete('ow/file.txt');
      await driver.delete('ow/never-existed.txt');
    });

    it('deletePrefix removes everything under the prefix and nothing else', async () => {
      for (const k of ['dp/x/1.txt', 'dp/x/y/2.txt', 'dp/x/y/z/3.txt', 'dp/keep.txt', 'dpx.txt']) {
        await driver.upload(k, Readable.from([Buffer.from(k)]));
      }
      expect(await driver.deletePrefix('dp/x/')).toBe(3);
      expect((await collect(driver.list('dp'))).map((e) => e.key).sort()).toEqual(['dp/keep.txt', 'dpx.txt']);
      expect(await driver.deletePrefix('dp/x/')).toBe(0);
    });

    if (caps.presign) {
      it('presigned GET and PUT work with plain fetch', async () => {
        await driver.upload('ps/get.txt', Readable.from([Buffer.from('presigned content')]));
        const get = await fetch(await driver.presignDownload('ps/get.txt'));
        expect(get.status).toBe(200);
        expect(await get.text()).toBe('presigned content');
        const put = await fetch(await driver.presignUpload('ps/put.txt', 60), {
          method: 'PUT',
          body: 'via url',
        });
        expect(put.status).toBe(200);
        expect((await readAll(await driver.download('ps/put.txt'))).toString()).toBe('via url');
      });
    } else {
      it('presigned URLs are refused with not_supported', async () => {
        await expectCode(driver.presignDownload('x.txt'), 'not_supported');
        await expectCode(driver.presignUpload('x.txt'), 'not_supported');
      });
    }

    when(
      caps.verifiesPresigned,
      subject.name,
      'only a real S3 server verifies presigned signatures',
    )('expired and tampered presigned URLs are refused', async () => {
      await driver.upload('ps/secret.txt', Readable.from([Buffer.from('secret')]));
      const url = new URL(await driver.presignDownload('ps/secret.txt', 60));
      const sig = url.searchParams.get('X-Amz-Signature') as string;
      url.searchParams.set('X-Amz-Signature', (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1));
      expect((await fetch(url)).status).toBe(403);
      const tamperedKey = new URL(await driver.presignDownload('ps/secret.txt', 60));
      tamperedKey.pathname = tamperedKey.pathname.replace('secret.txt', 'get.txt');
      expect((await fetch(tamperedKey)).status).toBe(403);
      const expiring = await driver.presignDownload('ps/secret.txt', 1);
      await new Promise((r) => setTimeout(r, 2100));
      expect((await fetch(expiring)).status).toBe(403);
    });

    it('testConnection: all steps pass and the probe is cleaned up', async () => {
      const report = await driver.testConnection();
      expect(failedStep(report)).toBeUndefined();
      expect(report).toMatchObject({ success: true, bucket_exists: true, can_write: true, can_read: true });
      expect(typeof report.latency_ms).toBe('number');
      expect(report.steps.map((s) => s.name)).toEqual([
        'configuration',
        'connectivity',
        'authentication',
        'bucket exists',
        'write probe',
        'multipart upload',
        'read back',
        'presigned GET',
        'presigned PUT',
        'delete',
        'cleanup verified',
      ]);
      for (const s of report.steps) {
        expect(['passed', 'skipped']).toContain(s.status);
        expect(typeof s.duration_ms).toBe('number');
      }
      expect(report.steps.find((s) => s.name === 'presigned GET')?.status).toBe(
        caps.presign ? 'passed' : 'skipped',
      );
      expect(report.steps.find((s) => s.name === 'multipart upload')?.status).toBe(
        caps.multipart ? 'passed' : 'skipped',
      );
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      expect((await collect(driver.list(''))).filter((e) => e.key.startsWith('test-connection-'))).toEqual(
        [],
      );
      if (caps.hostKey && ctx.expectedHostKey) expect(report.host_key_fingerprint).toBe(ctx.expectedHostKey);
    });

    it('a test that fails after writing still deletes its probe and verifies it', async () => {
      // The failure (a read error) is injected by wrapping the real driver; the writes, deletes and
      // the final check all go to the real server.
      const raw = createRawDriver(ctx.target, ctx.options);
      drivers.push(raw);
      const failingRead: StorageDriver = Object.create(raw, {
        download: {
          value: async () => {
            throw new StorageError('access_denied', 'injected read failure');
          },
        },
      });
      // its connections are its own (the driver's methods run with this = failingRead): close it too
      drivers.push(failingRead);
      const report = await runTestConnection(
        failingRead,
        `${ctx.target.pathPrefix}`,
        {
          configuration: 'injected',
          connectivity: async () => ({ detail: 'n/a', latencyMs: 1 }),
          authenticate: async () => 'n/a',
          container: async () => 'n/a',
        },
        {},
      );
      expect(report.success).toBe(false);
      expect(report.can_write).toBe(true);
      expect(report.can_read).toBe(false);
      expect(report.message).toContain('injected read failure');
      expect(report.steps.find((s) => s.name === 'delete')?.status).toBe('passed');
      expect(report.steps.find((s) => s.name === 'cleanup verified')?.status).toBe('passed');
      expect((await collect(driver.list(''))).filter((e) => e.key.startsWith('test-connection-'))).toEqual(
        [],
      );
    });

    when(caps.checksCredentials, subject.name, 'no credentials to get wrong')(
      'wrong password / secret → auth_failed, in the report and on operations',
      async () => {
        const bad = make(ctx.wrongSecret());
        const report = await bad.testConnection();
        expect(report.success).toBe(false);
        expect(failedStep(report)?.name).toBe('authentication');
        expect(failedStep(report)?.code).toBe('auth_failed');
        expect(failedStep(report)?.hint).toBeTruthy();
        expect(report.can_write).toBeNull();
        const wrong = ctx.wrongSecret();
        const secret = (wrong.secretKey ?? wrong.privateKey) as string;
        expect(JSON.stringify(report)).not.toContain(secret);
        const err = await expectCode(
          bad.upload('auth/x.txt', Readable.from([Buffer.from('x')])),
          'auth_failed',
        );
        expect(`${err.message} ${err.hint} ${err.providerMessage}`).not.toContain(secret);
      },
      60_000,
    );

    if (caps.buckets) {
      it('unknown bucket → bucket_not_found', async () => {
        const d = make(ctx.unknownBucket?.() as StorageTarget);
        const report = await d.testConnection();
        expect(failedStep(report)).toMatchObject({ name: 'bucket exists', code: 'bucket_not_found' });
        expect(report.bucket_exists).toBe(false);
        await expectCode(d.upload('x.txt', Readable.from([Buffer.from('x')])), 'bucket_not_found');
      });
    }

    when(
      caps.otherOwner,
      subject.name,
      'needs a second owner on a real server',
    )("another owner's bucket → access_denied", async () => {
      const d = make(await (ctx.otherOwnerBucket as () => Promise<StorageTarget>)());
      const report = await d.testConnection();
      expect(failedStep(report)).toMatchObject({ name: 'bucket exists', code: 'access_denied' });
      await expectCode(d.upload('x.txt', Readable.from([Buffer.from('x')])), 'access_denied');
    });

    if (caps.scopedKey) {
      it('bucket-scoped key: ListBuckets denied → the scoped-key message; manual buckets → HeadBucket each', async () => {
        const scoped = await (ctx.scopedKey as NonNullable<ContractContext['scopedKey']>)();
        try {
          const report = await make(scoped.target).testConnection();
          expect(report.success).toBe(false);
          expect(report.scoped_key).toBe(true);
          expect(report.message).toContain(
            'This appears to be a bucket-scoped key. Please add the bucket names manually.',
          );
          const manual = await make({
            ...scoped.target,
            buckets: [scoped.target.bucket as string, 'offsite-no-such-bucket'],
          }).testConnection();
          expect(failedStep(manual)).toBeUndefined();
          expect(manual.message).toBe('Connected. Access to 1/2 buckets.');
          expect(manual.buckets).toEqual([scoped.target.bucket]);
          expect(manual.scoped_key).toBe(true);
        } finally {
          await scoped.close();
        }
      });
    }

    if (caps.hostKey) {
      it('SFTP host key: reported for pinning, a changed key is refused', async () => {
        const first = await make({ ...ctx.target, hostKeyFingerprint: null }).testConnection();
        expect(first.success).toBe(true);
        expect(first.host_key_fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
        const pinned = await make({
          ...ctx.target,
          hostKeyFingerprint: first.host_key_fingerprint,
        }).testConnection();
        expect(pinned.success).toBe(true);
        const changed = make({ ...ctx.target, hostKeyFingerprint: 'SHA256:' + 'A'.repeat(43) });
        const report = await changed.testConnection();
        expect(failedStep(report)).toMatchObject({ name: 'authentication', code: 'host_key_mismatch' });
        expect(report.host_key_fingerprint).toBe(first.host_key_fingerprint);
        await expectCode(changed.upload('hk.txt', Readable.from([Buffer.from('x')])), 'host_key_mismatch');
      });
    }

    when(
      caps.fileMode,
      subject.name,
      'the server directory is not on this machine',
    )('uploaded files are private (0600), and only complete uploads get the final name', async () => {
      await driver.upload('mode/private.txt', Readable.from([Buffer.from('x')]));
      const file = (ctx.localPath as (k: string) => string)(`${ctx.target.pathPrefix}mode/private.txt`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(path.basename(file)).toBe('private.txt');
    });

    when(
      caps.folders,
      subject.name,
      'the server directory is not on this machine',
    )('removeEmptyFolder removes an emptied folder, never one holding anything, never the root', async () => {
      const onDisk = (k: string) =>
        (ctx.localPath as (k: string) => string)(`${ctx.target.pathPrefix ?? ''}${k}`);
      expect(driver.removeEmptyFolder).toBeDefined();
      const remove = (p: string) => driver.removeEmptyFolder!(p);
      await driver.upload('rf/mine/part.gz', Readable.from([Buffer.from('x')]));
      await driver.upload('rf/theirs/part.gz', Readable.from([Buffer.from('x')]));
      await driver.upload('rf/theirs/stranger.txt', Readable.from([Buffer.from('not ours')]));
      await driver.delete('rf/mine/part.gz');
      await driver.delete('rf/theirs/part.gz');
      await remove('rf/mine/');
      await remove('rf/theirs/');
      expect(existsSync(onDisk('rf/mine'))).toBe(false);
      // A folder with a stranger's file stays, and so does the file.
      expect(readFileSync(onDisk('rf/theirs/stranger.txt'), 'utf8')).toBe('not ours');
      // The parent is not removed (only the named folder), a missing folder is a no-op.
      expect(existsSync(onDisk('rf'))).toBe(true);
      await remove('rf/never-existed/');
      await expectCode(remove(''), 'invalid_config');
      await driver.deletePrefix('rf/');
    });

    when(
      caps.network,
      subject.name,
      'no network endpoint',
    )('private and loopback endpoints are refused unless allowed (SSRF)', async () => {
      const byName = ctx.via('localhost', ctx.server.port);
      const d = createStorageDriver(byName, { ...ctx.options, allowPrivateEndpoints: false });
      drivers.push(d);
      const report = await d.testConnection();
      expect(report.success).toBe(false);
      expect(failedStep(report)?.code).toBe('endpoint_forbidden');
      await expectCode(d.upload('ssrf.txt', Readable.from([Buffer.from('x')])), 'endpoint_forbidden');
    });

    when(caps.faults, subject.name, 'no fault injection for this protocol')(
      'server killed mid-upload → typed error within the timeout, no final-named object',
      async () => {
        const relay = await startFaultRelay(ctx.server.host, ctx.server.port);
        const timeoutMs = 4000;
        const d = make(ctx.via(relay.host, relay.port), { timeoutMs, maxAttempts: 1 });
        try {
          const upload = d.upload('fault/killed.bin', endlessSource());
          const caught = expectCode(upload, ['endpoint_unreachable', 'timeout']);
          while (relay.bytesUp() < 6 * MiB) await new Promise((r) => setTimeout(r, 20));
          const killedAt = Date.now();
          relay.kill();
          await caught;
          expect(Date.now() - killedAt).toBeLessThan(timeoutMs + 2000);
        } finally {
          await relay.close();
        }
        expect(await driver.stat('fault/killed.bin')).toBeNull();
        expect(await collect(driver.list('fault/'))).toEqual([]);
      },
      60_000,
    );

    when(caps.faults, subject.name, 'no fault injection for this protocol')(
      'stalled (silent) server → timeout within the configured timeout, not a hang',
      async () => {
        const relay = await startFaultRelay(ctx.server.host, ctx.server.port);
        const timeoutMs = 3000;
        const d = make(ctx.via(relay.host, relay.port), { timeoutMs, maxAttempts: 1 });
        try {
          const upload = d.upload('fault/stalled.bin', endlessSource());
          const caught = expectCode(upload, 'timeout');
          while (relay.bytesUp() < 6 * MiB) await new Promise((r) => setTimeout(r, 20));
          const stalledAt = Date.now();
          relay.stall();
          await caught;
          const took = Date.now() - stalledAt;
          expect(took).toBeGreaterThanOrEqual(timeoutMs - 500);
          expect(took).toBeLessThan(timeoutMs * 2 + 2000);
        } finally {
          await relay.close();
        }
        expect(await driver.stat('fault/stalled.bin')).toBeNull();
      },
      60_000,
    );
  });
}
