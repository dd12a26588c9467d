import { createHash } from 'node:crypto';
import type { Client, SFTPWrapper, Stats } from 'ssh2';
import { StorageError } from '../../storage-errors.js';
import { dirsOf } from '../remote-fs.js';
import { SFTP_NO_SUCH_FILE } from './sftp-errors.js';

/** One SSH connection with its SFTP channel; `home` is the login directory. */
export interface Connection {
  client: Client;
  sftp: SFTPWrapper;
  home: string;
  closed: boolean;
  error?: Error;
}

/** `SHA256:<base64 without padding>`, the format of `ssh-keygen -l`. */
export function sshFingerprint(key: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
}

export function sftpStat(sftp: SFTPWrapper, p: string): Promise<Stats | null> {
  return new Promise((resolve, reject) =>
    sftp.stat(p, (err, s) => {
      if (err && (err as { code?: unknown }).code === SFTP_NO_SUCH_FILE) resolve(null);
      else if (err) reject(err);
      else resolve(s);
    }),
  );
}
/** Idempotent: a missing file is not an error. */
export function sftpUnlink(sftp: SFTPWrapper, p: string): Promise<void> {
  return new Promise((resolve, reject) =>
    sftp.unlink(p, (err) =>
      err && (err as { code?: unknown }).code !== SFTP_NO_SUCH_FILE ? reject(err) : resolve(),
    ),
  );
}

/**
 * RMDIR, which the server refuses for a folder holding anything (SSH_FX_FAILURE) or a missing
 * one: both leave things as they should be, so any refusal is a no-op here.
 */
export function sftpRmdirIfEmpty(sftp: SFTPWrapper, p: string): Promise<void> {
  return new Promise((resolve) => sftp.rmdir(p, () => resolve()));
}

export async function sftpMkdirp(sftp: SFTPWrapper, dir: string): Promise<void> {
  for (const d of dirsOf(dir)) {
    const s = await sftpStat(sftp, d);
    if (s?.isDirectory()) continue;
    await new Promise<void>((resolve, reject) =>
      sftp.mkdir(d, { mode: 0o700 }, (err) => {
        // A concurrent upload may have created it meanwhile.
        if (err) sftpStat(sftp, d).then((s2) => (s2?.isDirectory() ? resolve() : reject(err)), reject);
        else resolve();
      }),
    );
  }
}
export function sftpRename(sftp: SFTPWrapper, from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Plain SFTP rename fails onto an existing file; OpenSSH's posix-rename replaces atomically.
    try {
      sftp.ext_openssh_rename(from, to, (err) => (err ? reject(err) : resolve()));
    } catch {
      sftp.unlink(to, () => sftp.rename(from, to, (err) => (err ? reject(err) : resolve())));
    }
  });
}
export function sftpReaddir(sftp: SFTPWrapper, dir: string) {
  return new Promise<{ filename: string; attrs: Stats }[] | null>((resolve, reject) =>
    sftp.readdir(dir, (err, list) => {
      const code = (err as { code?: unknown } | undefined)?.code;
      if (err && code === SFTP_NO_SUCH_FILE) resolve(null);
      else if (err) reject(err);
      else resolve(list as unknown as { filename: string; attrs: Stats }[]);
    }),
  );
}

/** The refusal of a host whose key is not the pinned one; undefined when nothing is pinned or it matches. */
export function hostKeyMismatchError(pinned: string | undefined, fp: string): StorageError | undefined {
  if (!pinned || pinned === fp) return undefined;
  return new StorageError(
    'host_key_mismatch',
    `The SFTP server's host key has changed (expected ${pinned}, got ${fp}). The connection was refused.`,
    {
      hint: 'If the server was reinstalled or its key rotated on purpose, confirm the new fingerprint with the server administrator and update the pinned fingerprint. Otherwise someone may be intercepting the connection.',
      details: { expected_fingerprint: pinned, observed_fingerprint: fp },
    },
  );
}
