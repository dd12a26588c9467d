import type * as BasicFtp from 'basic-ftp';
import { createRequire } from 'node:module';
import { StorageError, abortedError, mapNetworkError, redact } from '../../storage-errors.js';

const require = createRequire(import.meta.url);
/** basic-ftp's error class, loaded with the driver (the package loads lazily). */
const BasicFtpError = (): typeof BasicFtp.FTPError => (require('basic-ftp') as typeof BasicFtp).FTPError;

export interface FtpServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Maps FTP reply codes, socket errors and basic-ftp's messages to StorageError codes. */
export function mapFtpError(err: unknown, what: string, server: FtpServer): StorageError {
  if (err instanceof StorageError) return err;
  const e = (err ?? {}) as { code?: unknown; message?: string; name?: string };
  if (e.name === 'AbortError') return abortedError(err);
  const netErr = mapNetworkError(err, [server.password]);
  if (netErr) return netErr;
  const raw = redact(e.message ?? String(err), [server.password]);
  const make = (code: StorageError['code'], message: string, hint?: string) =>
    new StorageError(code, message, { hint, cause: err, providerMessage: raw });
  if (err instanceof BasicFtpError()) {
    const c = err.code;
    if (c === 530) {
      return make(
        'auth_failed',
        `The FTP server rejected the login of "${server.user}".`,
        'Check the user name (access key) and password (secret key); some servers also require TLS for logins.',
      );
    }
    if (c === 550) {
      return /permission|denied/i.test(raw)
        ? make(
            'access_denied',
            `${what}: permission denied.`,
            'The FTP user needs write access to the base directory.',
          )
        : make('not_found', `${what}: no such file or directory.`);
    }
    if (c === 552 || c === 452)
      return make('quota_exceeded', `${what}: the server is out of space or quota.`);
    if (c === 553 || c === 532)
      return make('access_denied', `${what}: the server refused the file name or permission.`);
    if (c === 421) return make('endpoint_unreachable', 'The FTP server closed the connection (421).');
    // 426: the server aborted the transfer; vsftpd's "500 OOPS" means its session process died.
    if (c === 426 || /OOPS/.test(raw))
      return make('endpoint_unreachable', `The FTP server ended the session during ${what}: ${raw}`);
    if (c === 534 || (c === 500 && /AUTH/i.test(raw))) {
      return make(
        'tls_failed',
        'The FTP server does not support explicit TLS (AUTH TLS).',
        'Disable TLS only if the server cannot offer it.',
      );
    }
    return make('unknown', `FTP error ${c} during ${what}.`);
  }
  if (/^Timeout/i.test(raw)) {
    return make('timeout', `The FTP server ${server.host}:${server.port} stopped answering during ${what}.`);
  }
  if (
    /closed connection unexpectedly|FIN packet|transmission error|Client is closed|not connected/i.test(raw)
  ) {
    return make(
      'endpoint_unreachable',
      `The FTP connection to ${server.host}:${server.port} was lost during ${what}.`,
    );
  }
  return make('unknown', `FTP error during ${what}: ${raw}`);
}
