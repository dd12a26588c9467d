import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ssh2, { type Connection, type SFTPWrapper } from 'ssh2';

const { Server, utils } = ssh2;
const { STATUS_CODE, flagsToString } = utils.sftp;

export interface SftpTestServer {
  host: string;
  port: number;
  user: string;
  password: string;
  keyUser: string;
  privateKey: string;
  hostKeyFingerprint: string;
  root: string;
  /** Server-side sockets, for fault injection. */
  connections: Set<Connection>;
  close(): Promise<void>;
}

/**
 * In-process fallback SFTP server on the server side of `ssh2`, backed by a directory. No
 * maintained npm package provides one. Implements the requests the driver uses; enough to run
 * the contract suite where OpenSSH is not available.
 */
/**
 * An ed25519 pair that ssh2 itself can parse back: now and then ssh2's generator writes a public
 * key its own parser calls "Malformed OpenSSH public key" (seen in CI), so draw again.
 */
function parseableKeyPair() {
  for (let attempt = 0; ; attempt++) {
    const pair = utils.generateKeyPairSync('ed25519');
    const pub = utils.parseKey(pair.public);
    const priv = utils.parseKey(pair.private);
    if (!(pub instanceof Error) && !(priv instanceof Error)) return { pair, pub };
    if (attempt >= 10) throw pub instanceof Error ? pub : priv;
  }
}

export async function startSftpTestServer(root: string): Promise<SftpTestServer> {
  fs.mkdirSync(root, { recursive: true });
  const { pair: hostKey, pub: hostPub } = parseableKeyPair();
  const { pair: clientKey, pub: clientPub } = parseableKeyPair();
  const fingerprint =
    'SHA256:' + createHash('sha256').update(hostPub.getPublicSSH()).digest('base64').replace(/=+$/, '');
  const user = 'offsite';
  const password = 'backup-pass';
  const keyUser = 'offsitekey';
  const connections = new Set<Connection>();

  const server = new Server({ hostKeys: [hostKey.private] }, (client) => {
    // Nagle off, as a real server does for interactive sessions; else 40 ms ACK delays per write.
    (client as unknown as { _sock?: { setNoDelay?: (v: boolean) => void } })._sock?.setNoDelay?.(true);
    connections.add(client);
    client.on('close', () => connections.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === user && ctx.password === password)
        return ctx.accept();
      if (
        ctx.method === 'publickey' &&
        ctx.username === keyUser &&
        ctx.key.algo === clientPub.type &&
        ctx.key.data.equals(clientPub.getPublicSSH())
      ) {
        if (!ctx.signature) return ctx.accept();
        if (clientPub.verify(ctx.blob as Buffer, ctx.signature, ctx.hashAlgo)) return ctx.accept();
      }
      ctx.reject(['password', 'publickey']);
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        accept().on('sftp', (acceptSftp) => serveSftp(acceptSftp(), root));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    keyUser,
    privateKey: clientKey.private,
    hostKeyFingerprint: fingerprint,
    root,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.end();
        server.close(() => resolve());
      }),
  };
}

function serveSftp(sftp: SFTPWrapper, root: string): void {
  const handles = new Map<number, { fd?: number; dir?: string; listed?: boolean }>();
  let next = 0;
  const local = (p: string) => path.join(root, path.posix.normalize('/' + p));
  const handleBuf = (id: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(id);
    return b;
  };
  const handleOf = (b: Buffer) => (b.length === 4 ? handles.get(b.readUInt32BE()) : undefined);
  const status = (reqid: number, err?: NodeJS.ErrnoException | null) => {
    if (!err) return sftp.status(reqid, STATUS_CODE.OK);
    const code =
      err.code === 'ENOENT'
        ? STATUS_CODE.NO_SUCH_FILE
        : err.code === 'EACCES' || err.code === 'EPERM'
          ? STATUS_CODE.PERMISSION_DENIED
          : STATUS_CODE.FAILURE;
    sftp.status(reqid, code, err.message);
  };
  const attrs = (s: fs.Stats) => ({
    mode: s.mode,
    uid: s.uid,
    gid: s.gid,
    size: s.size,
    atime: Math.floor(s.atimeMs / 1000),
    mtime: Math.floor(s.mtimeMs / 1000),
  });

  sftp.on('OPEN', (reqid, filename, flags, a) => {
    const mode = (a as { mode?: number }).mode ?? 0o644;
    fs.open(local(filename), flagsToString(flags) ?? 'r', mode & 0o777, (err, fd) => {
      if (err) return status(reqid, err);
      const id = next++;
      handles.set(id, { fd });
      sftp.handle(reqid, handleBuf(id));
    });
  });
  sftp.on('READ', (reqid, handle, offset, length) => {
    const h = handleOf(handle);
    if (h?.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    const buf = Buffer.alloc(length);
    fs.read(h.fd, buf, 0, length, offset, (err, n) => {
      if (err) return status(reqid, err);
      if (n === 0) return sftp.status(reqid, STATUS_CODE.EOF);
      sftp.data(reqid, buf.subarray(0, n));
    });
  });
  sftp.on('WRITE', (reqid, handle, offset, data) => {
    const h = handleOf(handle);
    if (h?.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    fs.write(h.fd, data, 0, data.length, offset, (err) => status(reqid, err));
  });
  sftp.on('CLOSE', (reqid, handle) => {
    const h = handleOf(handle);
    if (!h) return sftp.status(reqid, STATUS_CODE.FAILURE);
    handles.delete(handle.readUInt32BE());
    if (h.fd !== undefined) fs.close(h.fd, (err) => status(reqid, err));
    else status(reqid);
  });
  const statPath = (reqid: number, p: string) =>
    fs.stat(local(p), (err, s) => (err ? status(reqid, err) : sftp.attrs(reqid, attrs(s))));
  sftp.on('STAT', statPath);
  sftp.on('LSTAT', statPath);
  sftp.on('FSTAT', (reqid, handle) => {
    const h = handleOf(handle);
    if (h?.fd === undefined) return sftp.status(reqid, STATUS_CODE.FAILURE);
    fs.fstat(h.fd, (err, s) => (err ? status(reqid, err) : sftp.attrs(reqid, attrs(s))));
  });
  sftp.on('SETSTAT', (reqid) => status(reqid));
  sftp.on('FSETSTAT', (reqid) => status(reqid));
  sftp.on('MKDIR', (reqid, p, a) =>
    fs.mkdir(local(p), { mode: (a as { mode?: number }).mode ?? 0o755 }, (err) => status(reqid, err)),
  );
  sftp.on('RMDIR', (reqid, p) => fs.rmdir(local(p), (err) => status(reqid, err)));
  sftp.on('REMOVE', (reqid, p) => fs.unlink(local(p), (err) => status(reqid, err)));
  sftp.on('RENAME', (reqid, from, to) => {
    // SFTP v3 semantics (like OpenSSH): refuse to overwrite.
    if (fs.existsSync(local(to))) return sftp.status(reqid, STATUS_CODE.FAILURE, 'target exists');
    fs.rename(local(from), local(to), (err) => status(reqid, err));
  });
  sftp.on('OPENDIR', (reqid, p) => {
    fs.stat(local(p), (err, s) => {
      if (err) return status(reqid, err);
      if (!s.isDirectory()) return sftp.status(reqid, STATUS_CODE.FAILURE, 'not a directory');
      const id = next++;
      handles.set(id, { dir: local(p) });
      sftp.handle(reqid, handleBuf(id));
    });
  });
  sftp.on('READDIR', (reqid, handle) => {
    const h = handleOf(handle);
    if (!h?.dir) return sftp.status(reqid, STATUS_CODE.FAILURE);
    if (h.listed) return sftp.status(reqid, STATUS_CODE.EOF);
    h.listed = true;
    const dir = h.dir;
    fs.readdir(dir, (err, names) => {
      if (err) return status(reqid, err);
      const entries = names.flatMap((name) => {
        try {
          const s = fs.statSync(path.join(dir, name));
          return [{ filename: name, longname: name, attrs: attrs(s) }];
        } catch {
          return [];
        }
      });
      if (!entries.length) return sftp.status(reqid, STATUS_CODE.EOF);
      sftp.name(reqid, entries);
    });
  });
  sftp.on('REALPATH', (reqid, p) => {
    const abs = path.posix.normalize('/' + (p === '.' ? '' : p));
    sftp.name(reqid, [{ filename: abs, longname: abs, attrs: {} as never }]);
  });
}
