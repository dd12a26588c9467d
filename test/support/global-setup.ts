import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/common/database/embedded-postgres.js';

/**
 * Test PostgreSQL: TEST_DATABASE_URL when set (CI points it at the machine's server), else an
 * embedded one under .offsite/test-pg. Each test file creates its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (Number(process.versions.node.split('.')[0]) < 24) {
    throw new Error(
      `Tests need Node 24 (this is ${process.versions.node}): run them with \`npm test\` or node_modules/.bin/node, not /usr/bin/node.`,
    );
  }
  if (process.env.TEST_DATABASE_URL) {
    process.env.OFFSITE_TEST_ADMIN_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const pg = await startEmbeddedPostgres({
    dataDir: path.resolve('.offsite/test-pg'),
    database: 'offsite_test',
    fsync: false,
  });
  process.env.OFFSITE_TEST_ADMIN_URL = pg.url;
  (globalThis as { __offsiteTestPg?: typeof pg }).__offsiteTestPg = pg;
  process.stdout.write(
    `\n[test] TEST_DATABASE_URL not set: using embedded PostgreSQL at ${new URL(pg.url).host}\n`,
  );
}
