import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StorageConfigs1763800000000 implements MigrationInterface {
  name = 'StorageConfigs1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "storage_configs" (
      "id" uuid NOT NULL,
      "organization_id" uuid,
      "name" text NOT NULL,
      "provider" text NOT NULL,
      "bucket" text,
      "region" text,
      "endpoint_url" text,
      "account_id" text,
      "path_prefix" text,
      "storage_class" text,
      "buckets" text array,
      "host" text,
      "port" integer,
      "use_tls" boolean NOT NULL DEFAULT false,
      "host_key_fingerprint" text,
      "access_key_hint" text,
      "access_key_enc" text,
      "secret_key_enc" text,
      "private_key_enc" text,
      "passphrase_enc" text,
      "has_secret" boolean NOT NULL DEFAULT false,
      "has_private_key" boolean NOT NULL DEFAULT false,
      "is_default" boolean NOT NULL DEFAULT false,
      "is_active" boolean NOT NULL DEFAULT true,
      "total_size_bytes" bigint NOT NULL DEFAULT 0,
      "object_count" bigint NOT NULL DEFAULT 0,
      "last_used_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_storage_configs" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "IDX_storage_configs_org" ON "storage_configs" ("organization_id", "created_at")`,
    );
    // Exactly one default per organization, and one platform default, guaranteed by the database.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_storage_configs_org_default" ON "storage_configs" ("organization_id") WHERE "is_default" AND "organization_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_storage_configs_platform_default" ON "storage_configs" ((true)) WHERE "is_default" AND "organization_id" IS NULL`,
    );
    await q.query(
      `ALTER TABLE "storage_configs" ADD CONSTRAINT "FK_storage_configs_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "storage_configs"`);
  }
}
