import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Access tokens signed out before their expiry (POST /auth/logout). */
export class RevokedTokens1763830000000 implements MigrationInterface {
  name = 'RevokedTokens1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "revoked_tokens" (
      "jti" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_revoked_tokens" PRIMARY KEY ("jti"))`);
    await q.query(`CREATE INDEX "IDX_revoked_tokens_expires_at" ON "revoked_tokens" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "revoked_tokens"`);
  }
}
