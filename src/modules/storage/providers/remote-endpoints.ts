import type { StorageTarget } from '../storage-driver.js';
import { invalidConfig } from '../storage-errors.js';
import { remoteEndpointRule } from './provider-rules.js';

export interface HostPort {
  host: string;
  port: number;
}

/** FTP/SFTP: host and port from `host`/`port`, or from an endpoint such as sftp://host:2222. */
export function resolveHostPort(
  target: Pick<StorageTarget, 'host' | 'port' | 'endpointUrl'>,
  defaultPort: number,
  schemes: readonly string[],
): HostPort {
  let host = target.host?.trim();
  let port = target.port ?? undefined;
  const endpoint = target.endpointUrl?.trim();
  if (!host && endpoint) {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `${schemes[0]}://${endpoint}`;
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      throw invalidConfig(`The endpoint "${endpoint}" is not a valid host name.`);
    }
    if (!schemes.includes(url.protocol.replace(/:$/, ''))) {
      throw invalidConfig(`The endpoint must use ${schemes.map((s) => `${s}://`).join(' or ')}.`);
    }
    host = url.hostname.replace(/^\[|\]$/g, '');
    if (url.port && port == null) port = Number(url.port);
  }
  if (!host) throw invalidConfig('A host name is required.');
  if (/[\s/@]/.test(host)) throw invalidConfig(`The host "${host}" is not a valid host name.`);
  const p = port ?? defaultPort;
  if (!Number.isInteger(p) || p < 1 || p > 65535) throw invalidConfig(`The port ${p} is not valid.`);
  return { host, port: p };
}

/** The host and port of an FTP or SFTP config, with its provider's default port and schemes. */
export function resolveRemoteEndpoint(
  provider: 'ftp' | 'sftp',
  target: Pick<StorageTarget, 'host' | 'port' | 'endpointUrl'>,
): HostPort {
  const rule = remoteEndpointRule(provider);
  return resolveHostPort(target, rule.defaultPort, rule.schemes);
}
