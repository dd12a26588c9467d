import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Storage health (the probe result on each config and the last probes), notification channels,
 * the notification outbox (events written with the state change they report) and deliveries.
 */
export class HealthNotifications1764100000000 implements MigrationInterface {
  name = 'HealthNotifications1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "storage_health_probes" ("id" uuid NOT NULL, "organization_id" uuid, "storage_config_id" uuid NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "success" boolean NOT NULL, "health" text NOT NULL, "error_code" text, "message" text NOT NULL, "failed_step" text, "latency_ms" integer, "duration_ms" integer NOT NULL, CONSTRAINT "PK_storage_health_probes" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_storage_health_probes_config" ON "storage_health_probes" ("storage_config_id", "checked_at")`,
    );
    await q.query(
      `CREATE TABLE "notification_channels" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "url" text, "recipients" text array, "events" text array NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "disabled_reason" text, "secret_enc" text, "secret_rotated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_notification_channels" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_notification_channels_org" ON "notification_channels" ("organization_id", "created_at")`,
    );
    await q.query(
      `CREATE TABLE "notification_events" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_notification_events" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_notification_events_org" ON "notification_events" ("organization_id", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "IDX_notification_events_pending" ON "notification_events" ("dispatched_at", "created_at")`,
    );
    await q.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL, "organization_id" uuid NOT NULL, "channel_id" uuid NOT NULL, "event_id" uuid, "event_type" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "response_code" integer, "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_notification_deliveries" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_notification_deliveries_channel" ON "notification_deliveries" ("organization_id", "channel_id", "created_at")`,
    );
    await q.query(`ALTER TABLE "storage_configs" ADD "health" text NOT NULL DEFAULT 'unknown'`);
    await q.query(`ALTER TABLE "storage_configs" ADD "health_checked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "storage_configs" ADD "health_error_code" text`);
    await q.query(`ALTER TABLE "storage_configs" ADD "health_message" text`);
    await q.query(`ALTER TABLE "storage_configs" ADD "last_healthy_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "storage_configs" ADD "health_failures" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "storage_configs" ADD "next_probe_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "IDX_storage_configs_next_probe" ON "storage_configs" ("next_probe_at")`);
    await q.query(
      `ALTER TABLE "storage_health_probes" ADD CONSTRAINT "FK_storage_health_probes_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "storage_health_probes" ADD CONSTRAINT "FK_storage_health_probes_config" FOREIGN KEY ("storage_config_id") REFERENCES "storage_configs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notification_channels" ADD CONSTRAINT "FK_notification_channels_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notification_events" ADD CONSTRAINT "FK_notification_events_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_notification_deliveries_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_notification_deliveries_channel" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_notification_deliveries_channel"`,
    );
    await q.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_notification_deliveries_organization"`,
    );
    await q.query(`ALTER TABLE "notification_events" DROP CONSTRAINT "FK_notification_events_organization"`);
    await q.query(
      `ALTER TABLE "notification_channels" DROP CONSTRAINT "FK_notification_channels_organization"`,
    );
    await q.query(`ALTER TABLE "storage_health_probes" DROP CONSTRAINT "FK_storage_health_probes_config"`);
    await q.query(
      `ALTER TABLE "storage_health_probes" DROP CONSTRAINT "FK_storage_health_probes_organization"`,
    );
    await q.query(`DROP INDEX "public"."IDX_storage_configs_next_probe"`);
    await q.query(`ALTER TABLE "storage_configs" DROP COLUMN "next_probe_at"`);
    await q.query(`ALTER TABLE "storage_configs" DROP COLUMN "health_failures"`);
    await q.query(`ALTER TABLE "storage_configs" DROP COLUMN "last_healthy_at"`);
    await q.query(`ALTER TABLE "storage_configs" DROP COLUMN "health_message"`);
    await q.query(`ALTER TABLE "storage_configs" DROP COLUMN "health_error_code"`);
    await q.query(`ALTER TABLE "storage_configs" DROP COLUMN "health_checked_at"`);
    await q.query(`ALTER TABLE "storage_configs" DROP COLUMN "health"`);
    await q.query(`DROP INDEX "public"."IDX_notification_deliveries_channel"`);
    await q.query(`DROP TABLE "notification_deliveries"`);
    await q.query(`DROP INDEX "public"."IDX_notification_events_pending"`);
    await q.query(`DROP INDEX "public"."IDX_notification_events_org"`);
    await q.query(`DROP TABLE "notification_events"`);
    await q.query(`DROP INDEX "public"."IDX_notification_channels_org"`);
    await q.query(`DROP TABLE "notification_channels"`);
    await q.query(`DROP INDEX "public"."IDX_storage_health_probes_config"`);
    await q.query(`DROP TABLE "storage_health_probes"`);
  }
}
