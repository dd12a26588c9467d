import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account hardening: tokens issued before users.tokens_valid_after are refused (disable, password
 * reset); login failures are counted per client address and account instead of locking the
 * account; password reset tokens (hashed, single use).
 */
export class AccountSecurity1763840000000 implements MigrationInterface {
  name = 'AccountSecurity1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "tokens_valid_after" TIMESTAMP WITH TIME ZONE`);
    // Disabled users' tokens must stay dead when they are enabled again.
    await q.query(`UPDATE "users" SET "tokens_valid_after" = "disabled_at" WHERE "disabled_at" IS NOT NULL`);

    // Old failures have no address; they only ever mattered for a 15-minute window.
    await q.query(`DELETE FROM "login_failures"`);
    await q.query(`DROP INDEX "IDX_login_failures_email_created_at"`);
    await q.query(`ALTER TABLE "login_failures" ADD "client_address" text NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_login_failures_address_email_created_at" ON "login_failures" ("client_address", "email", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "IDX_login_failures_address_created_at" ON "login_failures" ("client_address", "created_at")`,
    );

    await q.query(`CREATE TABLE "password_reset_tokens" (
      "token_hash" text NOT NULL,
      "user_id" uuid NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_password_reset_tokens" PRIMARY KEY ("token_hash"))`);
    await q.query(`CREATE INDEX "IDX_password_reset_tokens_user_id" ON "password_reset_tokens" ("user_id")`);
    await q.query(
      `CREATE INDEX "IDX_password_reset_tokens_expires_at" ON "password_reset_tokens" ("expires_at")`,
    );
    await q.query(
      `ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_password_reset_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "password_reset_tokens"`);
    await q.query(`DROP INDEX "IDX_login_failures_address_created_at"`);
    await q.query(`DROP INDEX "IDX_login_failures_address_email_created_at"`);
    await q.query(`ALTER TABLE "login_failures" DROP COLUMN "client_address"`);
    await q.query(
      `CREATE INDEX "IDX_login_failures_email_created_at" ON "login_failures" ("email", "created_at")`,
    );
    await q.query(`ALTER TABLE "users" DROP COLUMN "tokens_valid_after"`);
  }
}
