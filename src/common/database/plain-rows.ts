import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** Column types whose values node-postgres already parses as TypeORM would hydrate them. */
const PLAIN_TYPES = new Set([
  'uuid',
  'text',
  'varchar',
  'character varying',
  'integer',
  'int',
  'int4',
  'smallint',
  'bigint',
  'int8',
  'boolean',
  'bool',
  'timestamptz',
  'timestamp with time zone',
  'jsonb',
]);

export interface PlainRows<T> {
  /** The SELECT list: every column TypeORM's find would read (select: false ones left out), aliased `a.<db name>`. */
  columns: string;
  /** The entity of one row read with `columns`, transformers applied. */
  hydrate(row: Record<string, unknown>): T;
}

/** Per entity class, per alias. */
const cache = new WeakMap<object, Map<string, PlainRows<unknown>>>();

/**
 * An entity's columns for a hand-written SELECT, and the row → entity step, built once per entity
 * from TypeORM's metadata. For reads on every request, where TypeORM's query builder and result
 * transformer cost more CPU than the query itself; rows come out as `find` returns them. Entities
 * with a column this does not know how to hydrate (embedded, simple-json, enums, dates without a
 * zone, …) are refused when first asked for, not read wrongly.
 */
export function plainRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
): PlainRows<T> {
  const metadata = manager.connection.getMetadata(entity);
  const key = metadata.target as object;
  const byAlias = cache.get(key) ?? new Map<string, PlainRows<unknown>>();
  cache.set(key, byAlias);
  const cached = byAlias.get(alias) as PlainRows<T> | undefined;
  if (cached) return cached;

  const columns = metadata.columns.filter((c) => c.isSelect);
  for (const c of columns) {
    const type = String(c.type);
    if (c.embeddedMetadata || !PLAIN_TYPES.has(type) || (c.isArray && type !== 'text')) {
      throw new Error(`plainRows: ${metadata.name}.${c.propertyName} (${type}) is not a plain column`);
    }
  }
  const from = (c: ColumnMetadata, value: unknown): unknown => {
    const t = c.transformer;
    if (!t) return value;
    return Array.isArray(t) ? t.reduceRight((v, x) => x.from(v), value) : t.from(value);
  };
  const rows: PlainRows<T> = {
    columns: columns.map((c) => `${alias}.${c.databaseName}`).join(', '),
    hydrate(row) {
      const e = metadata.create(undefined, { fromDeserializer: true }) as T;
      for (const c of columns) {
        const value = row[c.databaseName];
        (e as Record<string, unknown>)[c.propertyName] = from(c, value === undefined ? null : value);
      }
      return e;
    },
  };
  byAlias.set(alias, rows as PlainRows<unknown>);
  return rows;
}
