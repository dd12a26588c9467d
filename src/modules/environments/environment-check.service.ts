import { Injectable } from '@nestjs/common';
import { stat } from 'node:fs/promises';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import type { EnvironmentTestResponse } from './dto/environment-responses.dto.js';
import { EnvironmentsService } from './environments.service.js';
import { FilestoreReader } from './filestore.service.js';
import { PgTools, type DbConnection, type ServerInfo } from './pg-tools.service.js';
import { asSourceError } from './source-error.js';

/**
 * The environment's connection test: the same checks a backup makes before it starts, reported
 * step by step instead of failing at the first, so a tenant fixes everything in one round.
 */
@Injectable()
export class EnvironmentCheck {
  constructor(
    private readonly environments: EnvironmentsService,
    private readonly pgTools: PgTools,
    private readonly filestore: FilestoreReader,
  ) {}

  /** Can the workers log in, which pg_dump would run, is the filestore readable. Never throws for those. */
  async run(auth: OrgAuthContext, id: string): Promise<EnvironmentTestResponse> {
    const env = await this.environments.require(auth.organizationId, id);
    const report: EnvironmentTestResponse = {
      success: false,
      backup_ready: false,
      database: {
        ok: false,
        can_login: false,
        exists: null,
        restorable_into: false,
        server_version: null,
        error_code: null,
        message: '',
      },
      pg_dump: { ok: false, path: null, version: null, compatible: null, message: '' },
      filestore: {
        ok: true,
        path: env.filestorePath,
        exists: null,
        readable: false,
        file_count: null,
        total_bytes: null,
        message: 'No filestore configured (database-only environment).',
      },
    };
    let server: ServerInfo | null = null;
    let conn: DbConnection;
    let filestorePath: string | null;
    try {
      ({ conn, filestorePath } = await this.environments.checkedSource(auth.organizationId, id, 'read'));
    } catch (err) {
      // Refused by the policy: nothing is dialled or opened.
      const e = asSourceError(err);
      Object.assign(report.database, { error_code: e.code, message: e.message });
      if (env.filestorePath) Object.assign(report.filestore, { ok: false, message: e.message });
      report.pg_dump.message = 'Not checked: the source is not allowed on this platform.';
      return report;
    }
    try {
      server = await this.pgTools.serverInfo(conn);
      Object.assign(report.database, {
        ok: true,
        can_login: true,
        exists: true,
        restorable_into: true,
        server_version: server.version,
        message: `Logged in to PostgreSQL ${server.version} as "${conn.username}".`,
      });
    } catch (err) {
      const e = asSourceError(err);
      Object.assign(report.database, { error_code: e.code, message: e.message });
      // The server checks the password before it looks for the database: a missing one is a
      // fine into_empty restore target, not a broken environment.
      if (e.code === 'not_found')
        Object.assign(report.database, {
          ok: true,
          can_login: true,
          exists: false,
          restorable_into: true,
          message: `${e.message} A backup needs it; a restore with mode into_empty creates it.`,
        });
    }
    const binaries = await this.pgTools.available();
    if (server) {
      try {
        const b = await this.pgTools.choose(server);
        Object.assign(report.pg_dump, {
          ok: true,
          path: b.path,
          version: b.version,
          compatible: true,
          message: `pg_dump ${b.version} will be used (server ${server.version}).`,
        });
      } catch (err) {
        const newest = [...binaries].sort((a, b) => b.major - a.major)[0];
        Object.assign(report.pg_dump, {
          path: newest?.path ?? null,
          version: newest?.version ?? null,
          compatible: false,
          message: asSourceError(err).message,
        });
      }
    } else {
      const newest = [...binaries].sort((a, b) => b.major - a.major)[0];
      Object.assign(report.pg_dump, {
        ok: !!newest,
        path: newest?.path ?? null,
        version: newest?.version ?? null,
        message: newest
          ? `pg_dump ${newest.version} found; compatibility unknown until the login works.`
          : 'No pg_dump found in PG_BIN_DIRS.',
      });
    }
    if (filestorePath) {
      try {
        const s = await this.filestore.scan(filestorePath);
        Object.assign(report.filestore, {
          exists: true,
          readable: true,
          file_count: s.fileCount,
          total_bytes: s.totalBytes,
          message: `${s.fileCount} files, ${s.totalBytes} bytes.`,
        });
      } catch (err) {
        const missing = !(await stat(filestorePath).catch(() => null));
        Object.assign(
          report.filestore,
          missing
            ? {
                exists: false,
                message: `The directory ${filestorePath} does not exist. A backup needs it; a restore creates it.`,
              }
            : { ok: false, exists: true, message: asSourceError(err).message },
        );
      }
    }
    report.success = report.database.ok && report.pg_dump.ok && report.filestore.ok;
    report.backup_ready =
      report.success && report.database.exists === true && report.filestore.exists !== false;
    return report;
  }
}
