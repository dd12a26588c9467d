import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DomainError } from '../errors/domain-error.js';
import { PAGE_LIMIT_DEFAULT, type PageQuery } from './page.query.js';

/**
 * Where a page ends: the last row's sort key. `at` is its created_at as PostgreSQL holds it
 * (microseconds, UTC), so rows created in the same millisecond are neither skipped nor repeated.
 */
export interface PageKey {
  at: string;
  id: string;
}

/** A list's request after validation: how many rows, and after which row. */
export interface PageRequest {
  limit: number;
  after: PageKey | null;
}

/** Uuid ids for most tables; the audit log numbers its entries. */
export type PageIdKind = 'uuid' | 'bigint';

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ID: Record<PageIdKind, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  bigint: /^[1-9]\d{0,17}$/,
};

export function encodeCursor(key: PageKey): string {
  return Buffer.from(`${key.at}|${key.id}`, 'utf8').toString('base64url');
}

/** The key a cursor carries; anything a server did not hand out is a 400 naming the parameter. */
export function decodeCursor(cursor: string, idKind: PageIdKind = 'uuid', param = 'cursor'): PageKey {
  const [at = '', id = '', extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // A real calendar instant: PostgreSQL would refuse "2024-02-30" with an error, not an empty page.
  const ms = `${at.slice(0, 23)}Z`;
  const valid =
    extra === undefined &&
    AT.test(at) &&
    ID[idKind].test(id) &&
    !Number.isNaN(Date.parse(ms)) &&
    new Date(ms).toISOString() === ms;
  if (!valid) {
    throw new DomainError('validation_failed', `Invalid ${param}: pass the next_cursor of a previous page.`, {
      errors: [{ field: param, messages: [`${param} is not a next_cursor value`] }],
    });
  }
  return { at, id };
}

export function pageRequest(q: PageQuery, idKind: PageIdKind = 'uuid'): PageRequest {
  return { limit: q.limit ?? PAGE_LIMIT_DEFAULT, after: q.cursor ? decodeCursor(q.cursor, idKind) : null };
}

/** The body of every paginated list. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  limit: number;
}

/** The page body: the mapped rows, and the cursor of the next page when `next` says one follows. */
export function toPage<T>(page: PageRequest, next: PageKey | null, items: T[]): Page<T> {
  return { items, next_cursor: next ? encodeCursor(next) : null, limit: page.limit };
}

/** The OpenAPI schema of a page of `item`: `export class FooPage extends PageResponse(FooResponse) {}`. */
export function PageResponse<T>(item: Type<T>): Type<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as cursor for the next page; null on the last page.',
    })
    next_cursor!: string | null;
    @ApiProperty({ type: 'integer', description: 'The page size used.' }) limit!: number;
  }
  return PageOfItems;
}
