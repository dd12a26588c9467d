import { bucketNameProblem } from './bucket-names.js';

describe('bucketNameProblem', () => {
  it.each([
    ['aws_s3', 'my-backups.eu'],
    ['cloudflare_r2', 'prod-backups'],
    ['backblaze_b2', 'Offsite-Backups'],
    ['digitalocean_spaces', 'spaces-1'],
    ['s3_compatible', 'Legacy_Bucket'],
    ['ftp', 'x'],
  ] as const)('%s accepts %s', (provider, name) => {
    expect(bucketNameProblem(provider, name)).toBeUndefined();
  });

  it.each([
    ['aws_s3', 'b', /3 to 63/],
    ['cloudflare_r2', 'x', /3 to 63/],
    ['cloudflare_r2', 'my.bucket', /lowercase letters, digits and hyphens/],
    ['aws_s3', 'MyBucket', /lowercase/],
    ['aws_s3', '192.168.1.10', /IP address/],
    ['aws_s3', 'a..b', /\.\./],
    ['minio', '-abc', /start and end/],
    ['backblaze_b2', 'short', /6 to 63/],
    ['backblaze_b2', 'b2-backups', /b2-/],
    ['wasabi', 'x'.repeat(64), /3 to 63/],
  ] as const)('%s refuses %s', (provider, name, why) => {
    expect(bucketNameProblem(provider, name)).toMatch(why);
  });
});
