import { Reflector } from '@nestjs/core';
import type { PinoLogger } from 'nestjs-pino';
import type { ExecutionContext } from '@nestjs/common';
import type {
  BearerAuthenticator,
  OrganizationAccess,
  OrganizationAccessLookup,
  Principal,
  TokenHolder,
  VerifiedToken,
} from './auth-ports.js';
import { DomainError } from '../errors/domain-error.js';
import { ACCESS_KEY, type AccessDeclaration } from './access-declaration.js';
import { AccessGuard } from './access.guard.js';
import { getAuth } from './auth-context.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import { IS_PUBLIC } from './public.decorator.js';
import { ResourceOrgResolvers } from './resource-org-resolvers.js';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';
const CONFIG_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const USER = '33333333-3333-4333-8333-333333333333';

function handlerWith(metadata: Record<string, unknown>): () => void {
  const handler = () => undefined;
  for (const [k, v] of Object.entries(metadata)) Reflect.defineMetadata(k, v, handler);
  return handler;
}

function context(handler: () => void, req: Record<string, unknown>): ExecutionContext {
  class Controller {}
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => Controller,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

function setup(memberOf: Record<string, OrganizationAccess> = {}, revoked = false) {
  const principal: Principal = {
    id: USER,
    email: 'u@example.test',
    isPlatformAdmin: false,
    tokenId: '00000000-0000-4000-8000-00000000000a',
    tokenExpiresAt: new Date(Date.now() + 3600_000),
  };
  const token: VerifiedToken = {
    userId: USER,
    tokenId: principal.tokenId,
    expiresAt: principal.tokenExpiresAt,
    issuedAtMs: Date.now(),
  };
  const holder: TokenHolder = {
    user: { id: USER, email: principal.email, isPlatformAdmin: false, tokensValidAfter: null },
    revoked,
  };
  const refuse = () => {
    throw new DomainError('unauthorized', 'Missing, expired or invalid bearer token.');
  };
  const tokens: BearerAuthenticator = {
    verify: () => Promise.resolve(token),
    authenticate: async () => (revoked ? refuse() : principal),
    principal: (_token, h) => (h.revoked ? refuse() : principal),
  };
  const memberships: OrganizationAccessLookup = {
    findCallerAccess: async (orgId: string) => ({ ...holder, access: memberOf[orgId] ?? null }),
  };
  const resolvers = new ResourceOrgResolvers();
  resolvers.register('config_id', async (id) => (id === CONFIG_A ? ORG_A : null));
  return {
    guard: new AccessGuard(new Reflector(), tokens, memberships, resolvers, {
      assign: () => undefined,
    } as unknown as PinoLogger),
    principal,
  };
}

const viewer: OrganizationAccess = { role: 'viewer', permissions: [...ROLE_PERMISSIONS.viewer] };
const permission = (p: string) =>
  handlerWith({ [ACCESS_KEY]: { kind: 'permission', permission: p } as AccessDeclaration });

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('AccessGuard', () => {
  it('denies a route that declares nothing, and lets @Public() routes through without a token', async () => {
    const { guard } = setup();
    const err = await rejection(guard.canActivate(context(handlerWith({}), { routeOptions: { url: '/x' } })));
    expect(err.status).toBe(403);
    await expect(guard.canActivate(context(handlerWith({ [IS_PUBLIC]: true }), {}))).resolves.toBe(true);
  });

  it('resolves the organization from a registered resource, never from the client', async () => {
    const { guard } = setup({ [ORG_A]: viewer });
    const req: Record<string, unknown> = { params: { config_id: CONFIG_A }, query: {} };
    await guard.canActivate(context(permission('org.storage.list'), req));
    expect(getAuth(req as never)).toMatchObject({ organizationId: ORG_A, role: 'viewer', userId: USER });

    // The client claiming another organization for the resource gets a 404.
    const claimed = { params: { config_id: CONFIG_A }, query: { organization_id: ORG_B } };
    expect(
      (await rejection(guard.canActivate(context(permission('org.storage.list'), claimed)))).status,
    ).toBe(404);
    // A missing resource is a 404 too; a malformed id is a 400 naming the parameter.
    const missing = { params: { config_id: ORG_B }, query: {} };
    expect(
      (await rejection(guard.canActivate(context(permission('org.storage.list'), missing)))).status,
    ).toBe(404);
    const malformed = { params: { config_id: '1 OR 1=1' }, query: {} };
    const refused = await rejection(guard.canActivate(context(permission('org.storage.list'), malformed)));
    expect(refused.status).toBe(400);
    expect(refused.extras.errors).toEqual([{ field: 'config_id', messages: ['config_id must be a UUID'] }]);
  });

  it('uses organization_id from the query when nothing in the path names one; requires it', async () => {
    const { guard } = setup({ [ORG_A]: viewer });
    const req: Record<string, unknown> = { params: {}, query: { organization_id: ORG_A } };
    await guard.canActivate(context(permission('org.storage.list'), req));
    expect(getAuth(req as never)?.organizationId).toBe(ORG_A);
    const none = await rejection(
      guard.canActivate(context(permission('org.storage.list'), { params: {}, query: {} })),
    );
    expect(none.status).toBe(400);
  });

  it('non-member → 404, member without the permission → 403 naming it', async () => {
    const { guard } = setup({ [ORG_A]: viewer });
    const other = await rejection(
      guard.canActivate(context(permission('org.storage.list'), { params: { org_id: ORG_B }, query: {} })),
    );
    expect(other.status).toBe(404);
    const denied = await rejection(
      guard.canActivate(context(permission('org.storage.create'), { params: { org_id: ORG_A }, query: {} })),
    );
    expect(denied.status).toBe(403);
    expect(denied.detail).toBe('Missing permission org.storage.create.');
  });

  it('@PlatformAdmin() needs a platform admin', async () => {
    const { guard } = setup();
    const err = await rejection(
      guard.canActivate(
        context(handlerWith({ [ACCESS_KEY]: { kind: 'platform_admin' } }), { params: {}, query: {} }),
      ),
    );
    expect(err.status).toBe(403);
  });

  it('a revoked token is a 401 before anything else: membership, a missing or malformed organization', async () => {
    const { guard } = setup({ [ORG_A]: viewer }, true);
    for (const req of [
      { params: { org_id: ORG_A }, query: {} },
      { params: { org_id: ORG_B }, query: {} },
      { params: {}, query: {} },
      { params: { config_id: 'not-a-uuid' }, query: {} },
      { params: { config_id: ORG_B }, query: {} },
    ]) {
      expect((await rejection(guard.canActivate(context(permission('org.storage.list'), req)))).status).toBe(
        401,
      );
    }
  });
});
