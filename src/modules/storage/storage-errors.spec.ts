import { mapS3Error } from './drivers/s3/s3-errors.js';
import { planParts } from './drivers/s3/s3-part-plan.js';
import { StorageError, mapNetworkError, redact } from './storage-errors.js';

const ctx = {
  provider: 'aws_s3' as const,
  scope: 'bucket' as const,
  bucket: 'b',
  region: 'us-east-1',
  secrets: ['s3cr3t-value'],
};
const s3err = (name: string, status: number, message = name, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $response: { headers } });

describe('storage error mapping', () => {
  it('maps S3 errors to typed codes with hints', () => {
    expect(mapS3Error(s3err('SignatureDoesNotMatch', 403), ctx).code).toBe('auth_failed');
    expect(mapS3Error(s3err('InvalidAccessKeyId', 403), ctx).hint).toMatch(/IAM/);
    expect(mapS3Error(s3err('NoSuchBucket', 404), ctx).code).toBe('bucket_not_found');
    expect(mapS3Error(s3err('NotFound', 404), { ...ctx, scope: 'object' }).code).toBe('not_found');
    expect(mapS3Error(s3err('Forbidden', 403), ctx).code).toBe('access_denied');
    expect(mapS3Error(s3err('QuotaExceeded', 403), ctx).code).toBe('quota_exceeded');
    expect(mapS3Error(s3err('TimeoutError', 0), ctx).code).toBe('timeout');
    const region = mapS3Error(
      s3err('AuthorizationHeaderMalformed', 400, "the region 'us-east-1' is wrong; expecting 'eu-west-1'"),
      ctx,
    );
    expect(region).toMatchObject({ code: 'region_mismatch', details: { expected_region: 'eu-west-1' } });
    expect(
      mapS3Error(s3err('PermanentRedirect', 301, 'x', { 'x-amz-bucket-region': 'ap-south-1' }), ctx).message,
    ).toContain('ap-south-1');
  });

  it('maps socket and TLS errors, also when only the message carries the code', () => {
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(mapNetworkError(e('ECONNREFUSED'), [])?.code).toBe('endpoint_unreachable');
    expect(mapNetworkError(e('ENOTFOUND'), [])?.code).toBe('dns_failed');
    expect(mapNetworkError(e('DEPTH_ZERO_SELF_SIGNED_CERT'), [])?.code).toBe('tls_failed');
    expect(
      mapNetworkError(new Error('AWS SDK error wrapper for TimeoutError: read ECONNRESET'), [])?.code,
    ).toBe('endpoint_unreachable');
    expect(mapNetworkError(new Error('something else'), [])).toBeUndefined();
  });

  it('never lets a secret into messages', () => {
    const err = mapS3Error(s3err('SignatureDoesNotMatch', 403, 'secret s3cr3t-value leaked'), ctx);
    expect(`${err.message} ${err.hint} ${err.providerMessage}`).not.toContain('s3cr3t-value');
    expect(redact('a s3cr3t%2Fx b', ['s3cr3t/x'])).toBe('a *** b');
    expect(err).toBeInstanceOf(StorageError);
  });

  it('plans part sizes from the size estimate and the part-count limit', () => {
    expect(planParts(undefined, 10_000, 4)).toMatchObject({ partSize: 5 * 1024 * 1024, queueSize: 4 });
    expect(planParts(1, 10_000, 4).partSize).toBe(5 * 1024 * 1024);
    // 100 GiB on a 1,000-part service: parts of ~123 MiB, one at a time to bound memory
    const big = planParts(100 * 1024 ** 3, 1000, 4);
    expect(big.partSize).toBeGreaterThan(100 * 1024 * 1024);
    expect(big.queueSize).toBe(1);
    expect(big.maxBytes).toBeGreaterThan(100 * 1024 ** 3);
    expect(() => planParts(60 * 1024 ** 4, 10_000, 4)).toThrow(
      expect.objectContaining({ code: 'invalid_config' }),
    );
  });
});
