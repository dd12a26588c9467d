import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed login, by client address and account (normalized email). Counted per (address,
 * account) for the growing delays and per address for the spray limit, over LOGIN_WINDOW_SECONDS;
 * in the database, so the limits hold across processes. The account owner's other addresses are
 * never slowed down by someone else's failures.
 */
@Entity({ name: 'login_failures' })
@Index('IDX_login_failures_address_email_created_at', ['clientAddress', 'email', 'createdAt'])
@Index('IDX_login_failures_address_created_at', ['clientAddress', 'createdAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'client_address', type: 'text' })
  clientAddress!: string;

  @Column({ type: 'text' })
  email!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
