import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Restores and verifications of backups. */
export class Restores1763820000000 implements MigrationInterface {
  name = 'Restores1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "restores" (
      "id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "backup_id" uuid,
      "target_environment_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "mode" text,
      "deep" boolean NOT NULL DEFAULT false,
      "status" text NOT NULL DEFAULT 'pending',
      "phase" text,
      "bytes_processed" bigint NOT NULL DEFAULT '0',
      "result" jsonb,
      "attempts" integer NOT NULL DEFAULT '0',
      "error_code" text,
      "error_message" text,
      "cancel_requested_at" TIMESTAMP WITH TIME ZONE,
      "heartbeat_at" TIMESTAMP WITH TIME ZONE,
      "started_at" TIMESTAMP WITH TIME ZONE,
      "completed_at" TIMESTAMP WITH TIME ZONE,
      "duration_ms" integer,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_restores" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_restores_org_backup" ON "restores" ("organization_id", "backup_id")`);
    await q.query(`CREATE INDEX "IDX_restores_org_created" ON "restores" ("organization_id", "created_at")`);
    await q.query(
      `ALTER TABLE "restores" ADD CONSTRAINT "FK_restores_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "restores" ADD CONSTRAINT "FK_restores_backup" FOREIGN KEY ("backup_id") REFERENCES "backups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "restores" ADD CONSTRAINT "FK_restores_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // The target environment of the same organization: a restore can never write into another org's environment.
    await q.query(
      `ALTER TABLE "restores" ADD CONSTRAINT "FK_restores_environment" FOREIGN KEY ("organization_id", "target_environment_id") REFERENCES "environments"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "restores"`);
  }
}
