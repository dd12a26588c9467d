import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '../../modules/identity/identity.module.js';
import { OrganizationsModule } from '../../modules/organizations/organizations.module.js';
import { AccessGuard } from './access.guard.js';
import { ResourceOrgResolvers } from './resource-org-resolvers.js';

/**
 * Registers AccessGuard for every route and provides ResourceOrgResolvers to every module
 * (global), so feature modules can register how to find the organization of their resources.
 */
@Global()
@Module({
  imports: [IdentityModule, OrganizationsModule],
  providers: [ResourceOrgResolvers, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [ResourceOrgResolvers],
})
export class AuthModule {}
