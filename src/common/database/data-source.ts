import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';

/**
 * The one definition of the database connection, used by the app, the CLI and ormconfig.ts (TypeORM
 * CLI). `entities`: the app's entity list (src/entities.ts), passed in so common/ stays feature-free.
 */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities']): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: 'offsite',
    // TypeORM's logger prints failed queries with their parameters (password hashes, credential
    // ciphertexts); errors reach our own logs instead, through a serializer that drops them.
    logging: false,
    extra: { max: 10 },
  };
}

const MIGRATION_LOCK_ID = 7_301_001;

/** Runs pending migrations under an advisory lock, so several processes starting together apply them once. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
