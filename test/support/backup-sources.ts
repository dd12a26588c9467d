import { createHash, randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
  utimesSync,
  chmodSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestApp } from './app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** A source database with known content: several tables, bytea, unicode, `rows` rows in `items`. */
export async function createSourceDatabase(rows = 3000): Promise<TestDatabase & { tables: string[] }> {
  const db = await createTestDatabase('offsite_src');
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query(`CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, city text)`);
    await c.query(`CREATE TABLE items (id bigserial PRIMARY KEY, customer_id int REFERENCES customers(id),
      title text NOT NULL, payload bytea, price numeric(10,2), created_at timestamptz DEFAULT now())`);
    await c.query(`CREATE SCHEMA extra`);
    await c.query(`CREATE TABLE extra."Notes ü" (id int PRIMARY KEY, body text)`);
    await c.query(
      `INSERT INTO customers (name, city) VALUES ('Zoë Ærøskøbing', 'Malmö'), ('李小龙', '香港'), ('Ωmega 🚀', 'Αθήνα')`,
    );
    await c.query(
      `INSERT INTO items (customer_id, title, payload, price)
       SELECT 1 + (g % 3), 'item ' || g || ' — ünïcødé ✓', decode(md5(g::text) || md5((g * 7)::text), 'hex'), g / 7.0
         FROM generate_series(1, $1) g`,
      [rows],
    );
    await c.query(`INSERT INTO extra."Notes ü" VALUES (1, E'line\\nbreak and \\\\ backslash'), (2, NULL)`);
  } finally {
    await c.end();
  }
  return { ...db, tables: ['extra."Notes ü"', 'public.customers', 'public.items'] };
}

/** Adds `bytes` of incompressible data to the source (a big table for mid-upload kills). */
export async function growSourceDatabase(url: string, megabytes: number): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE TABLE blobs (id int PRIMARY KEY, data bytea)`);
    // 1 MiB of random bytes per row (gen_random_bytes needs pgcrypto; md5 chains are enough and incompressible-ish).
    for (let i = 0; i < megabytes; i++) {
      await c.query(`INSERT INTO blobs VALUES ($1, $2)`, [i, randomBytes(1024 * 1024)]);
    }
  } finally {
    await c.end();
  }
}

export interface FileEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  size?: number;
  sha256?: string;
  mode?: number;
  target?: string;
}

/** A filestore with nested dirs, binary files, an empty file, unicode names and a symlink. */
export function createFilestore(extraMegabytes = 0): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'offsite-filestore-'));
  mkdirSync(path.join(dir, 'ab/cd/ef'), { recursive: true });
  mkdirSync(path.join(dir, 'empty-dir'));
  writeFileSync(path.join(dir, 'ab/cd/ef/blob.bin'), randomBytes(300_000));
  writeFileSync(path.join(dir, 'ab/readme.txt'), 'hello filestore\n'.repeat(1000));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'ünïcødé — 文件.txt'), 'unicode name\n');
  writeFileSync(path.join(dir, 'ab/cd/script.sh'), '#!/bin/sh\necho hi\n');
  chmodSync(path.join(dir, 'ab/cd/script.sh'), 0o750);
  symlinkSync('ab/readme.txt', path.join(dir, 'link-to-readme'));
  utimesSync(
    path.join(dir, 'ab/readme.txt'),
    new Date('2020-01-02T03:04:05Z'),
    new Date('2020-01-02T03:04:05Z'),
  );
  if (extraMegabytes > 0) {
    mkdirSync(path.join(dir, 'big'));
    for (let i = 0; i < extraMegabytes; i++)
      writeFileSync(path.join(dir, 'big', `chunk-${i}.bin`), randomBytes(1024 * 1024));
  }
  return dir;
}

/** Every entry of a tree (sorted), for comparing a source with its extracted archive. */
export function describeTree(root: string): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const full = path.join(root, r);
      const s = lstatSync(full);
      if (s.isSymbolicLink()) out.push({ path: r, type: 'symlink', target: readlinkSync(full) });
      else if (s.isDirectory()) {
        out.push({ path: r, type: 'dir', mode: s.mode & 0o777 });
        walk(r);
      } else {
        const data = readFileSync(full);
        out.push({
          path: r,
          type: 'file',
          size: s.size,
          mode: s.mode & 0o777,
          sha256: createHash('sha256').update(data).digest('hex'),
        });
      }
    }
  };
  walk('');
  return out;
}

export const TERMINAL = ['completed', 'failed', 'delete_failed'];

/** Polls GET /backups/{id} until `until` holds (default: a terminal status). */
export async function waitForBackup(
  t: TestApp,
  token: string,
  id: string,
  {
    timeoutMs = 60_000,
    until = (b: any) => TERMINAL.includes(b.status),
  }: { timeoutMs?: number; until?: (b: any) => boolean } = {},
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    const res = await t.request('GET', `/backups/${id}`, { token });
    last = res.body;
    if (res.status === 200 && until(res.body)) return res.body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Backup ${id} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
  );
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
