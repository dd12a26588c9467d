import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Moves of backups from one storage config to another, and their per-backup state. */
export class BackupMigrations1764200000000 implements MigrationInterface {
  name = 'BackupMigrations1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "backup_migrations" (
      "id" uuid NOT NULL,
      "organization_id" uuid,
      "source_storage_config_id" uuid NOT NULL,
      "target_storage_config_id" uuid NOT NULL,
      "environment_id" uuid,
      "delete_source" boolean NOT NULL DEFAULT false,
      "status" text NOT NULL DEFAULT 'pending',
      "total_backups" integer NOT NULL DEFAULT 0,
      "bytes_total" bigint NOT NULL DEFAULT '0',
      "attempts" integer NOT NULL DEFAULT 0,
      "error_code" text,
      "error_message" text,
      "cancel_requested_at" TIMESTAMP WITH TIME ZONE,
      "heartbeat_at" TIMESTAMP WITH TIME ZONE,
      "started_at" TIMESTAMP WITH TIME ZONE,
      "completed_at" TIMESTAMP WITH TIME ZONE,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_backup_migrations" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "IDX_backup_migrations_org_created" ON "backup_migrations" ("organization_id", "created_at")`,
    );
    await q.query(
      `ALTER TABLE "backup_migrations" ADD CONSTRAINT "FK_backup_migrations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backup_migrations" ADD CONSTRAINT "FK_backup_migrations_source" FOREIGN KEY ("source_storage_config_id") REFERENCES "storage_configs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backup_migrations" ADD CONSTRAINT "FK_backup_migrations_target" FOREIGN KEY ("target_storage_config_id") REFERENCES "storage_configs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backup_migrations" ADD CONSTRAINT "FK_backup_migrations_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE TABLE "backup_migration_items" (
      "migration_id" uuid NOT NULL,
      "backup_id" uuid NOT NULL,
      "organization_id" uuid NOT NULL,
      "position" integer NOT NULL,
      "state" text NOT NULL DEFAULT 'pending',
      "bytes_total" bigint NOT NULL DEFAULT '0',
      "bytes_copied" bigint NOT NULL DEFAULT '0',
      "method" text,
      "source_leftover" boolean NOT NULL DEFAULT false,
      "error_code" text,
      "error_message" text,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_backup_migration_items" PRIMARY KEY ("migration_id", "backup_id"))`);
    await q.query(
      `CREATE INDEX "IDX_backup_migration_items_org_backup" ON "backup_migration_items" ("organization_id", "backup_id")`,
    );
    // One unfinished move per backup, whatever the migration: the database refuses a second one.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_backup_migration_items_active" ON "backup_migration_items" ("backup_id") WHERE "state" IN ('pending', 'repointed')`,
    );
    await q.query(
      `CREATE INDEX "IDX_backup_migration_items_leftover" ON "backup_migration_items" ("migration_id") WHERE "source_leftover"`,
    );
    await q.query(
      `ALTER TABLE "backup_migration_items" ADD CONSTRAINT "FK_backup_migration_items_migration" FOREIGN KEY ("migration_id") REFERENCES "backup_migrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backup_migration_items" ADD CONSTRAINT "FK_backup_migration_items_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "backup_migration_items" ADD CONSTRAINT "FK_backup_migration_items_backup" FOREIGN KEY ("backup_id") REFERENCES "backups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "backup_migration_items"`);
    await q.query(`DROP TABLE "backup_migrations"`);
  }
}
