import type { RunningPostgres } from '../../src/common/database/embedded-postgres.js';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __offsiteTestPg?: RunningPostgres }).__offsiteTestPg?.stop();
}
