import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { DbConnection } from '../environments/pg-tools.service.js';
import { derivedName, PgLoader } from './pg-loader.service.js';
import { RestoreError } from './restore-error.js';
import type { Restore, RestoreResult } from './restore.entity.js';

/** What a resumed attempt needs to finish a swap: recorded on the row before the first rename. */
export interface SwapPlan {
  stamp: string;
  tables: number;
  entries: number | null;
}

/** The scratch copies a restore or deep verification loads into, beside its target. */
export interface Scratch {
  conn: DbConnection | null;
  database: string | null;
  dir: string | null;
  file: string | null;
}

/**
 * The safe swap of a restore: the scratch copies beside the target (a `{name}_restoring_{id}`
 * database, a `{path}.restoring_{id}` directory), the into_empty checks, and the renames that put
 * the restored database and filestore in place while keeping the previous ones as before_restore
 * copies. Idempotent, so a worker killed mid-swap is resumed, never redone.
 */
@Injectable()
export class RestoreSwap {
  private readonly logger = new Logger('RestoreSwap');

  constructor(
    private readonly loader: PgLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Renames the scratch copies into place. Idempotent: a resumed swap (the worker died between two
   * renames) sees which renames happened from what exists. A failure leaves the loaded scratch
   * copies in place for a resumed attempt (or a human) rather than dropping them.
   */
  async swap(
    conn: DbConnection,
    scratchDb: string,
    scratchDir: string | null,
    target: string | null,
    intoEmpty: boolean,
    plan: SwapPlan,
  ): Promise<RestoreResult> {
    const prevDb = derivedName(conn.database, `_before_restore_${plan.stamp}`);
    let previousDb: string | null = null;
    if (await this.loader.exists(conn, scratchDb)) {
      if (await this.loader.exists(conn, conn.database)) {
        if (intoEmpty) {
          await this.requireEmpty(conn, null);
          await this.loader.dropDatabase(conn, conn.database);
        } else {
          await this.loader.renameDatabase(conn, conn.database, prevDb);
          previousDb = prevDb;
        }
      } else if (!intoEmpty && (await this.loader.exists(conn, prevDb))) {
        previousDb = prevDb;
      }
      try {
        await this.loader.renameDatabase(conn, scratchDb, conn.database);
      } catch (err) {
        if (previousDb)
          await this.loader.renameDatabase(conn, previousDb, conn.database).catch(() => undefined);
        throw err;
      }
    } else if (!intoEmpty && (await this.loader.exists(conn, prevDb))) {
      previousDb = prevDb;
    }
    const result: RestoreResult = {
      database: { name: conn.database, previous_name: previousDb, tables: plan.tables },
    };
    if (scratchDir && target && plan.entries !== null) {
      const previousPath = await this.swapDirectory(scratchDir, target, intoEmpty, plan.stamp);
      result.filestore = { path: target, previous_path: previousPath, entries: plan.entries };
    }
    return result;
  }

  /** into_empty: the database must be missing or without user tables, the directory missing or empty. */
  async requireEmpty(conn: DbConnection, dir: string | null): Promise<void> {
    const tables = await this.loader.userTables(conn);
    if (tables?.length) {
      throw new RestoreError(
        'target_not_empty',
        `The target database "${conn.database}" has ${tables.length} user tables; into_empty needs a missing or empty database. Nothing was changed.`,
      );
    }
    if (dir) {
      const entries = await readdir(dir).catch((e: { code?: string }) => (e.code === 'ENOENT' ? [] : ['?']));
      if (entries.length) {
        throw new RestoreError(
          'target_not_empty',
          `The target filestore directory "${dir}" is not empty; into_empty needs a missing or empty directory. Nothing was changed.`,
        );
      }
    }
  }

  private async swapDirectory(
    from: string,
    target: string,
    intoEmpty: boolean,
    stamp: string,
  ): Promise<string | null> {
    const exists = (p: string) =>
      stat(p).then(
        () => true,
        () => false,
      );
    const prev = `${target}.before_restore_${stamp}`;
    if (!(await exists(from))) return !intoEmpty && (await exists(prev)) ? prev : null; // resumed: done
    let previous: string | null = null;
    if (await exists(target)) {
      // rmdir refuses a directory that is not empty (into_empty was checked; this keeps it safe).
      if (intoEmpty) await rmdir(target);
      else {
        await rename(target, prev);
        previous = prev;
      }
    } else {
      if (!intoEmpty && (await exists(prev))) previous = prev;
      await mkdir(path.dirname(target), { recursive: true });
    }
    try {
      await rename(from, target);
    } catch (err) {
      if (previous) await rename(previous, target).catch(() => undefined);
      throw new RestoreError(
        'target_unwritable',
        `Moving the restored filestore into "${target}" failed: ${(err as Error).message}`,
        { cause: err },
      );
    }
    return previous;
  }

  /** pg_restore --jobs needs a seekable file: custom dumps are staged here (this machine only). */
  dumpFile(database: string): string {
    return path.join(this.config.dataDir, 'restore-tmp', `${database}.dump`);
  }

  /** The scratch copies of a restore or deep verify, named after it, beside the target. */
  scratchOf(
    restore: Restore,
    conn: DbConnection,
    filestorePath: string | null,
  ): Scratch & { database: string } {
    const suffix = restore.id.replace(/-/g, '').slice(0, 12);
    const isRestore = restore.kind === 'restore';
    const database = derivedName(conn.database, isRestore ? `_restoring_${suffix}` : `_verify_${suffix}`);
    return {
      conn,
      database,
      dir: isRestore && filestorePath ? `${filestorePath}.restoring_${suffix}` : null,
      file: this.dumpFile(database),
    };
  }

  async dropScratch(scratch: Scratch): Promise<void> {
    if (scratch.conn && scratch.database) {
      await this.loader
        .dropDatabase(scratch.conn, scratch.database)
        .catch((err: unknown) =>
          this.logger.warn({ err, database: scratch.database }, 'Could not drop the scratch database'),
        );
    }
    // maxRetries: a dead attempt's extractor may still be writing its last entries (ENOTEMPTY).
    if (scratch.dir)
      await rm(scratch.dir, { recursive: true, force: true, maxRetries: 5 }).catch((err: unknown) =>
        this.logger.warn({ err, dir: scratch.dir }, 'Could not remove the scratch directory'),
      );
    if (scratch.file) await rm(scratch.file, { force: true }).catch(() => undefined);
  }
}

/** The stamp of a swap's before_restore names. */
export function timestamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
    .replace('T', 't')
    .toLowerCase();
}
