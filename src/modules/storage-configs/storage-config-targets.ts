import { Injectable } from '@nestjs/common';
import { CredentialsCipher } from '../../common/crypto/credentials-cipher.js';
import type { StorageTarget } from '../storage/storage-driver.js';
import { defaultRegion } from '../storage/providers/provider-rules.js';
import type { CreateStorageConfigDto, UpdateStorageConfigDto } from './dto/storage-config-input.dto.js';
import type { StorageConfig } from './storage-config.entity.js';
import { accessKeyHint } from './storage-configs.mapper.js';

/** Fields whose change re-validates the whole target; never shown, only "[changed]". */
export const SECRET_FIELDS = ['access_key', 'secret_key', 'private_key', 'passphrase'] as const;

/**
 * Entity ↔ target ↔ request mapping of a storage config. Secrets are encrypted with the config id
 * as associated data; decrypted targets are for drivers only, never serialized.
 */
@Injectable()
export class StorageConfigTargets {
  constructor(private readonly cipher: CredentialsCipher) {}

  fromDto(dto: CreateStorageConfigDto): StorageTarget {
    return {
      provider: dto.provider,
      bucket: dto.bucket ?? (dto.provider === 'local' ? dto.path : undefined) ?? null,
      region: dto.region ?? defaultRegion(dto.provider),
      endpointUrl: dto.endpoint_url ?? null,
      accountId: dto.account_id ?? null,
      pathPrefix: dto.path_prefix ?? null,
      storageClass: dto.storage_class ?? null,
      buckets: dto.buckets ?? null,
      accessKey: dto.access_key || null,
      secretKey: dto.secret_key || null,
      host: dto.host ?? null,
      port: dto.port ?? null,
      useTls: dto.use_tls ?? false,
      privateKey: dto.private_key || null,
      passphrase: dto.passphrase || null,
      hostKeyFingerprint: dto.host_key_fingerprint ?? null,
    };
  }

  /** The stored target with the fields a PATCH sends replacing it. */
  merged(row: StorageConfig, dto: UpdateStorageConfigDto): StorageTarget {
    const current = this.decrypt(row);
    const pick = <K extends keyof UpdateStorageConfigDto, V>(k: K, fallback: V) =>
      dto[k] === undefined ? fallback : (dto[k] as V);
    return {
      provider: dto.provider ?? row.provider,
      bucket:
        dto.bucket === undefined && dto.path !== undefined && (dto.provider ?? row.provider) === 'local'
          ? dto.path
          : pick('bucket', current.bucket),
      region: pick('region', current.region),
      endpointUrl: pick('endpoint_url', current.endpointUrl),
      accountId: pick('account_id', current.accountId),
      pathPrefix: pick('path_prefix', current.pathPrefix),
      storageClass: pick('storage_class', current.storageClass),
      buckets: pick('buckets', current.buckets),
      accessKey: pick('access_key', current.accessKey) || null,
      secretKey: pick('secret_key', current.secretKey) || null,
      host: pick('host', current.host),
      port: pick('port', current.port),
      useTls: pick('use_tls', current.useTls),
      privateKey: pick('private_key', current.privateKey) || null,
      passphrase: pick('passphrase', current.passphrase) || null,
      hostKeyFingerprint: pick('host_key_fingerprint', current.hostKeyFingerprint),
    };
  }

  plainFields(t: StorageTarget): Partial<StorageConfig> {
    return {
      bucket: t.bucket ?? null,
      region: t.region ?? null,
      endpointUrl: t.endpointUrl ?? null,
      accountId: t.accountId ?? null,
      pathPrefix: t.pathPrefix ?? null,
      storageClass: t.storageClass ?? null,
      buckets: t.buckets ?? null,
      host: t.host ?? null,
      port: t.port ?? null,
      useTls: t.useTls ?? false,
      hostKeyFingerprint: t.hostKeyFingerprint ?? null,
    };
  }

  encryptedFields(id: string, t: StorageTarget): Partial<StorageConfig> {
    const enc = (v: string | null | undefined) => (v ? this.cipher.encrypt(v, id) : null);
    return {
      accessKeyEnc: enc(t.accessKey),
      accessKeyHint: t.accessKey ? accessKeyHint(t.accessKey) : null,
      secretKeyEnc: enc(t.secretKey),
      privateKeyEnc: enc(t.privateKey),
      passphraseEnc: enc(t.passphrase),
      hasSecret: !!t.secretKey,
      hasPrivateKey: !!t.privateKey,
    };
  }

  /** The encrypted columns a PATCH changes: a secret it omits keeps its stored ciphertext. */
  changedSecrets(id: string, t: StorageTarget, dto: UpdateStorageConfigDto): Partial<StorageConfig> {
    const fresh = this.encryptedFields(id, t);
    for (const field of SECRET_FIELDS) {
      if (dto[field] === undefined) {
        const col = `${camel(field)}Enc` as 'accessKeyEnc';
        delete fresh[col];
      }
    }
    if (dto.access_key === undefined) delete fresh.accessKeyHint;
    return fresh;
  }

  decrypt(row: StorageConfig): StorageTarget {
    const dec = (v: string | null | undefined) => (v ? this.cipher.decrypt(v, row.id) : null);
    return {
      provider: row.provider,
      bucket: row.bucket,
      region: row.region,
      endpointUrl: row.endpointUrl,
      accountId: row.accountId,
      pathPrefix: row.pathPrefix,
      storageClass: row.storageClass,
      buckets: row.buckets,
      accessKey: dec(row.accessKeyEnc),
      secretKey: dec(row.secretKeyEnc),
      host: row.host,
      port: row.port,
      useTls: row.useTls,
      privateKey: dec(row.privateKeyEnc),
      passphrase: dec(row.passphraseEnc),
      hostKeyFingerprint: row.hostKeyFingerprint,
    };
  }
}

/** What the audit row says about a change: field names and non-secret values only. */
export function auditView(dto: Partial<CreateStorageConfigDto>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(dto)) {
    if (v === undefined) continue;
    view[k] = (SECRET_FIELDS as readonly string[]).includes(k) ? '[changed]' : v;
  }
  return view;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
