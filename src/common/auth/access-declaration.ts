import type { Permission } from './permissions.js';

export const ACCESS_KEY = 'offsite:access';

/** What a route declares about who may call it; read by AccessGuard and by the route inventory. */
export type AccessDeclaration =
  { kind: 'authenticated' } | { kind: 'platform_admin' } | { kind: 'permission'; permission: Permission };
