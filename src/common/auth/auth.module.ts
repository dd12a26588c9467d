import { Global, Module } from '@nestjs/common';
import { ResourceOrgResolvers } from './resource-org-resolvers.js';

/**
 * Provides ResourceOrgResolvers to every module (global), so feature modules can register how to
 * find the organization of their resources. The guard itself (AccessGuard) is registered by the app
 * module, next to the identity and organizations modules that implement its ports.
 */
@Global()
@Module({
  providers: [ResourceOrgResolvers],
  exports: [ResourceOrgResolvers],
})
export class AuthModule {}
