import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for credentials at rest. Each value gets a random 96-bit nonce and is bound to its
 * row by associated data (e.g. the storage config id), so a ciphertext copied onto another row does
 * not decrypt. The key id is stored with each ciphertext so keys can rotate:
 *   v1.<kid>.<nonce b64url>.<ciphertext+tag b64url>
 */
export interface CredentialsKey {
  id: string;
  key: Buffer;
}

const VERSION = 'v1';
const KID_RE = /^[A-Za-z0-9_-]{1,32}$/;

export class CredentialsDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsDecryptError';
  }
}

/** Parses `kid:base64key[,kid:base64key…]`; the LAST entry is the current key used for new values. */
export function parseKeyring(spec: string): CredentialsKey[] {
  const keys = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':');
      if (i < 1) throw new Error('each entry must be <key id>:<base64 key>');
      const id = entry.slice(0, i);
      if (!KID_RE.test(id)) throw new Error(`key id "${id}" must be 1-32 letters, digits, _ or -`);
      const key = Buffer.from(entry.slice(i + 1), 'base64');
      if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (!keys.length) throw new Error('no keys');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('duplicate key ids');
  return keys;
}

export function generateKeySpec(
  id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`,
): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export class CredentialsCipher {
  private readonly byId: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(keys: CredentialsKey[]) {
    if (!keys.length) throw new Error('CredentialsCipher needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
    this.currentKeyId = keys[keys.length - 1]!.id;
  }

  encrypt(plaintext: string, associatedData: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.byId.get(this.currentKeyId)!, nonce);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.currentKeyId, nonce.toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(value: string, associatedData: string): string {
    const [version, kid, nonceB64, bodyB64] = value.split('.');
    if (version !== VERSION || !kid || !nonceB64 || !bodyB64) {
      throw new CredentialsDecryptError('Stored credential has an unknown format.');
    }
    const key = this.byId.get(kid);
    if (!key) {
      throw new CredentialsDecryptError(
        `Stored credential was encrypted with key "${kid}", which is not in CREDENTIALS_KEYS. Add it back to the keyring.`,
      );
    }
    const body = Buffer.from(bodyB64, 'base64url');
    if (body.length < 16) throw new CredentialsDecryptError('Stored credential is truncated.');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceB64, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new CredentialsDecryptError(
        'Stored credential failed authentication (wrong key, row or tampered data).',
      );
    }
  }

  keyIdOf(value: string): string | undefined {
    return value.split('.')[1];
  }

  needsRotation(value: string): boolean {
    return this.keyIdOf(value) !== this.currentKeyId;
  }
}
