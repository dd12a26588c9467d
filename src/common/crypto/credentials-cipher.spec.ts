import {
  CredentialsCipher,
  CredentialsDecryptError,
  generateKeySpec,
  parseKeyring,
} from './credentials-cipher.js';

describe('CredentialsCipher', () => {
  const oldKeys = parseKeyring(generateKeySpec('old'));
  const bothKeys = parseKeyring(`${generateKeySpec('old')},${generateKeySpec('new')}`);

  it('round-trips and never contains the plaintext', () => {
    const c = new CredentialsCipher(oldKeys);
    const enc = c.encrypt('wJalrXUtnFEMI/K7MDENG', 'row-1');
    expect(enc).not.toContain('wJalrXUtnFEMI');
    expect(enc.startsWith('v1.old.')).toBe(true);
    expect(c.decrypt(enc, 'row-1')).toBe('wJalrXUtnFEMI/K7MDENG');
  });

  it('uses a fresh nonce per value', () => {
    const c = new CredentialsCipher(oldKeys);
    expect(c.encrypt('same', 'row')).not.toBe(c.encrypt('same', 'row'));
  });

  it('refuses a ciphertext moved to another row (associated data)', () => {
    const c = new CredentialsCipher(oldKeys);
    expect(() => c.decrypt(c.encrypt('secret', 'row-1'), 'row-2')).toThrow(CredentialsDecryptError);
  });

  it('refuses tampered data', () => {
    const c = new CredentialsCipher(oldKeys);
    const enc = c.encrypt('secret', 'row-1');
    const last = enc.at(-2) === 'A' ? 'B' : 'A';
    expect(() => c.decrypt(enc.slice(0, -2) + last + enc.slice(-1), 'row-1')).toThrow(
      CredentialsDecryptError,
    );
  });

  it('decrypts values of older keys and encrypts with the newest (rotation)', () => {
    const old = new CredentialsCipher([bothKeys[0]!]);
    const both = new CredentialsCipher(bothKeys);
    const enc = old.encrypt('secret', 'r');
    expect(both.needsRotation(enc)).toBe(true);
    const rotated = both.encrypt(both.decrypt(enc, 'r'), 'r');
    expect(both.keyIdOf(rotated)).toBe('new');
    expect(both.needsRotation(rotated)).toBe(false);
  });

  it('names a missing key id', () => {
    const enc = new CredentialsCipher(parseKeyring(generateKeySpec('gone'))).encrypt('x', 'r');
    expect(() => new CredentialsCipher(oldKeys).decrypt(enc, 'r')).toThrow(/"gone"/);
  });

  it('validates keyring specs', () => {
    expect(() => parseKeyring('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseKeyring('')).toThrow(/no keys/);
    expect(() =>
      parseKeyring(`a:${Buffer.alloc(32).toString('base64')},a:${Buffer.alloc(32).toString('base64')}`),
    ).toThrow(/duplicate/);
  });
});
