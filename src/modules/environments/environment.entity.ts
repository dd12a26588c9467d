import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import { StorageConfig } from '../storage-configs/storage-config.entity.js';

export const DUMP_FORMATS = ['plain', 'custom'] as const;
export type DumpFormat = (typeof DUMP_FORMATS)[number];
export const COMPRESSIONS = ['gzip', 'zstd'] as const;
export type Compression = (typeof COMPRESSIONS)[number];
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/**
 * What gets backed up: a PostgreSQL database reachable from the workers and, optionally, a
 * filestore directory on the workers' disk. The password is AES-256-GCM bound to the row id.
 * (organization_id, id) is unique so backups can reference both and never cross organizations.
 */
@Entity({ name: 'environments' })
@Unique('UQ_environments_org_id', ['organizationId', 'id'])
@Unique('UQ_environments_org_name', ['organizationId', 'name'])
export class Environment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_environments' })
  id!: string;

  @ForeignKey(() => Organization, { name: 'FK_environments_organization', onDelete: 'RESTRICT' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'db_host', type: 'text' })
  dbHost!: string;

  @Column({ name: 'db_port', type: 'integer' })
  dbPort!: number;

  @Column({ name: 'db_name', type: 'text' })
  dbName!: string;

  @Column({ name: 'db_username', type: 'text' })
  dbUsername!: string;

  @Column({ name: 'db_password_enc', type: 'text', nullable: true, select: false })
  dbPasswordEnc!: string | null;

  @Column({ name: 'has_password', type: 'boolean', default: false })
  hasPassword!: boolean;

  @Column({ name: 'db_sslmode', type: 'text', default: 'prefer' })
  dbSslmode!: SslMode;

  @Column({ name: 'dump_format', type: 'text', default: 'plain' })
  dumpFormat!: DumpFormat;

  @Column({ type: 'text', default: 'gzip' })
  compression!: Compression;

  @Column({ name: 'filestore_path', type: 'text', nullable: true })
  filestorePath!: string | null;

  /** Created by a platform administrator: the organization may not change its source. */
  @Column({ type: 'boolean', default: false })
  managed!: boolean;

  @Index('IDX_environments_storage_config')
  @ForeignKey(() => StorageConfig, { name: 'FK_environments_storage_config', onDelete: 'SET NULL' })
  @Column({ name: 'storage_config_id', type: 'uuid', nullable: true })
  storageConfigId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
