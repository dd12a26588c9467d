import type { StorageConfig } from './storage-config.entity.js';
import { StorageConfigTargets } from './storage-config-targets.js';
import { accessKeyHint, toStorageConfigResponse } from './storage-configs.mapper.js';
import { testCipher } from './testing/storage-configs.fakes.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PRIVATE_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';

function row(accessKey: string): StorageConfig {
  const targets = new StorageConfigTargets(testCipher());
  const target = {
    provider: 'sftp' as const,
    host: 'files.example.com',
    accessKey,
    secretKey: SECRET,
    privateKey: PRIVATE_KEY,
    passphrase: 'correct horse battery staple',
  };
  return {
    id: '00000000-0000-4000-8000-000000000001',
    organizationId: 'org-1',
    name: 'sftp',
    provider: 'sftp',
    ...targets.plainFields(target),
    ...targets.encryptedFields('00000000-0000-4000-8000-000000000001', target),
    isActive: true,
    isDefault: true,
    totalSizeBytes: 0,
    objectCount: 0,
    lastUsedAt: null,
    health: 'unknown',
    healthCheckedAt: null,
    healthErrorCode: null,
    healthMessage: null,
    lastHealthyAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  } as StorageConfig;
}

describe('storage config mapping (entity → response)', () => {
  it('never maps a secret, a ciphertext or a private key out; says only whether they exist', () => {
    const entity = row('AKIAIOSFODNN7EXAMPLE');
    const response = toStorageConfigResponse(entity);
    const text = JSON.stringify(response);
    for (const hidden of [
      SECRET,
      PRIVATE_KEY,
      'correct horse battery staple',
      'AKIAIOSFODNN7EXAMPLE',
      entity.secretKeyEnc!,
      entity.accessKeyEnc!,
      entity.privateKeyEnc!,
      entity.passphraseEnc!,
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(
      Object.keys(response).filter((k) => /^(access_key|secret_key|private_key|passphrase)$|_enc$/.test(k)),
    ).toEqual([]);
    expect(response).toMatchObject({ has_secret: true, has_private_key: true, access_key_hint: '…MPLE' });
  });

  it('an access key of at least 12 characters shows its last 4; a shorter one is fully masked', () => {
    expect(accessKeyHint('AKIAIOSFODNN7EXAMPLE')).toBe('MPLE');
    expect(accessKeyHint('abcdefghijkl')).toBe('ijkl');
    expect(accessKeyHint('backupuser1')).toBe('');
    expect(toStorageConfigResponse(row('backupuser1')).access_key_hint).toBe('****');
    expect(toStorageConfigResponse(row('bob')).access_key_hint).toBe('****');
  });

  it('hints saved before masking (shorter than 4 characters) are masked too', () => {
    const entity = { ...row('AKIAIOSFODNN7EXAMPLE'), accessKeyHint: 'ob' } as StorageConfig;
    expect(toStorageConfigResponse(entity).access_key_hint).toBe('****');
  });

  it('no access key: no hint at all', () => {
    const entity = { ...row('AKIAIOSFODNN7EXAMPLE'), accessKeyHint: null } as StorageConfig;
    expect(toStorageConfigResponse(entity).access_key_hint).toBeNull();
  });

  it('the stored target decrypts back to what was saved (bound to the config id)', () => {
    const targets = new StorageConfigTargets(testCipher());
    const t = {
      provider: 'aws_s3' as const,
      bucket: 'b-1',
      accessKey: 'AKIAIOSFODNN7EXAMPLE',
      secretKey: SECRET,
    };
    const entity = {
      id: 'cfg-1',
      provider: 'aws_s3',
      ...targets.plainFields(t),
      ...targets.encryptedFields('cfg-1', t),
    } as StorageConfig;
    expect(targets.decrypt(entity)).toMatchObject({
      accessKey: t.accessKey,
      secretKey: SECRET,
      bucket: 'b-1',
    });
    expect(() => targets.decrypt({ ...entity, id: 'cfg-2' })).toThrow();
  });
});
