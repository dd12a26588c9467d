import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform-managed environments: created by a platform administrator for an organization, whose
 * database connection and filestore path the organization may not change.
 */
export class ManagedEnvironments1763850000000 implements MigrationInterface {
  name = 'ManagedEnvironments1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "environments" ADD "managed" boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "environments" DROP COLUMN "managed"`);
  }
}
