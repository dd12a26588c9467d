import { ROLE_PERMISSIONS } from '../../src/common/auth/permissions.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  addMember,
  createCustomRole,
  createOrg,
  createOrgWithRole,
  registerAndLogin,
  type TestUser,
} from '../support/identity.js';

describe('organizations, members, roles, audit log (HTTP, real PostgreSQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('full flow: register → login → create org → invite each role → each sees what the role table allows', async () => {
    const owner = await registerAndLogin(t);
    const created = await t.request('POST', '/organizations', {
      token: owner.token,
      body: { name: 'Acme Backups' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Acme Backups',
      slug: 'acme-backups',
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const org = created.body;

    const members: Record<string, TestUser> = { owner };
    for (const role of ['admin', 'operator', 'viewer']) {
      members[role] = await registerAndLogin(t);
      await addMember(t, org, owner, members[role], role);
    }
    const list = await t.request('GET', `/organizations/${org.id}/members`, { token: members.viewer.token });
    expect(list.status).toBe(200);
    expect(
      Object.fromEntries(list.body.items.map((m: { email: string; role: string }) => [m.email, m.role])),
    ).toEqual(Object.fromEntries(Object.entries(members).map(([role, u]) => [u.email, role])));
    expect(list.text).not.toMatch(/password|hash/);

    for (const [role, user] of Object.entries(members)) {
      const mine = await t.request('GET', '/organizations', { token: user.token });
      expect(mine.body).toEqual([{ id: org.id, name: expect.any(String), slug: 'acme-backups', role }]);
      const rename = await t.request('PATCH', `/organizations/${org.id}`, {
        token: user.token,
        body: { name: `Renamed by ${role}` },
      });
      const mayManage = (ROLE_PERMISSIONS[role as 'owner'] as readonly string[]).includes('org.manage');
      expect({ role, status: rename.status }).toEqual({ role, status: mayManage ? 200 : 403 });
      if (!mayManage) expect(rename.body.detail).toBe('Missing permission org.manage.');
    }

    const roles = await t.request('GET', `/organizations/${org.id}/roles`, { token: members.viewer.token });
    expect(roles.body.map((r: { name: string }) => r.name)).toEqual(['owner', 'admin', 'operator', 'viewer']);
    expect(roles.body.find((r: { name: string }) => r.name === 'viewer').permissions).toEqual([
      ...ROLE_PERMISSIONS.viewer,
    ]);

    // Only the owner may delete the organization; afterwards it is gone for everyone.
    expect(
      (await t.request('DELETE', `/organizations/${org.id}`, { token: members.admin.token })).status,
    ).toBe(403);
    expect((await t.request('DELETE', `/organizations/${org.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.request('GET', `/organizations/${org.id}`, { token: owner.token })).status).toBe(404);
    expect((await t.request('GET', '/organizations', { token: members.viewer.token })).body).toEqual([]);
  });

  it('slugs: derived and de-duplicated, an explicit duplicate is a 409, malformed is a 400', async () => {
    const u = await registerAndLogin(t);
    const a = await createOrg(t, u, { name: 'Same Name' });
    const b = await createOrg(t, u, { name: 'Same Name' });
    expect(a.slug).toBe('same-name');
    expect(b.slug).toMatch(/^same-name-[0-9a-f]{6}$/);
    const dup = await t.request('POST', '/organizations', {
      token: u.token,
      body: { name: 'X', slug: 'same-name' },
    });
    expect(dup.status).toBe(409);
    const bad = await t.request('POST', '/organizations', {
      token: u.token,
      body: { name: 'X', slug: 'Not A Slug' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['slug']);
    const patchDup = await t.request('PATCH', `/organizations/${b.id}`, {
      token: u.token,
      body: { slug: 'same-name' },
    });
    expect(patchDup.status).toBe(409);
  });

  it('bad input on organization endpoints: 400 per field, malformed JSON 400, big body 413, ids that are not UUIDs 400', async () => {
    const { org, owner } = await createOrgWithRole(t, 'owner');
    const unknown = await t.request('PATCH', `/organizations/${org.id}`, {
      token: owner.token,
      body: { owner_id: 'x' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'owner_id', messages: [expect.stringContaining('should not exist')] },
    ]);
    const malformed = await t.request('POST', `/organizations/${org.id}/members`, {
      token: owner.token,
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    const big = await t.request('POST', `/organizations/${org.id}/roles`, {
      token: owner.token,
      body: { name: 'big', permissions: [], description: 'x'.repeat(5000) },
    });
    expect(big.status).toBe(413);
    const notUuid = await t.request('GET', '/organizations/not-a-uuid', { token: owner.token });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors).toEqual([{ field: 'org_id', messages: ['org_id must be a UUID'] }]);
    const badMember = await t.request('DELETE', `/organizations/${org.id}/members/42`, {
      token: owner.token,
    });
    expect(badMember.status).toBe(400);
    expect(badMember.body.errors).toEqual([{ field: 'user_id', messages: ['user_id must be a UUID'] }]);
  });

  it('members: unknown user 404, duplicate 409, unknown role 400', async () => {
    const { org, owner } = await createOrgWithRole(t, 'owner');
    const other = await registerAndLogin(t);
    const nobody = await t.request('POST', `/organizations/${org.id}/members`, {
      token: owner.token,
      body: { email: 'nobody@example.test', role: 'viewer' },
    });
    expect(nobody.status).toBe(404);
    await addMember(t, org, owner, other, 'viewer');
    const again = await t.request('POST', `/organizations/${org.id}/members`, {
      token: owner.token,
      body: { email: other.email, role: 'viewer' },
    });
    expect(again.status).toBe(409);
    const badRole = await t.request('PATCH', `/organizations/${org.id}/members/${other.id}`, {
      token: owner.token,
      body: { role: 'superuser' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].field).toBe('role');
  });

  it('the last owner cannot be removed or demoted; with two owners one can go', async () => {
    const { org, owner } = await createOrgWithRole(t, 'owner');
    const demote = await t.request('PATCH', `/organizations/${org.id}/members/${owner.id}`, {
      token: owner.token,
      body: { role: 'admin' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toMatch(/last owner/);
    const remove = await t.request('DELETE', `/organizations/${org.id}/members/${owner.id}`, {
      token: owner.token,
    });
    expect(remove.status).toBe(409);

    const second = await registerAndLogin(t);
    await addMember(t, org, owner, second, 'owner');
    // Both try to leave at once: exactly one succeeds.
    const results = await Promise.all(
      [owner, second].map((u) =>
        t.request('DELETE', `/organizations/${org.id}/members/${u.id}`, { token: u.token }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
  });

  it('admins cannot touch owners, grant owner, or delete the organization', async () => {
    const { org, owner, user: admin } = await createOrgWithRole(t, 'admin');
    const victim = await registerAndLogin(t);
    const grantOwner = await t.request('POST', `/organizations/${org.id}/members`, {
      token: admin.token,
      body: { email: victim.email, role: 'owner' },
    });
    expect(grantOwner.status).toBe(403);
    expect(grantOwner.body.detail).toContain('org.owner.manage');
    const demoteOwner = await t.request('PATCH', `/organizations/${org.id}/members/${owner.id}`, {
      token: admin.token,
      body: { role: 'viewer' },
    });
    expect(demoteOwner.status).toBe(403);
    const removeOwner = await t.request('DELETE', `/organizations/${org.id}/members/${owner.id}`, {
      token: admin.token,
    });
    expect(removeOwner.status).toBe(403);
    // But admins manage everyone else.
    await addMember(t, org, admin, victim, 'operator');
    const promote = await t.request('PATCH', `/organizations/${org.id}/members/${victim.id}`, {
      token: admin.token,
      body: { role: 'admin' },
    });
    expect(promote.status).toBe(200);
    expect(promote.body.role).toBe('admin');
  });

  it('custom roles: create, assign, permissions enforced, no escalation, rename, in-use delete refused', async () => {
    const { org, owner, user: admin } = await createOrgWithRole(t, 'admin');
    const auditor = await createCustomRole(t, org, owner, ['org.audit.list', 'org.read'], 'auditor');
    expect(auditor).toMatchObject({
      name: 'auditor',
      built_in: false,
      permissions: ['org.read', 'org.audit.list'],
    });

    const escalate = await t.request('POST', `/organizations/${org.id}/roles`, {
      token: admin.token,
      body: { name: 'deleter', permissions: ['org.delete'] },
    });
    expect(escalate.status).toBe(403);
    expect(escalate.body.detail).toContain('org.delete');
    const clash = await t.request('POST', `/organizations/${org.id}/roles`, {
      token: owner.token,
      body: { name: 'viewer', permissions: [] },
    });
    expect(clash.status).toBe(409);
    const unknownPerm = await t.request('POST', `/organizations/${org.id}/roles`, {
      token: owner.token,
      body: { name: 'weird', permissions: ['org.everything'] },
    });
    expect(unknownPerm.status).toBe(400);

    const u = await registerAndLogin(t);
    await addMember(t, org, admin, u, 'auditor');
    expect((await t.request('GET', `/organizations/${org.id}/audit-log`, { token: u.token })).status).toBe(
      200,
    );
    const members = await t.request('GET', `/organizations/${org.id}/members`, { token: u.token });
    expect(members.status).toBe(403);
    expect(members.body.detail).toBe('Missing permission org.member.list.');
    const me = await t.request('GET', '/auth/me', { token: u.token });
    expect(me.body.organizations).toEqual([expect.objectContaining({ id: org.id, role: 'auditor' })]);

    // Granting org.member.list to the role takes effect at once.
    const patched = await t.request('PATCH', `/organizations/${org.id}/roles/${auditor.id}`, {
      token: admin.token,
      body: { name: 'auditors', permissions: ['org.read', 'org.audit.list', 'org.member.list'] },
    });
    expect(patched.status).toBe(200);
    const after = await t.request('GET', `/organizations/${org.id}/members`, { token: u.token });
    expect(after.status).toBe(200);
    expect(after.body.items.find((m: { user_id: string }) => m.user_id === u.id).role).toBe('auditors');

    expect(
      (await t.request('DELETE', `/organizations/${org.id}/roles/${auditor.id}`, { token: admin.token }))
        .status,
    ).toBe(409);
    await t.request('PATCH', `/organizations/${org.id}/members/${u.id}`, {
      token: admin.token,
      body: { role: 'viewer' },
    });
    expect(
      (await t.request('DELETE', `/organizations/${org.id}/roles/${auditor.id}`, { token: admin.token }))
        .status,
    ).toBe(204);
    const roles = await t.request('GET', `/organizations/${org.id}/roles`, { token: owner.token });
    expect(roles.body.map((r: { name: string }) => r.name)).toEqual(['owner', 'admin', 'operator', 'viewer']);

    // A custom role of another organization cannot be assigned here.
    const other = await createOrgWithRole(t, 'owner');
    await createCustomRole(t, other.org, other.owner, ['org.read'], 'foreign');
    const foreign = await t.request('PATCH', `/organizations/${org.id}/members/${u.id}`, {
      token: owner.token,
      body: { role: 'foreign' },
    });
    expect(foreign.status).toBe(400);
  });

  it('audit log: every change recorded with actor and request id, newest first, paginated, org-scoped', async () => {
    const { org, owner } = await createOrgWithRole(t, 'owner');
    const member = await registerAndLogin(t);
    await t.request('PATCH', `/organizations/${org.id}`, {
      token: owner.token,
      body: { name: 'Audited' },
      headers: { 'x-request-id': 'audit-req-000001' },
    });
    await addMember(t, org, owner, member, 'viewer');
    await t.request('PATCH', `/organizations/${org.id}/members/${member.id}`, {
      token: owner.token,
      body: { role: 'operator' },
    });
    const role = await createCustomRole(t, org, owner, ['org.read'], 'temp');
    await t.request('DELETE', `/organizations/${org.id}/roles/${role.id}`, { token: owner.token });
    await t.request('DELETE', `/organizations/${org.id}/members/${member.id}`, { token: owner.token });

    const page1 = await t.request('GET', `/organizations/${org.id}/audit-log?limit=4`, {
      token: owner.token,
    });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((e: { action: string }) => e.action)).toEqual([
      'member.remove',
      'role.delete',
      'role.create',
      'member.update',
    ]);
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await t.request(
      'GET',
      `/organizations/${org.id}/audit-log?limit=4&cursor=${page1.body.next_cursor}`,
      {
        token: owner.token,
      },
    );
    expect(page2.body.items.map((e: { action: string }) => e.action)).toEqual([
      'member.add',
      'organization.update',
      'organization.create',
    ]);
    expect(page2.body.next_cursor).toBeNull();
    const update = page2.body.items[1];
    expect(update).toEqual({
      id: expect.any(String),
      action: 'organization.update',
      target_type: 'organization',
      target_id: org.id,
      actor: { user_id: owner.id, email: owner.email },
      diff: { name: { from: org.name, to: 'Audited' } },
      request_id: 'audit-req-000001',
      created_at: expect.any(String),
    });
    expect(page1.body.items[3].diff).toEqual({
      email: member.email,
      role: { from: 'viewer', to: 'operator' },
    });

    const bad = await t.request('GET', `/organizations/${org.id}/audit-log?limit=0&cursor=a.b`, {
      token: owner.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cursor', 'limit']);
    // Well-formed base64url that no page handed out (a uuid where the log numbers its entries).
    const forged = Buffer.from('2026-01-01T00:00:00.000000Z|0b6f3c1e-8a57-4a43-9c1f-2f6e8f9c6a10').toString(
      'base64url',
    );
    const notOurs = await t.request('GET', `/organizations/${org.id}/audit-log?cursor=${forged}`, {
      token: owner.token,
    });
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.errors).toEqual([
      { field: 'cursor', messages: ['cursor is not a next_cursor value'] },
    ]);
    // The old parameter is gone, and says so instead of being ignored.
    const old = await t.request('GET', `/organizations/${org.id}/audit-log?before=12`, {
      token: owner.token,
    });
    expect(old.status).toBe(400);

    // System events (jobs) have no actor; secrets in any diff are redacted before they are stored.
    await t.app.get(AuditService).recordSystem(org.id, {
      action: 'storage_config.update',
      targetType: 'storage_config',
      targetId: 'cfg-1',
      diff: { bucket: { from: 'a', to: 'b' }, secret_key: { from: 'OLD-SECRET', to: 'NEW-SECRET' } },
    });
    const system = await t.request('GET', `/organizations/${org.id}/audit-log?limit=1`, {
      token: owner.token,
    });
    expect(system.body.items[0]).toMatchObject({
      action: 'storage_config.update',
      actor: { user_id: null, email: null },
      diff: { bucket: { from: 'a', to: 'b' }, secret_key: '[redacted]' },
    });
    expect(system.text).not.toContain('SECRET');

    // Another organization's log is empty of these entries.
    const other = await createOrgWithRole(t, 'owner');
    const otherLog = await t.request('GET', `/organizations/${other.org.id}/audit-log`, {
      token: other.owner.token,
    });
    expect(otherLog.body.items.map((e: { action: string }) => e.action)).toEqual(['organization.create']);
  });
});
