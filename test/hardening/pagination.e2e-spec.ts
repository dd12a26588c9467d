import { DataSource } from 'typeorm';
import { apiClient, ok, problem, type OffsiteClient } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  addMember,
  createEnvironment,
  createOrg,
  registerAndLogin,
  type TestOrg,
  type TestUser,
} from '../support/identity.js';

/**
 * One pagination for every list: `limit` + `cursor`, `next_cursor` in the body, newest first with
 * the id as tie-break. Rows are given equal created_at on purpose (same microsecond, and same
 * millisecond with different microseconds): a cursor that kept only milliseconds, or an order
 * without a tie-break, would skip or repeat rows here.
 */
describe('cursor pagination (real PostgreSQL, generated client)', () => {
  let t: TestApp;
  let owner: TestUser;
  let org: TestOrg;
  let api: OffsiteClient;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    owner = await registerAndLogin(t);
    org = await createOrg(t, owner);
    api = apiClient(t, owner.token);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Follows next_cursor to the end; returns the ids in the order served, and the page sizes. */
  async function pageThrough(
    fetchPage: (cursor: string | undefined) => Promise<{ ids: string[]; next: string | null }>,
  ): Promise<{ ids: string[]; sizes: number[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await fetchPage(cursor);
      ids.push(...page.ids);
      sizes.push(page.ids.length);
      if (page.next === null) return { ids, sizes };
      cursor = page.next;
    }
    throw new Error('pagination did not end');
  }

  /** Gives the rows three created_at values: 4 share one microsecond, the rest are later within the same ms. */
  async function collide(table: string, column: string, ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      const at = i < 4 ? '2026-01-02 03:04:05.123456+00' : `2026-01-02 03:04:05.123${500 + i}+00`;
      await db.query(`UPDATE ${table} SET created_at = $1 WHERE ${column} = $2`, [at, id]);
    }
  }

  it('environments: 7 rows by 3 come back once each, newest first, ties by id', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createEnvironment(t, org, owner)).id);
    await collide('environments', 'id', created);

    const { ids, sizes } = await pageThrough(async (cursor) => {
      const page = ok(
        await api.GET('/api/v1/environments', {
          params: { query: { organization_id: org.id, limit: 3, cursor } },
        }),
        200,
      );
      expect(page.limit).toBe(3);
      return { ids: page.items.map((e) => e.id), next: page.next_cursor };
    });
    expect(sizes).toEqual([3, 3, 1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...created].sort());
    // Newest first: the three sub-millisecond rows (later instants) before the four that tie,
    // which come in id order, descending.
    const tied = created.slice(0, 4).sort().reverse();
    expect(ids.slice(3)).toEqual(tied);
  });

  it('members (hand-written SQL): 6 members by 4, once each', async () => {
    const users = [owner];
    for (let i = 0; i < 5; i++) {
      const u = await registerAndLogin(t);
      await addMember(t, org, owner, u, 'viewer');
      users.push(u);
    }
    for (const [i, u] of users.entries()) {
      const at = i < 4 ? '2026-01-02 03:04:05.123456+00' : `2026-01-02 03:04:05.123${500 + i}+00`;
      await db.query('UPDATE memberships SET created_at = $1 WHERE organization_id = $2 AND user_id = $3', [
        at,
        org.id,
        u.id,
      ]);
    }
    const { ids, sizes } = await pageThrough(async (cursor) => {
      const page = ok(
        await api.GET('/api/v1/organizations/{org_id}/members', {
          params: { path: { org_id: org.id }, query: { limit: 4, cursor } },
        }),
        200,
      );
      return { ids: page.items.map((m) => m.user_id), next: page.next_cursor };
    });
    expect(sizes).toEqual([4, 2]);
    expect([...ids].sort()).toEqual(users.map((u) => u.id).sort());
  });

  it('audit log (numbered entries): every entry once, by 2', async () => {
    const all = ok(
      await api.GET('/api/v1/organizations/{org_id}/audit-log', {
        params: { path: { org_id: org.id }, query: { limit: 200 } },
      }),
      200,
    );
    expect(all.next_cursor).toBeNull();
    expect(all.items.length).toBeGreaterThan(5);
    // Every entry in one instant: the order is then the entry number alone.
    await db.query(
      "UPDATE audit_log SET created_at = '2026-01-02 03:04:05.5+00' WHERE organization_id = $1",
      [org.id],
    );
    const { ids } = await pageThrough(async (cursor) => {
      const page = ok(
        await api.GET('/api/v1/organizations/{org_id}/audit-log', {
          params: { path: { org_id: org.id }, query: { limit: 2, cursor } },
        }),
        200,
      );
      return { ids: page.items.map((e) => e.id), next: page.next_cursor };
    });
    expect(ids).toEqual(all.items.map((e) => e.id).sort((a, b) => Number(b) - Number(a)));
  });

  it('a cursor the server did not hand out, or a limit above 200, is a 400 naming the parameter', async () => {
    const list = (query: { limit?: number; cursor?: string }) =>
      api.GET('/api/v1/environments', { params: { query: { organization_id: org.id, ...query } } });
    const forged = [
      'not base64!', // not base64url at all
      Buffer.from('yesterday|42').toString('base64url'),
      Buffer.from('2026-02-30T00:00:00.000000Z|0b6f3c1e-8a57-4a43-9c1f-2f6e8f9c6a10').toString('base64url'),
      Buffer.from('2026-01-01T00:00:00.000000Z|not-a-uuid').toString('base64url'),
      Buffer.from('2026-01-01T00:00:00.000000Z|0b6f3c1e-8a57-4a43-9c1f-2f6e8f9c6a10|x').toString('base64url'),
    ];
    for (const cursor of forged) {
      const p = problem(await list({ cursor }), 400);
      expect(p.errors?.map((e) => e.field)).toEqual(['cursor']);
    }
    const tooMany = problem(await list({ limit: 201 }), 400);
    expect(tooMany.errors?.map((e) => e.field)).toEqual(['limit']);
    ok(await list({ limit: 200 }), 200);
  });
});
