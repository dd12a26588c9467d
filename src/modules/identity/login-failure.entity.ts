import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed login; counted per email over LOGIN_WINDOW_SECONDS, so the limit holds across processes. */
@Entity({ name: 'login_failures' })
@Index('IDX_login_failures_email_created_at', ['email', 'createdAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
