import { BUILT_IN_ROLES, PERMISSIONS, ROLE_PERMISSIONS } from './permissions.js';

describe('permission catalogue and role table', () => {
  it('has the permissions later modules rely on, all org.<resource>.<action> and unique', () => {
    for (const p of [
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
      'org.policy.manage',
      'org.member.manage',
      'org.audit.list',
      'org.manage',
    ]) {
      expect(PERMISSIONS).toContain(p);
    }
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const p of PERMISSIONS) expect(p).toMatch(/^org(\.[a-z_]+){1,2}$/);
  });

  it('owner: everything; admin: all but deleting the org and managing owners', () => {
    expect([...ROLE_PERMISSIONS.owner]).toEqual([...PERMISSIONS]);
    expect(PERMISSIONS.filter((p) => !ROLE_PERMISSIONS.admin.includes(p))).toEqual([
      'org.delete',
      'org.owner.manage',
    ]);
  });

  it('operator: run, restore, download backups and list everything; viewer: list only', () => {
    const lists = PERMISSIONS.filter((p) => p.endsWith('.list') || p === 'org.read');
    expect([...ROLE_PERMISSIONS.viewer].sort()).toEqual([...lists].sort());
    expect([...ROLE_PERMISSIONS.operator].sort()).toEqual(
      [...lists, 'org.backup.create', 'org.backup.download', 'org.backup.restore'].sort(),
    );
    for (const role of BUILT_IN_ROLES) {
      expect(ROLE_PERMISSIONS[role].every((p) => ROLE_PERMISSIONS.owner.includes(p))).toBe(true);
    }
  });
});
