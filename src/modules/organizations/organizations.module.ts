import { OrganizationAccessLookup } from '../../common/auth/auth-ports.js';
import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { MeController } from './me.controller.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { MembershipsRepository } from './memberships.repository.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationsService } from './organizations.service.js';
import { RolesController } from './roles.controller.js';
import { RolesRepository } from './roles.repository.js';
import { RolesService } from './roles.service.js';

@Module({
  imports: [IdentityModule, AuditModule],
  controllers: [OrganizationsController, MembersController, RolesController, MeController],
  providers: [
    Transactions,
    OrganizationsRepository,
    MembershipsRepository,
    RolesRepository,
    OrganizationsService,
    MembersService,
    RolesService,
    { provide: OrganizationAccessLookup, useExisting: MembershipsRepository },
  ],
  exports: [MembershipsRepository, OrganizationAccessLookup],
})
export class OrganizationsModule {}
