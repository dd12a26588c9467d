// npm run migration:generate -- Name
// Generates migrations/<timestamp>-Name.ts from the difference between the entities and the
// database (DATABASE_URL, else the embedded one, migrated first). Runs on the compiled dist/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  console.error('Usage: npm run migration:generate -- <Name>   (letters and digits)');
  process.exit(2);
}
const { loadConfig } = await import('../dist/src/config/config.js');
const { startEmbeddedPostgres } = await import('../dist/src/common/database/embedded-postgres.js');
const { dataSourceOptions, runMigrations } = await import('../dist/src/common/database/data-source.js');
const { ENTITIES } = await import('../dist/src/entities.js');
const { DataSource } = await import('typeorm');

const config = loadConfig();
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg') });
const url = config.databaseUrl ?? embedded.url;
try {
  const ds = await new DataSource(dataSourceOptions(url, ENTITIES)).initialize();
  await runMigrations(ds);
  await ds.destroy();
  const res = spawnSync(
    process.execPath,
    ['node_modules/typeorm/cli.js', 'migration:generate', '-d', 'dist/ormconfig.js', `migrations/${name}`],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
  );
  if (res.status === 0) console.log(`Now add the new class to MIGRATIONS in migrations/index.ts.`);
  process.exitCode = res.status ?? 1;
} finally {
  await embedded?.stop();
}
