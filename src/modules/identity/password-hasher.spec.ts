import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from './password-hasher.js';

describe('password hasher', () => {
  it('stores the parameters with the hash and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(
      new RegExp(`^scrypt\\$${SCRYPT_PARAMS.N}\\$${SCRYPT_PARAMS.r}\\$${SCRYPT_PARAMS.p}\\$`),
    );
    expect(hash).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash and still verifies hashes made with older, weaker parameters', async () => {
    expect(await hashPassword('same password!!')).not.toBe(await hashPassword('same password!!'));
    const old = await hashPassword('old password 123');
    const weaker = old.replace(`scrypt$${SCRYPT_PARAMS.N}$`, 'scrypt$1024$');
    expect(needsRehash(weaker)).toBe(true);
    await expect(verifyPassword('anything at all', 'not-a-hash')).resolves.toBe(false);
  });
});
