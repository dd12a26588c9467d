import { Injectable, Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthContext, OrgAuthContext } from '../../common/auth/auth-context.js';
import { Transactions } from '../../common/database/transactions.js';
import { isUniqueViolation } from '../../common/database/unique-violation.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { UsersRepository } from '../identity/users.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { changes } from '../audit/redact.js';
import type { CreateOrganizationDto } from './dto/create-organization.dto.js';
import type {
  MeResponse,
  MyOrganizationResponse,
  OrganizationResponse,
} from './dto/organization-responses.dto.js';
import type { UpdateOrganizationDto } from './dto/update-organization.dto.js';
import { MembershipsRepository } from './memberships.repository.js';
import { toMyOrganizationResponse, toOrganizationResponse } from './organizations.mapper.js';
import { OrganizationsRepository } from './organizations.repository.js';

function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'org';
}

const slugTaken = () => new DomainError('conflict', 'An organization with this slug already exists.');

@Injectable()
export class OrganizationsService {
  private readonly logger = new Logger('OrganizationsService');

  constructor(
    private readonly tx: Transactions,
    private readonly organizations: OrganizationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** The creator becomes its owner. */
  async create(auth: AuthContext, dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.tx.run(async () => {
      const id = randomUUID();
      let slug = dto.slug ?? slugify(dto.name);
      let inserted = await this.organizations.insert({ id, name: dto.name, slug });
      if (!inserted && dto.slug) throw slugTaken();
      for (let i = 0; !inserted && i < 5; i++) {
        slug = `${slugify(dto.name)}-${randomBytes(3).toString('hex')}`;
        inserted = await this.organizations.insert({ id, name: dto.name, slug });
      }
      if (!inserted) throw slugTaken();
      await this.memberships.add(id, auth.userId, { builtIn: 'owner' });
      await this.audit.record(auth, {
        organizationId: id,
        action: 'organization.create',
        targetType: 'organization',
        targetId: id,
        diff: changes(null, { name: dto.name, slug }, ['name', 'slug']),
      });
      this.logger.log({ created_organization_id: id }, 'Organization created');
      return toOrganizationResponse((await this.organizations.findById(id))!);
    });
  }

  async listMine(auth: AuthContext): Promise<MyOrganizationResponse[]> {
    return (await this.memberships.listForUser(auth.userId)).map(toMyOrganizationResponse);
  }

  async me(auth: AuthContext): Promise<MeResponse> {
    const user = await this.users.findById(auth.userId);
    if (!user) throw new DomainError('unauthorized', 'Missing, expired or invalid bearer token.');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      is_platform_admin: auth.isPlatformAdmin,
      organizations: await this.listMine(auth),
    };
  }

  async get(auth: OrgAuthContext): Promise<OrganizationResponse> {
    const org = await this.organizations.findById(auth.organizationId);
    if (!org) throw notFound('Organization');
    return toOrganizationResponse(org);
  }

  async update(auth: OrgAuthContext, dto: UpdateOrganizationDto): Promise<OrganizationResponse> {
    return this.tx.run(async () => {
      const before = await this.organizations.findById(auth.organizationId);
      if (!before) throw notFound('Organization');
      const diff = changes(before, { ...before, ...dto }, ['name', 'slug']);
      if (Object.keys(diff).length) {
        try {
          await this.organizations.update(auth.organizationId, dto);
        } catch (err) {
          if (isUniqueViolation(err)) throw slugTaken();
          throw err;
        }
        await this.audit.record(auth, {
          action: 'organization.update',
          targetType: 'organization',
          targetId: auth.organizationId,
          diff,
        });
      }
      return toOrganizationResponse((await this.organizations.findById(auth.organizationId))!);
    });
  }

  /** Soft delete: the organization disappears for everyone; its rows and audit log stay. */
  async remove(auth: OrgAuthContext): Promise<void> {
    await this.tx.run(async () => {
      await this.organizations.softDelete(auth.organizationId);
      await this.audit.record(auth, {
        action: 'organization.delete',
        targetType: 'organization',
        targetId: auth.organizationId,
      });
    });
  }
}
