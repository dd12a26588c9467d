import { StorageError, abortedError, mapNetworkError, redact } from '../../storage-errors.js';

/** SFTP status codes (draft-ietf-secsh-filexfer): SSH_FX_NO_SUCH_FILE, SSH_FX_PERMISSION_DENIED. */
export const SFTP_NO_SUCH_FILE = 2;
export const SFTP_PERMISSION_DENIED = 3;

export interface SftpServer {
  host: string;
  port: number;
  username: string;
  secrets: readonly (string | undefined)[];
}

/** Maps ssh2 errors (authentication, SFTP status codes, lost channels) to StorageError codes. */
export function mapSftpError(err: unknown, what: string, server: SftpServer): StorageError {
  if (err instanceof StorageError) return err;
  const e = (err ?? {}) as { code?: unknown; level?: string; message?: string; name?: string };
  if (e.name === 'AbortError') return abortedError(err);
  const net = mapNetworkError(err, server.secrets);
  if (net) return net;
  const raw = redact(e.message ?? String(err), server.secrets);
  const make = (code: StorageError['code'], message: string, hint?: string) =>
    new StorageError(code, message, { hint, cause: err, providerMessage: raw });
  if (e.level === 'client-authentication' || /authentication methods failed/i.test(raw)) {
    return make(
      'auth_failed',
      `The SFTP server rejected the login of "${server.username}".`,
      'Check the user name (access key) and the password (secret key) or private key; the server must allow that method.',
    );
  }
  if (/Timed out while waiting for handshake|keepalive timeout/i.test(raw)) {
    return make('timeout', `The SFTP server ${server.host}:${server.port} stopped answering.`);
  }
  if (e.code === SFTP_NO_SUCH_FILE) return make('not_found', `${what}: no such file or directory.`);
  if (e.code === SFTP_PERMISSION_DENIED) {
    return make(
      'access_denied',
      `${what}: permission denied.`,
      'The SFTP user needs write access to the base directory.',
    );
  }
  if (/no space|quota/i.test(raw)) return make('quota_exceeded', `${what}: disk full or quota exceeded.`);
  if (/Not connected|No response from server|Connection lost|Channel .*closed|ended/i.test(raw)) {
    return make('endpoint_unreachable', `The SFTP connection to ${server.host}:${server.port} was lost.`);
  }
  return make('unknown', `SFTP error during ${what}: ${raw}`);
}
