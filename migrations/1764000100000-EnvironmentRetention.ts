import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnvironmentRetention1764000100000 implements MigrationInterface {
  name = 'EnvironmentRetention1764000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "environment_retention" ("organization_id" uuid NOT NULL, "environment_id" uuid NOT NULL, "policy" jsonb NOT NULL, "timezone" text NOT NULL DEFAULT 'UTC', "last_run_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_environment_retention" PRIMARY KEY ("organization_id", "environment_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "environment_retention" ADD CONSTRAINT "FK_environment_retention_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "environment_retention" ADD CONSTRAINT "FK_environment_retention_environment" FOREIGN KEY ("organization_id", "environment_id") REFERENCES "environments"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "environment_retention" DROP CONSTRAINT "FK_environment_retention_environment"`,
    );
    await queryRunner.query(
      `ALTER TABLE "environment_retention" DROP CONSTRAINT "FK_environment_retention_organization"`,
    );
    await queryRunner.query(`DROP TABLE "environment_retention"`);
  }
}
