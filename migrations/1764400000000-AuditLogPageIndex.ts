import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is listed newest first, a page at a time, by (created_at, id) within an
 * organization: an index in that order lets PostgreSQL read one page instead of sorting every row
 * of the organization. It also serves lookups by organization alone, so it replaces
 * (organization_id, id).
 */
export class AuditLogPageIndex1764400000000 implements MigrationInterface {
  name = 'AuditLogPageIndex1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_audit_log_organization_id_created_at_id" ON "audit_log" ("organization_id", "created_at", "id")`,
    );
    await q.query(`DROP INDEX "IDX_audit_log_organization_id_id"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_audit_log_organization_id_id" ON "audit_log" ("organization_id", "id")`);
    await q.query(`DROP INDEX "IDX_audit_log_organization_id_created_at_id"`);
  }
}
