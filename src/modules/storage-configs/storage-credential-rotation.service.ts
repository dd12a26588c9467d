import { Injectable } from '@nestjs/common';
import { CredentialsCipher } from '../../common/crypto/credentials-cipher.js';
import type { StorageConfig } from './storage-config.entity.js';
import { StorageConfigsRepository } from './storage-configs.repository.js';

const SECRET_COLUMNS = ['accessKeyEnc', 'secretKeyEnc', 'privateKeyEnc', 'passphraseEnc'] as const;

/** Re-encryption of stored credentials after a new key is added to CREDENTIALS_KEYS. */
@Injectable()
export class StorageCredentialRotation {
  constructor(
    private readonly configs: StorageConfigsRepository,
    private readonly cipher: CredentialsCipher,
  ) {}

  /** Re-encrypts every stored credential under the newest key; returns how many configs changed. */
  async rotateKeys(): Promise<{ rotated: number; total: number }> {
    let after: string | null = null;
    let rotated = 0;
    let total = 0;
    for (;;) {
      const batch = await this.configs.batchWithSecrets(after, 100);
      if (!batch.length) break;
      for (const row of batch) {
        total++;
        const changes: Partial<StorageConfig> = {};
        for (const col of SECRET_COLUMNS) {
          const value = row[col];
          if (value && this.cipher.needsRotation(value)) {
            changes[col] = this.cipher.encrypt(this.cipher.decrypt(value, row.id), row.id);
          }
        }
        if (Object.keys(changes).length) {
          await this.configs.update(row.organizationId, row.id, changes);
          rotated++;
        }
      }
      after = batch[batch.length - 1]!.id;
    }
    return { rotated, total };
  }
}
