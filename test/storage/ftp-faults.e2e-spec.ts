import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { createStorageDriver } from '../../src/modules/storage/storage-driver.factory.js';
import type { StorageTarget } from '../../src/modules/storage/storage-driver.js';
import { StorageError } from '../../src/modules/storage/storage-errors.js';
import { collect } from '../../src/modules/storage/stream-utils.js';
import { REAL_FTP, skipReason, startFtpServer, type FtpTestServer } from '../support/storage-servers.js';

/**
 * FTP faults on the real vsftpd. A TCP relay cannot stand in for the server here (passive data
 * connections go straight to the server), so the test kills or SIGSTOPs the vsftpd processes that
 * serve this test's own connections, found with `ss -tnp`; other sessions are untouched.
 */
const haveSs = (() => {
  try {
    execFileSync('ss', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const rows = (args: string[]) =>
  execFileSync('ss', ['-tnpH', 'state', 'established', ...args], { encoding: 'utf8' });

/** The local ports of this process's connections to the server. */
function ourConnections(port: number): Set<string> {
  const ours = new Set<string>();
  for (const line of rows(['dport', '=', `:${port}`]).split('\n')) {
    if (!line.includes(`pid=${process.pid},`)) continue;
    const local = line.trim().split(/\s+/)[2];
    if (local) ours.add(local.slice(local.lastIndexOf(':') + 1));
  }
  return ours;
}

function sessionPids(port: number): number[] {
  const ours = ourConnections(port);
  const pids = new Set<number>();
  for (const line of rows(['sport', '=', `:${port}`]).split('\n')) {
    const peer = line.trim().split(/\s+/)[3];
    if (!peer || !ours.has(peer.slice(peer.lastIndexOf(':') + 1))) continue;
    for (const m of line.matchAll(/pid=(\d+)/g)) pids.add(Number(m[1]));
  }
  return [...pids];
}

// vsftpd serves a session with a parent and a child process: killing one can end the other first
function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }
}

function endless(): Readable {
  const buf = randomBytes(1024 * 1024);
  return new Readable({
    read() {
      this.push(buf);
    },
  });
}

if (REAL_FTP && haveSs) {
  describe('FTP: vsftpd session killed or stopped mid-upload', () => {
    let server: FtpTestServer;
    let target: StorageTarget;
    const run = randomBytes(4).toString('hex');
    const options = { allowInsecureEndpoints: true, allowPrivateEndpoints: true };

    beforeAll(async () => {
      server = await startFtpServer();
      target = {
        provider: 'ftp',
        host: server.host,
        port: server.port,
        accessKey: server.user,
        secretKey: server.password,
        bucket: `faults-${run}`,
      };
    });

    async function inject(signal: 'SIGKILL' | 'SIGSTOP', timeoutMs: number) {
      const d = createStorageDriver(target, { ...options, timeoutMs });
      let bytes = 0;
      const key = `${signal}.bin`;
      const outcome = d.upload(key, endless(), { onProgress: (n) => (bytes = n) }).then(
        () => new Error('upload succeeded'),
        (err: unknown) => err,
      );
      while (bytes < 8 * 1024 * 1024) await new Promise((r) => setTimeout(r, 20));
      const pids = sessionPids(server.port);
      expect(pids.length).toBeGreaterThan(0);
      const at = Date.now();
      signalAll(pids, signal);
      try {
        const err = await outcome;
        return { err: err as StorageError, took: Date.now() - at, key };
      } finally {
        if (signal === 'SIGSTOP') signalAll(pids, 'SIGKILL');
        await d.close();
      }
    }

    async function expectNothingUnderFinalName(key: string) {
      const d = createStorageDriver(target, { ...options });
      try {
        expect(await d.stat(key)).toBeNull();
        expect((await collect(d.list(''))).map((e) => e.key)).not.toContain(key);
      } finally {
        await d.close();
      }
    }

    it('leaves no connection open when closed while a download is still being read (signed links)', async () => {
      const before = ourConnections(server.port);
      const d = createStorageDriver(target, options);
      await d.upload('small.bin', Readable.from([randomBytes(64 * 1024)]));
      const stream = await d.download('small.bin');
      // the download link's handler closes the driver when the stream closes, which can be before
      // the server's "transfer complete" reply; closing first makes that order certain
      await d.close();
      expect((await stream.toArray()).reduce((n, c: Buffer) => n + c.length, 0)).toBe(64 * 1024);
      await new Promise((r) => setTimeout(r, 1000));
      const left = [...ourConnections(server.port)].filter((p) => !before.has(p));
      expect(left).toEqual([]);
    });

    it('session process killed → typed error at once, no final-named file', async () => {
      const { err, took, key } = await inject('SIGKILL', 5000);
      expect(err).toBeInstanceOf(StorageError);
      // the whole error in the failure message: which way a killed session surfaces varies with timing
      expect(`${err.code}: ${err.message} [${err.providerMessage ?? ''}]`).toMatch(
        /^(endpoint_unreachable|timeout): /,
      );
      expect(took).toBeLessThan(5000 + 2000);
      await expectNothingUnderFinalName(key);
    }, 60_000);

    it('session process stopped (SIGSTOP) → timeout within the configured timeout, not a hang', async () => {
      const { err, took, key } = await inject('SIGSTOP', 3000);
      expect(err).toBeInstanceOf(StorageError);
      expect(err.code).toBe('timeout');
      expect(took).toBeGreaterThanOrEqual(2500);
      expect(took).toBeLessThan(3000 * 2 + 2000);
      await expectNothingUnderFinalName(key);
    }, 60_000);
  });
} else {
  describe('FTP: vsftpd session killed or stopped mid-upload', () => {
    const reason = REAL_FTP
      ? 'the `ss` tool is missing (needed to find this test’s vsftpd session processes)'
      : 'needs the real vsftpd (TEST_FTP_URL); passive data connections bypass a TCP relay';
    skipReason(`FTP fault injection: ${reason}`);
    it.skip(reason, () => undefined);
  });
}
