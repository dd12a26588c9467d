/**
 * The one permission catalogue (`org.<resource>.<action>`) and the built-in role → permissions
 * table. Routes name a permission with @RequirePermission; custom roles hold any subset.
 */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'org.delete',
  'org.member.list',
  'org.member.manage',
  'org.owner.manage',
  'org.role.list',
  'org.role.manage',
  'org.audit.list',
  'org.storage.create',
  'org.storage.list',
  'org.storage.update',
  'org.storage.delete',
  'org.environment.create',
  'org.environment.list',
  'org.environment.update',
  'org.environment.delete',
  'org.backup.create',
  'org.backup.list',
  'org.backup.delete',
  'org.backup.download',
  'org.backup.restore',
  'org.policy.list',
  'org.policy.manage',
  'org.schedule.list',
  'org.schedule.manage',
  'org.notification.list',
  'org.notification.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const BUILT_IN_ROLES = ['owner', 'admin', 'operator', 'viewer'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

const LIST_ONLY = PERMISSIONS.filter((p) => p === 'org.read' || p.endsWith('.list'));

export const ROLE_PERMISSIONS: Readonly<Record<BuiltInRole, readonly Permission[]>> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS.filter((p) => p !== 'org.delete' && p !== 'org.owner.manage'),
  operator: [...LIST_ONLY, 'org.backup.create', 'org.backup.download', 'org.backup.restore'],
  viewer: LIST_ONLY,
};

export const ROLE_DESCRIPTIONS: Readonly<Record<BuiltInRole, string>> = {
  owner: 'Everything, including deleting the organization and managing owners.',
  admin: 'Everything except deleting the organization and managing owners.',
  operator: 'Run, restore and download backups; list everything.',
  viewer: 'List only.',
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function isBuiltInRole(value: string): value is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(value);
}

/** Catalogue order, duplicates removed. */
export function sortPermissions(permissions: Iterable<Permission>): Permission[] {
  const set = new Set(permissions);
  return PERMISSIONS.filter((p) => set.has(p));
}
