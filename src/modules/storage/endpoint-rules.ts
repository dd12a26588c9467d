import dns, { type LookupAddress } from 'node:dns';
import net from 'node:net';
import { StorageError, invalidConfig } from './storage-errors.js';

/** Credentials pasted with surrounding whitespace are a frequent cause of "malformed key" errors. */
export function trimCredential(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/**
 * Non-public address ranges, by what they are (the label completes "… is <label>" in messages):
 * "this network", private, CGNAT, loopback, link-local (incl. 169.254.169.254 and fd00:ec2::254
 * metadata), IETF protocol assignments, documentation, benchmarking, multicast and reserved; for
 * IPv6 also discard-only, local-use NAT64 (64:ff9b:1::/48, only meaningful behind a local
 * translator), unique-local and deprecated site-local. Forms that embed an IPv4 address are judged
 * by that address before this list is consulted (see embeddedIpv4).
 */
const RANGES: [label: string, ranges: [string, number, 'ipv4' | 'ipv6'][]][] = [
  [
    'a loopback address',
    [
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ],
  ],
  [
    'a link-local address (cloud metadata services live there)',
    [
      ['169.254.0.0', 16, 'ipv4'],
      ['fe80::', 10, 'ipv6'],
    ],
  ],
  [
    'an unspecified address',
    [
      ['0.0.0.0', 8, 'ipv4'],
      ['::', 128, 'ipv6'],
    ],
  ],
  [
    'a private network address',
    [
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['100.64.0.0', 10, 'ipv4'],
      ['fc00::', 7, 'ipv6'],
      ['fec0::', 10, 'ipv6'],
    ],
  ],
  [
    'a reserved address (documentation, benchmarking, protocol assignments, multicast)',
    [
      ['192.0.0.0', 24, 'ipv4'],
      ['192.0.2.0', 24, 'ipv4'],
      ['198.18.0.0', 15, 'ipv4'],
      ['198.51.100.0', 24, 'ipv4'],
      ['203.0.113.0', 24, 'ipv4'],
      ['224.0.0.0', 3, 'ipv4'],
      ['100::', 64, 'ipv6'],
      ['2001:db8::', 32, 'ipv6'],
      ['64:ff9b:1::', 48, 'ipv6'],
      ['ff00::', 8, 'ipv6'],
    ],
  ],
];

const CATEGORIES = RANGES.map(([label, ranges]) => {
  const list = new net.BlockList();
  for (const [address, bits, family] of ranges) list.addSubnet(address, bits, family);
  return { label, list };
});

/** The 16 bytes of an IPv6 address (zone id ignored), or undefined when it is not one. */
function ipv6Bytes(address: string): number[] | undefined {
  let text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (net.isIP(text) !== 6) return undefined;
  let tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail = dotted[2]!.split('.').map(Number);
    text = dotted[1]!.endsWith('::') ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = groups(head!);
  const right = rest === undefined ? [] : groups(rest);
  const missing = 8 - tail.length / 2 - left.length - right.length;
  const words = [...left, ...new Array<number>(rest === undefined ? 0 : missing).fill(0), ...right];
  const bytes = words.flatMap((w) => [w >> 8, w & 0xff]);
  return [...bytes, ...tail];
}

const isZero = (bytes: number[], from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
const v4 = (b: number[], at: number) => b.slice(at, at + 4).join('.');

/**
 * The IPv4 address an IPv6 address carries, for the forms a network may route to that IPv4 host:
 * IPv4-mapped (::ffff:a.b.c.d, also written ::ffff:7f00:1), IPv4-compatible (::a.b.c.d),
 * IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo
 * (2001::/32: the server, and the client whose address is stored inverted). Several for Teredo.
 */
function embeddedIpv4(b: number[]): string[] {
  const ffff = b[10] === 0xff && b[11] === 0xff;
  if (isZero(b, 0, 10) && ffff) return [v4(b, 12)]; // mapped
  if (isZero(b, 0, 12) && !isZero(b, 12, 16)) return [v4(b, 12)]; // compatible (:: and ::1 stay IPv6)
  if (isZero(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && isZero(b, 10, 12)) return [v4(b, 12)]; // translated
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && isZero(b, 4, 12)) return [v4(b, 12)]; // NAT64
  if (b[0] === 0x20 && b[1] === 0x02) return [v4(b, 2)]; // 6to4
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) {
    return [
      v4(b, 4),
      b
        .slice(12, 16)
        .map((x) => x ^ 0xff)
        .join('.'),
    ]; // Teredo
  }
  return [];
}

/**
 * What a non-public address is ("a loopback address", …), whichever way it is written, or
 * undefined for a public one. The one classification every endpoint and source rule uses.
 */
export function describeForbiddenAddress(address: string): string | undefined {
  const family = net.isIP(address);
  const find = (a: string, f: 'ipv4' | 'ipv6') => CATEGORIES.find((c) => c.list.check(a, f))?.label;
  if (family === 4) return find(address, 'ipv4');
  const bytes = ipv6Bytes(address);
  if (!bytes) return undefined;
  // The IPv6 ranges first, so :: and ::1 are what they are, not "IPv4-compatible" 0.0.0.x.
  const own = find(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''), 'ipv6');
  if (own) return own;
  for (const v4address of embeddedIpv4(bytes)) {
    const label = find(v4address, 'ipv4');
    if (label) return label;
  }
  return undefined;
}

/** True for loopback, private, link-local, metadata and other non-public addresses. */
export function isForbiddenAddress(address: string): boolean {
  return describeForbiddenAddress(address) !== undefined;
}

/** The IPv4 address an IPv4-mapped IPv6 address stands for (so ::ffff:10.0.0.1 equals 10.0.0.1), else the address. */
export function unmapIpv4(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** A host name as DNS means it: lower case, without IPv6 brackets and without the root's trailing dot. */
export function normalizeHostName(host: string): string {
  return host
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** `localhost` and its subdomains (RFC 6761) are loopback whatever the resolver says. */
export function isLocalhostName(host: string): boolean {
  const name = normalizeHostName(host);
  return name === 'localhost' || name.endsWith('.localhost');
}

export function forbiddenEndpoint(host: string, address: string): StorageError {
  return new StorageError(
    'endpoint_forbidden',
    `The endpoint ${host} resolves to a private or local address (${address}), which is not allowed.`,
    {
      hint: 'Use a public endpoint. Private networks can only be enabled by a platform administrator.',
      details: { host, address },
    },
  );
}

/**
 * A drop-in for dns.lookup (net.connect's `lookup` option) that refuses forbidden addresses after
 * resolution, so a public name pointing at 127.0.0.1 or 169.254.169.254 is caught at connect time.
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err);
      if (!allowPrivate) {
        const bad = addresses.find((a) => isForbiddenAddress(a.address));
        if (bad) return callback(forbiddenEndpoint(hostname, bad.address));
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
      callback(null, first.address, first.family);
    });
  }) as unknown as net.LookupFunction;
}

/** Resolves a host once and returns an allowed address (for clients that take an IP, e.g. FTP/SFTP). */
export async function resolveGuarded(host: string, allowPrivate: boolean): Promise<string> {
  if (net.isIP(host)) {
    if (!allowPrivate && isForbiddenAddress(host)) throw forbiddenEndpoint(host, host);
    return host;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch (err) {
    throw new StorageError('dns_failed', `The host name ${host} could not be resolved.`, {
      hint: 'Check the spelling of the host name / endpoint.',
      cause: err,
    });
  }
  if (!allowPrivate) {
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad) throw forbiddenEndpoint(host, bad.address);
  }
  const first = addresses.find((a) => a.family === 4) ?? addresses[0];
  if (!first) throw new StorageError('dns_failed', `The host name ${host} has no address.`);
  return first.address;
}

/**
 * Accepts `host`, `host:port`, `https://host/` … and returns a normalized URL (no trailing slash).
 * http:// only when insecure endpoints are allowed; paths, credentials and queries are refused.
 */
export function normalizeEndpoint(raw: string, allowInsecure: boolean): URL {
  const trimmed = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidConfig(`The endpoint "${trimmed}" is not a valid URL or host name.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidConfig(`The endpoint must use https:// (got ${url.protocol}//).`);
  }
  if (url.protocol === 'http:' && !allowInsecure) {
    throw invalidConfig(
      'Unencrypted http:// endpoints are not allowed on this platform.',
      'Use https://, or ask a platform administrator to allow insecure endpoints.',
    );
  }
  if (url.username || url.password) throw invalidConfig('The endpoint must not contain credentials.');
  if (url.search || url.hash) throw invalidConfig('The endpoint must not contain a query or fragment.');
  if (url.pathname.replace(/\/+$/, '') !== '') {
    throw invalidConfig(
      'The endpoint must be a host name only, without a path.',
      'Put the bucket name in the bucket field, not in the endpoint.',
    );
  }
  return url;
}

export const endpointString = (url: URL): string => `${url.protocol}//${url.host}`;

export type HostVerdict =
  { kind: 'public' } | { kind: 'forbidden'; address: string } | { kind: 'unresolved' };

/**
 * Save-time judgement of a tenant-supplied host (storage endpoints, webhook URLs): whether it is
 * or resolves to a forbidden address (every address counts), or resolves to none (3 s DNS budget).
 * Connections re-check the resolved address (guardedLookup / resolveGuarded).
 */
export async function judgeHost(raw: string): Promise<HostVerdict> {
  const host = normalizeHostName(raw);
  if (isLocalhostName(host)) return { kind: 'forbidden', address: '127.0.0.1' };
  if (net.isIP(host))
    return isForbiddenAddress(host) ? { kind: 'forbidden', address: host } : { kind: 'public' };
  try {
    const addresses = await Promise.race([
      dns.promises.lookup(host, { all: true }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('dns timeout')), 3000).unref()),
    ]);
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad) return { kind: 'forbidden', address: bad.address };
    return addresses.length ? { kind: 'public' } : { kind: 'unresolved' };
  } catch {
    return { kind: 'unresolved' };
  }
}
