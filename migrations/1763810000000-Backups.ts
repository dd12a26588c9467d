import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Environments (what gets backed up) and the backups catalog. */
export class Backups1763810000000 implements MigrationInterface {
  name = 'Backups1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "environments" (
      "id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "name" text NOT NULL,
      "db_host" text NOT NULL,
      "db_port" integer NOT NULL,
      "db_name" text NOT NULL,
      "db_username" text NOT NULL,
      "db_password_enc" text,
      "has_password" boolean NOT NULL DEFAULT false,
      "db_sslmode" text NOT NULL DEFAULT 'prefer',
      "dump_format" text NOT NULL DEFAULT 'plain',
      "compression" text NOT NULL DEFAULT 'gzip',
      "filestore_path" text,
      "storage_config_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_environments_org_name" UNIQUE ("organization_id", "name"),
      CONSTRAINT "UQ_environments_org_id" UNIQUE ("organization_id", "id"),
      CONSTRAINT "PK_environments" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_environments_storage_config" ON "environments" ("storage_config_id")`);
    await q.query(`CREATE TABLE "backups" (
      "id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "environment_id" uuid NOT NULL,
      "storage_config_id" uuid NOT NULL,
      "object_prefix" text NOT NULL,
      "status" text NOT NULL DEFAULT 'pending',
      "phase" text,
      "note" text,
      "dump_format" text NOT NULL,
      "compression" text NOT NULL,
      "bytes_processed" bigint NOT NULL DEFAULT '0',
      "total_size_bytes" bigint NOT NULL DEFAULT '0',
      "parts" jsonb NOT NULL DEFAULT '[]',
      "usage_counted" boolean NOT NULL DEFAULT false,
      "attempts" integer NOT NULL DEFAULT '0',
      "cleanup_pending" boolean NOT NULL DEFAULT false,
      "error_code" text,
      "error_message" text,
      "cancel_requested_at" TIMESTAMP WITH TIME ZONE,
      "heartbeat_at" TIMESTAMP WITH TIME ZONE,
      "started_at" TIMESTAMP WITH TIME ZONE,
      "completed_at" TIMESTAMP WITH TIME ZONE,
      "duration_ms" integer,
      "verified_at" TIMESTAMP WITH TIME ZONE,
      "verification_status" text,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_backups" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_backups_storage_config" ON "backups" ("storage_config_id")`);
    await q.query(
      `CREATE INDEX "IDX_backups_org_environment" ON "backups" ("organization_id", "environment_id", "created_at")`,
    );
    await q.query(`CREATE INDEX "IDX_backups_org_created" ON "backups" ("organization_id", "created_at")`);
    await q.query(
      `ALTER TABLE "environments" ADD CONSTRAINT "FK_environments_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "environments" ADD CONSTRAINT "FK_environments_storage_config" FOREIGN KEY ("storage_config_id") REFERENCES "storage_configs"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backups" ADD CONSTRAINT "FK_backups_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backups" ADD CONSTRAINT "FK_backups_storage_config" FOREIGN KEY ("storage_config_id") REFERENCES "storage_configs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backups" ADD CONSTRAINT "FK_backups_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // The environment of the same organization: a backup can never point at another org's environment.
    await q.query(
      `ALTER TABLE "backups" ADD CONSTRAINT "FK_backups_environment" FOREIGN KEY ("organization_id", "environment_id") REFERENCES "environments"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "backups"`);
    await q.query(`DROP TABLE "environments"`);
  }
}
