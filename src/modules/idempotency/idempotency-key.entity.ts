import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';

/**
 * The first answer to a POST that starts work, kept for 24 h per (organization, Idempotency-Key)
 * so a retried request gets the same answer instead of starting a second backup or restore.
 * `status` is null while the first request is still being served.
 */
@Entity({ name: 'idempotency_keys' })
@Index('IDX_idempotency_keys_expires_at', ['expiresAt'])
export class IdempotencyKey {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_idempotency_keys' })
  @ForeignKey(() => Organization, { name: 'FK_idempotency_keys_organization', onDelete: 'CASCADE' })
  organizationId!: string;

  @PrimaryColumn({ name: 'key', type: 'text', primaryKeyConstraintName: 'PK_idempotency_keys' })
  key!: string;

  /** sha256 of method, route, path parameters and body: the same key with another request is a 409. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'status', type: 'integer', nullable: true })
  status!: number | null;

  @Column({ name: 'response', type: 'jsonb', nullable: true })
  response!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
