import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { BuiltInRole } from '../../common/auth/permissions.js';
import { User } from '../identity/user.entity.js';
import { Organization } from './organization.entity.js';
import { Role } from './role.entity.js';

/** A user's role in an organization: a built-in role name or a custom role of the same organization. */
@Entity({ name: 'memberships' })
@Index('IDX_memberships_user_id', ['userId'])
@Check('CHK_memberships_one_role', `("role" IS NULL) <> ("custom_role_id" IS NULL)`)
export class Membership {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', nullable: true })
  role!: BuiltInRole | null;

  @Column({ name: 'custom_role_id', type: 'uuid', nullable: true })
  customRoleId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_memberships_organization' })
  organization?: Organization;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_memberships_user' })
  user?: User;

  // Composite key: a membership can only point at a custom role of its own organization.
  @ManyToOne(() => Role, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'organization_id',
      referencedColumnName: 'organizationId',
      foreignKeyConstraintName: 'FK_memberships_custom_role',
    },
    {
      name: 'custom_role_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'FK_memberships_custom_role',
    },
  ])
  customRole?: Role;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
