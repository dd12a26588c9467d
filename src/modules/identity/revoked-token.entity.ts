import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An access token signed out before its expiry (by its jti); pruned once it would have expired. */
@Entity({ name: 'revoked_tokens' })
@Index('IDX_revoked_tokens_expires_at', ['expiresAt'])
export class RevokedToken {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_revoked_tokens' })
  jti!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
