import { MigrationInterface, QueryRunner } from 'typeorm';

export class Schedules1764000000000 implements MigrationInterface {
  name = 'Schedules1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "schedules" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "environment_id" uuid NOT NULL, "name" text NOT NULL, "cron" text NOT NULL, "timezone" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "storage_config_id" uuid, "retention" jsonb, "jitter_seconds" integer NOT NULL DEFAULT '0', "next_run_at" TIMESTAMP WITH TIME ZONE, "last_run_at" TIMESTAMP WITH TIME ZONE, "last_backup_id" uuid, "last_status" text, "last_reason" text, "last_retention_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_schedules_org_environment_name" UNIQUE ("organization_id", "environment_id", "name"), CONSTRAINT "UQ_schedules_org_id" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_schedules" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_schedules_due" ON "schedules"  ("next_run_at") `);
    await queryRunner.query(
      `CREATE TABLE "schedule_runs" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "schedule_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "reason" text, "backup_id" uuid, "missed_times" jsonb NOT NULL DEFAULT '[]', "missed_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_schedule_runs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_schedule_runs_schedule" ON "schedule_runs"  ("organization_id", "schedule_id", "due_at") `,
    );
    await queryRunner.query(`ALTER TABLE "backups" ADD "trigger" text NOT NULL DEFAULT 'manual'`);
    await queryRunner.query(`ALTER TABLE "backups" ADD "schedule_id" uuid`);
    await queryRunner.query(`ALTER TABLE "backups" ADD "protected" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE INDEX "IDX_backups_schedule" ON "backups"  ("schedule_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "schedules" ADD CONSTRAINT "FK_schedules_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedules" ADD CONSTRAINT "FK_schedules_storage_config" FOREIGN KEY ("storage_config_id") REFERENCES "storage_configs"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedules" ADD CONSTRAINT "FK_schedules_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedules" ADD CONSTRAINT "FK_schedules_environment" FOREIGN KEY ("organization_id", "environment_id") REFERENCES "environments"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_runs" ADD CONSTRAINT "FK_schedule_runs_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "schedule_runs" ADD CONSTRAINT "FK_schedule_runs_schedule" FOREIGN KEY ("organization_id", "schedule_id") REFERENCES "schedules"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "backups" ADD CONSTRAINT "FK_backups_schedule" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "backups" DROP CONSTRAINT "FK_backups_schedule"`);
    await queryRunner.query(`ALTER TABLE "schedule_runs" DROP CONSTRAINT "FK_schedule_runs_schedule"`);
    await queryRunner.query(`ALTER TABLE "schedule_runs" DROP CONSTRAINT "FK_schedule_runs_organization"`);
    await queryRunner.query(`ALTER TABLE "schedules" DROP CONSTRAINT "FK_schedules_environment"`);
    await queryRunner.query(`ALTER TABLE "schedules" DROP CONSTRAINT "FK_schedules_created_by"`);
    await queryRunner.query(`ALTER TABLE "schedules" DROP CONSTRAINT "FK_schedules_storage_config"`);
    await queryRunner.query(`ALTER TABLE "schedules" DROP CONSTRAINT "FK_schedules_organization"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_backups_schedule"`);
    await queryRunner.query(`ALTER TABLE "backups" DROP COLUMN "protected"`);
    await queryRunner.query(`ALTER TABLE "backups" DROP COLUMN "schedule_id"`);
    await queryRunner.query(`ALTER TABLE "backups" DROP COLUMN "trigger"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_schedule_runs_schedule"`);
    await queryRunner.query(`DROP TABLE "schedule_runs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_schedules_due"`);
    await queryRunner.query(`DROP TABLE "schedules"`);
  }
}
