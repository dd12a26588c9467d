import {
  describeForbiddenAddress,
  guardedLookup,
  isForbiddenAddress,
  isLocalhostName,
  normalizeHostName,
  normalizeEndpoint,
  resolveGuarded,
  trimCredential,
} from './endpoint-rules.js';
import { StorageError } from './storage-errors.js';
import { resolveHostPort } from './providers/remote-endpoints.js';
import { resolveS3Endpoint } from './providers/s3-endpoints.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as StorageError).code;
  }
  return 'no error';
};

describe('endpoint rules', () => {
  it('derives provider endpoints (the provider endpoint rules)', () => {
    const r2 = resolveS3Endpoint('cloudflare_r2', { accountId: ' 0123456789ABCDEF0123456789abcdef ' }, {});
    expect(r2).toMatchObject({
      endpoint: 'https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com',
      region: 'auto',
    });
    expect(resolveS3Endpoint('digitalocean_spaces', { region: 'fra1' }, {}).endpoint).toBe(
      'https://fra1.digitaloceanspaces.com',
    );
    expect(resolveS3Endpoint('backblaze_b2', { region: 'us-west-004' }, {}).endpoint).toBe(
      'https://s3.us-west-004.backblazeb2.com',
    );
    expect(resolveS3Endpoint('wasabi', { region: 'eu-central-1' }, {}).endpoint).toBe(
      'https://s3.eu-central-1.wasabisys.com',
    );
    const aws = resolveS3Endpoint('aws_s3', { region: 'eu-west-1' }, {});
    expect(aws).toMatchObject({ endpoint: undefined, region: 'eu-west-1', forcePathStyle: false });
    expect(aws.url.host).toBe('s3.eu-west-1.amazonaws.com');
    const minio = resolveS3Endpoint('minio', { endpointUrl: 'minio.example.com:9000/' }, {});
    expect(minio).toMatchObject({
      endpoint: 'https://minio.example.com:9000',
      forcePathStyle: true,
      region: 'us-east-1',
    });
  });

  it('refuses incomplete or unsafe provider settings', () => {
    expect(code(() => resolveS3Endpoint('cloudflare_r2', {}, {}))).toBe('invalid_config');
    expect(code(() => resolveS3Endpoint('cloudflare_r2', { accountId: 'abc' }, {}))).toBe('invalid_config');
    expect(code(() => resolveS3Endpoint('digitalocean_spaces', {}, {}))).toBe('invalid_config');
    expect(code(() => resolveS3Endpoint('s3_compatible', {}, {}))).toBe('invalid_config');
    expect(code(() => resolveS3Endpoint('minio', { endpointUrl: 'http://minio:9000' }, {}))).toBe(
      'invalid_config',
    );
    expect(
      resolveS3Endpoint('minio', { endpointUrl: 'http://minio:9000' }, { allowInsecureEndpoints: true })
        .endpoint,
    ).toBe('http://minio:9000');
  });

  it('normalizes endpoints: scheme added, trailing slash dropped; paths, credentials and queries refused', () => {
    expect(normalizeEndpoint(' s3.example.com/ ', false).href).toBe('https://s3.example.com/');
    expect(code(() => normalizeEndpoint('https://s3.example.com/bucket', false))).toBe('invalid_config');
    expect(code(() => normalizeEndpoint('https://u:p@s3.example.com', false))).toBe('invalid_config');
    expect(code(() => normalizeEndpoint('https://s3.example.com?x=1', false))).toBe('invalid_config');
    expect(code(() => normalizeEndpoint('ftp://s3.example.com', false))).toBe('invalid_config');
  });

  it('trims pasted credentials', () => {
    expect(trimCredential('  AKIA123\n')).toBe('AKIA123');
    expect(trimCredential('   ')).toBeUndefined();
  });

  it('classifies private, loopback, link-local and metadata addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect([ip, isForbiddenAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1']) {
      expect([ip, isForbiddenAddress(ip)]).toEqual([ip, false]);
    }
  });

  it('judges IPv6 forms that embed an IPv4 address by that address', () => {
    for (const ip of [
      '::7f00:1', // IPv4-compatible 127.0.0.1
      '::127.0.0.1',
      '::a9fe:a9fe', // IPv4-compatible 169.254.169.254
      '64:ff9b::a9fe:a9fe', // NAT64 well-known prefix
      '64:ff9b::127.0.0.1',
      '64:ff9b:1::8.8.8.8', // local-use NAT64: only a local translator serves it
      '2002:a9fe:a9fe::', // 6to4
      '2002:0a00:0001::1',
      '::ffff:0:a9fe:a9fe', // IPv4-translated
      '::ffff:0:10.0.0.1',
      '::ffff:7f00:1', // IPv4-mapped, hex form
      '::FFFF:A9FE:A9FE',
      '0:0:0:0:0:ffff:127.0.0.1',
      '2001:0:a9fe:a9fe::1', // Teredo with a link-local server
      '2001:0:808:808::80ff:fffe', // Teredo whose (inverted) client is 127.0.0.1
      'fe80::1%eth0',
      'fec0::1',
      '2001:db8::1',
    ]) {
      expect([ip, isForbiddenAddress(ip)]).toEqual([ip, true]);
    }
    for (const ip of [
      '::808:808', // IPv4-compatible 8.8.8.8
      '64:ff9b::808:808',
      '2002:808:808::1',
      '::ffff:0:808:808',
      '::ffff:808:808',
      '2a00:1450:4001:80b::200e',
    ]) {
      expect([ip, isForbiddenAddress(ip)]).toEqual([ip, false]);
    }
  });

  it('reads host names as DNS does: case and the trailing dot of the root do not matter', () => {
    expect(normalizeHostName(' S3.Example.COM. ')).toBe('s3.example.com');
    expect(normalizeHostName('[::1]')).toBe('::1');
    for (const name of ['localhost', 'LOCALHOST.', 'a.b.localhost', 'x.LocalHost.']) {
      expect([name, isLocalhostName(name)]).toEqual([name, true]);
    }
    expect(isLocalhostName('localhost.example.com')).toBe(false);
    expect(isLocalhostName('notlocalhost')).toBe(false);
  });

  it('checks names after DNS resolution (localhost → 127.0.0.1 is refused)', async () => {
    await expect(resolveGuarded('localhost', false)).rejects.toMatchObject({ code: 'endpoint_forbidden' });
    await expect(resolveGuarded('127.0.0.1', false)).rejects.toMatchObject({ code: 'endpoint_forbidden' });
    await expect(resolveGuarded('localhost', true)).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
    await expect(resolveGuarded('no-such-host.invalid', true)).rejects.toMatchObject({ code: 'dns_failed' });
    const err = await new Promise((resolve) =>
      guardedLookup(false)('localhost', { all: true } as never, (e: unknown) => resolve(e)),
    );
    expect(err).toMatchObject({ code: 'endpoint_forbidden' });
  });

  it('reads FTP/SFTP host and port from fields or an endpoint', () => {
    expect(resolveHostPort({ endpointUrl: 'sftp://files.example.com:2222' }, 22, ['sftp'])).toEqual({
      host: 'files.example.com',
      port: 2222,
    });
    expect(resolveHostPort({ host: ' files.example.com ' }, 21, ['ftp'])).toEqual({
      host: 'files.example.com',
      port: 21,
    });
    expect(resolveHostPort({ endpointUrl: 'files.example.com' }, 21, ['ftp'])).toEqual({
      host: 'files.example.com',
      port: 21,
    });
    expect(code(() => resolveHostPort({ endpointUrl: 'https://x' }, 22, ['sftp']))).toBe('invalid_config');
    expect(code(() => resolveHostPort({ host: 'x', port: 70000 }, 22, ['sftp']))).toBe('invalid_config');
  });
});

describe('describeForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::', /unspecified/],
    ['169.254.169.254', /link-local/],
    ['fe80::1', /link-local/],
    ['10.1.2.3', /private/],
    ['fd00:ec2::254', /private/],
    ['2002:a00:1::', /private/],
    ['192.0.2.7', /reserved/],
  ])('%s is %s', (address, label) => {
    expect(describeForbiddenAddress(address)).toMatch(label);
  });

  it('public addresses are not forbidden', () => {
    for (const a of ['8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(describeForbiddenAddress(a)).toBeUndefined();
    }
  });
});
