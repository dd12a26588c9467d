import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ACCESS_KEY, type AccessDeclaration } from './access-declaration.js';
import type { Permission } from './permissions.js';

// @nestjs/swagger's ApiOperation metadata key ('swagger' prefix); merged, so order with @ApiOperation does not matter.
const API_OPERATION = 'swagger/apiOperation';

/** Appends the access rule to the operation description, whichever decorator runs first. */
function describeAccess(text: string): MethodDecorator {
  return (_target, _key, descriptor) => {
    const prev = (Reflect.getMetadata(API_OPERATION, descriptor.value as object) ?? {}) as {
      description?: string;
    };
    const description = prev.description ? `${prev.description}\n\n${text}` : text;
    Reflect.defineMetadata(API_OPERATION, { ...prev, description }, descriptor.value as object);
    return descriptor;
  };
}

/*
 * These decorators declare no responses: @nestjs/swagger adds its default success response only
 * to operations without any, so 401/403/404 declared here used to hide the 2xx of every operation
 * that did not declare one itself. The error responses (problem+json) are derived from
 * `x-permission` when the document is built (src/common/openapi/document-rules.ts).
 */

/**
 * The caller needs `permission` in the organization the request addresses: the `{org_id}` path
 * parameter, a resource id in the path with a registered resolver (ResourceOrgResolvers), or the
 * `organization_id` query parameter. Non-members get 404, members without the permission 403.
 */
export function RequirePermission(permission: Permission) {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'permission', permission } satisfies AccessDeclaration),
    ApiBearerAuth('bearer'),
    ApiExtension('x-permission', permission),
    describeAccess(`Requires permission \`${permission}\` in the organization.`),
  );
}

/** Any logged-in user (e.g. /auth/me, creating an organization). */
export function Authenticated() {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessDeclaration),
    ApiBearerAuth('bearer'),
    ApiExtension('x-permission', 'authenticated'),
    describeAccess('Requires a logged-in user.'),
  );
}

/** Platform administrators only (PLATFORM_ADMIN_EMAILS or `admin:grant`). */
export function PlatformAdmin() {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'platform_admin' } satisfies AccessDeclaration),
    ApiBearerAuth('bearer'),
    ApiExtension('x-permission', 'platform_admin'),
    describeAccess('Requires a platform administrator.'),
  );
}
