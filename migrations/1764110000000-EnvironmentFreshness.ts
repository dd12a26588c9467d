import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The last backup freshness seen per scheduled environment (transitions and the daily stale reminder). */
export class EnvironmentFreshness1764110000000 implements MigrationInterface {
  name = 'EnvironmentFreshness1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "environment_freshness" ("environment_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "freshness" text NOT NULL, "interval_seconds" integer NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "stale_notified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_environment_freshness" PRIMARY KEY ("environment_id"))`,
    );
    await q.query(
      `ALTER TABLE "environment_freshness" ADD CONSTRAINT "FK_environment_freshness_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "environment_freshness" ADD CONSTRAINT "FK_environment_freshness_environment" FOREIGN KEY ("organization_id", "environment_id") REFERENCES "environments"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "environment_freshness"`);
  }
}
