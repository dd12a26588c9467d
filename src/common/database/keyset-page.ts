import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { PageKey, PageRequest } from '../http/page-cursor.js';

/** created_at as the cursor carries it: UTC with PostgreSQL's microseconds (a JS Date keeps only ms). */
export function pageAtSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * One page of a list newest first: ordered by (created_at desc, id desc) so equal timestamps keep a
 * fixed order, resumed strictly after `page.after`, one extra row fetched to know whether more follow.
 * `id` is the tie-breaking column (the primary key, or user_id for members).
 */
export async function keysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: PageRequest,
  id = 'id',
): Promise<{ rows: T[]; next: PageKey | null }> {
  const a = qb.alias;
  qb.orderBy(`${a}.created_at`, 'DESC')
    .addOrderBy(`${a}.${id}`, 'DESC')
    .addSelect(pageAtSql(`${a}.created_at`), 'page_at')
    .addSelect(`${a}.${id}::text`, 'page_id')
    .limit(page.limit + 1);
  if (page.after) {
    qb.andWhere(`(${a}.created_at, ${a}.${id}) < (CAST(:pageAt AS timestamptz), :pageId)`, {
      pageAt: page.after.at,
      pageId: page.after.id,
    });
  }
  const { entities, raw } = await qb.getRawAndEntities<{ page_at: string; page_id: string }>();
  if (entities.length <= page.limit) return { rows: entities, next: null };
  const last = raw[page.limit - 1]!;
  return { rows: entities.slice(0, page.limit), next: { at: last.page_at, id: last.page_id } };
}

/** The same for hand-written SQL: the ORDER BY, the condition after the cursor, and the key columns. */
export function keysetSql(alias: string, id = 'id') {
  return {
    columns: `${pageAtSql(`${alias}.created_at`)} AS page_at, ${alias}.${id}::text AS page_id`,
    /** Rows after the cursor, given the placeholders (e.g. `$2`, `$3`) of its `at` and `id`. */
    after: (at: string, key: string) =>
      `(${alias}.created_at, ${alias}.${id}) < (CAST(${at} AS timestamptz), ${key})`,
    orderBy: `${alias}.created_at DESC, ${alias}.${id} DESC`,
  };
}

/** Splits the limit+1 rows of a hand-written query into the page and the next key. */
export function splitPage<R extends { page_at: string; page_id: string }>(
  rows: R[],
  limit: number,
): { rows: R[]; next: PageKey | null } {
  if (rows.length <= limit) return { rows, next: null };
  const last = rows[limit - 1]!;
  return { rows: rows.slice(0, limit), next: { at: last.page_at, id: last.page_id } };
}
