import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { DomainError } from '../errors/domain-error.js';
import { notAUuid, UUID_PATTERN } from '../http/parse-id.pipe.js';
import { ACCESS_KEY, type AccessDeclaration } from './access-declaration.js';
import { BearerAuthenticator, OrganizationAccessLookup, type Principal } from './auth-ports.js';
import { setAuth, type AuthContext } from './auth-context.js';
import { IS_PUBLIC } from './public.decorator.js';
import { ResourceOrgResolvers } from './resource-org-resolvers.js';

const orgNotFound = () => new DomainError('not_found', 'Organization not found.');
const resourceNotFound = () => new DomainError('not_found', 'Not found.');

/**
 * The global guard (APP_GUARD, registered by the app module, which also provides the two ports). Default deny: a route passes only if it is @Public() or declares
 * @Authenticated(), @PlatformAdmin() or @RequirePermission(); the declaration is checked against a
 * verified token and, for permissions, the caller's membership in the addressed organization.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: BearerAuthenticator,
    private readonly memberships: OrganizationAccessLookup,
    private readonly resolvers: ResourceOrgResolvers,
    private readonly requestLog: PinoLogger,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_KEY, targets);
    if (!declaration) {
      this.logger.error(`${req.method} ${req.routeOptions.url} declares no access rule; denied.`);
      throw new DomainError('forbidden', 'This endpoint declares no access rule and is closed.');
    }

    if (declaration.kind !== 'permission') {
      const principal = await this.tokens.authenticate(req);
      if (declaration.kind === 'platform_admin' && !principal.isPlatformAdmin) {
        throw new DomainError('forbidden', 'Requires a platform administrator.');
      }
      return this.admit(req, authContext(req, principal));
    }

    // The signature first (no database): a forged or expired token is refused before anything is read.
    const token = await this.tokens.verify(req);
    let addressed: { organizationId: string; fromResource: boolean };
    try {
      addressed = await this.resolveOrganization(req);
    } catch (err) {
      // A revoked token, or one of a disabled user, is a 401 whatever else is wrong with the request.
      await this.tokens.authenticate(req);
      throw err;
    }
    const { organizationId, fromResource } = addressed;
    // The token's user, its revocation and the membership in one statement, read on every request.
    const { access, ...holder } = await this.memberships.findCallerAccess(organizationId, token);
    const auth = authContext(req, this.tokens.principal(token, holder));
    // Not a member looks exactly like a missing organization or resource.
    if (!access) throw fromResource ? resourceNotFound() : orgNotFound();
    if (!access.permissions.includes(declaration.permission)) {
      throw new DomainError('permission_denied', `Missing permission ${declaration.permission}.`, {
        permission: declaration.permission,
      });
    }
    Object.assign(auth, { organizationId, role: access.role, permissions: access.permissions });
    return this.admit(req, auth);
  }

  private admit(req: FastifyRequest, auth: AuthContext): true {
    setAuth(req, auth);
    this.addToRequestLog(auth);
    return true;
  }

  /** Log lines written while serving this request carry who and which organization. */
  private addToRequestLog(auth: AuthContext): void {
    try {
      this.requestLog.assign({ user_id: auth.userId, organization_id: auth.organizationId });
    } catch {
      // Outside an HTTP logging context (e.g. a guard unit test): nothing to enrich.
    }
  }

  /**
   * The organization a request addresses: from resources addressed by id (registered resolvers;
   * the database decides, never the client), the {org_id} path parameter, or else the
   * organization_id query parameter. Disagreeing sources mean "not found".
   */
  private async resolveOrganization(
    req: FastifyRequest,
  ): Promise<{ organizationId: string; fromResource: boolean }> {
    const params = (req.params ?? {}) as Record<string, string>;
    const found = new Set<string>();
    let fromResource = false;
    for (const [name, value] of Object.entries(params)) {
      const resolver = this.resolvers.get(name);
      if (!resolver) continue;
      fromResource = true;
      if (!UUID_PATTERN.test(value)) throw notAUuid(name);
      const orgId = await resolver(value.toLowerCase());
      if (!orgId) throw resourceNotFound();
      found.add(orgId);
    }
    const pathOrg = organizationIdFromPath(req);
    if (pathOrg !== undefined) {
      if (!UUID_PATTERN.test(pathOrg)) throw notAUuid('org_id');
      found.add(pathOrg.toLowerCase());
    }
    const queryOrg = (req.query as Record<string, unknown> | undefined)?.organization_id;
    if (found.size === 0) {
      // A repeated organization_id is as ambiguous as disagreeing sources.
      if (Array.isArray(queryOrg)) throw orgNotFound();
      if (typeof queryOrg !== 'string' || queryOrg === '') {
        throw new DomainError('validation_failed', 'The organization_id query parameter is required.', {
          errors: [{ field: 'organization_id', messages: ['organization_id is required'] }],
        });
      }
      if (!UUID_PATTERN.test(queryOrg)) throw notAUuid('organization_id');
      return { organizationId: queryOrg.toLowerCase(), fromResource };
    }
    if (queryOrg !== undefined && (typeof queryOrg !== 'string' || !found.has(queryOrg.toLowerCase()))) {
      throw fromResource ? resourceNotFound() : orgNotFound();
    }
    if (found.size > 1) throw fromResource ? resourceNotFound() : orgNotFound();
    return { organizationId: [...found][0]!, fromResource };
  }
}

function authContext(req: FastifyRequest, principal: Principal): AuthContext {
  return {
    userId: principal.id,
    email: principal.email,
    isPlatformAdmin: principal.isPlatformAdmin,
    permissions: [],
    requestId: req.id,
    tokenId: principal.tokenId,
    tokenExpiresAt: principal.tokenExpiresAt,
  };
}

function organizationIdFromPath(req: FastifyRequest): string | undefined {
  return ((req.params ?? {}) as Record<string, string>).org_id;
}
