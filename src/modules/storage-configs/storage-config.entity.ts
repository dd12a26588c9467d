import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import type { StorageProvider } from '../storage/storage-driver.js';

export const STORAGE_HEALTH = ['healthy', 'degraded', 'unhealthy', 'unknown'] as const;
export type StorageHealth = (typeof STORAGE_HEALTH)[number];

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

/**
 * Where backups go. organization_id NULL = a platform-level config managed by platform admins
 * (one of them may be the platform default). Secrets are AES-256-GCM ciphertexts bound to the row id
 * and never selected unless asked for (select: false).
 * One default per organization and one platform default are enforced by partial unique indexes
 * (created in the migration; TypeORM cannot express the platform one).
 */
@Entity({ name: 'storage_configs' })
@Index('IDX_storage_configs_org', ['organizationId', 'createdAt'])
@Index('IDX_storage_configs_next_probe', ['nextProbeAt'])
@Index('UQ_storage_configs_org_default', { synchronize: false })
@Index('UQ_storage_configs_platform_default', { synchronize: false })
export class StorageConfig {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_storage_configs_organization' })
  organization?: Organization;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  provider!: StorageProvider;

  @Column({ type: 'text', nullable: true })
  bucket!: string | null;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'endpoint_url', type: 'text', nullable: true })
  endpointUrl!: string | null;

  @Column({ name: 'account_id', type: 'text', nullable: true })
  accountId!: string | null;

  @Column({ name: 'path_prefix', type: 'text', nullable: true })
  pathPrefix!: string | null;

  @Column({ name: 'storage_class', type: 'text', nullable: true })
  storageClass!: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  buckets!: string[] | null;

  @Column({ type: 'text', nullable: true })
  host!: string | null;

  @Column({ type: 'integer', nullable: true })
  port!: number | null;

  @Column({ name: 'use_tls', type: 'boolean', default: false })
  useTls!: boolean;

  @Column({ name: 'host_key_fingerprint', type: 'text', nullable: true })
  hostKeyFingerprint!: string | null;

  /** Last 4 characters of the access key, shown as a hint (the key itself is encrypted). */
  @Column({ name: 'access_key_hint', type: 'text', nullable: true })
  accessKeyHint!: string | null;

  @Column({ name: 'access_key_enc', type: 'text', nullable: true, select: false })
  accessKeyEnc!: string | null;

  @Column({ name: 'secret_key_enc', type: 'text', nullable: true, select: false })
  secretKeyEnc!: string | null;

  @Column({ name: 'private_key_enc', type: 'text', nullable: true, select: false })
  privateKeyEnc!: string | null;

  @Column({ name: 'passphrase_enc', type: 'text', nullable: true, select: false })
  passphraseEnc!: string | null;

  /** Kept beside the ciphertexts so reads never have to select them. */
  @Column({ name: 'has_secret', type: 'boolean', default: false })
  hasSecret!: boolean;

  @Column({ name: 'has_private_key', type: 'boolean', default: false })
  hasPrivateKey!: boolean;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ name: 'total_size_bytes', type: 'bigint', default: 0, transformer: bigintAsNumber })
  totalSizeBytes!: number;

  @Column({ name: 'object_count', type: 'bigint', default: 0, transformer: bigintAsNumber })
  objectCount!: number;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  /** Result of the periodic light probe (and of backups failing on storage errors). */
  @Column({ type: 'text', default: 'unknown' })
  health!: StorageHealth;

  @Column({ name: 'health_checked_at', type: 'timestamptz', nullable: true })
  healthCheckedAt!: Date | null;

  @Column({ name: 'health_error_code', type: 'text', nullable: true })
  healthErrorCode!: string | null;

  @Column({ name: 'health_message', type: 'text', nullable: true })
  healthMessage!: string | null;

  @Column({ name: 'last_healthy_at', type: 'timestamptz', nullable: true })
  lastHealthyAt!: Date | null;

  /** Consecutive failed probes: 1 → degraded, 2 or more → unhealthy. */
  @Column({ name: 'health_failures', type: 'integer', default: 0 })
  healthFailures!: number;

  /** When the probe scheduler next probes this config (spread over the interval). */
  @Column({ name: 'next_probe_at', type: 'timestamptz', nullable: true })
  nextProbeAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const SECRET_COLUMNS = ['accessKeyEnc', 'secretKeyEnc', 'privateKeyEnc', 'passphraseEnc'] as const;
