import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/common/database/data-source.js';
import { ENTITIES } from './src/entities.js';
import { loadConfig } from './src/config/config.js';

/**
 * The DataSource for the TypeORM CLI (migration:generate / migration:run / migration:revert).
 * The app builds its connection from the same dataSourceOptions(). Needs DATABASE_URL;
 * `npm run migration:generate` starts the embedded PostgreSQL and sets it when unset.
 */
const config = loadConfig();
if (!config.databaseUrl) {
  throw new Error(
    'ormconfig.ts: set DATABASE_URL (npm run migration:generate sets it for the embedded database).',
  );
}
export default new DataSource(dataSourceOptions(config.databaseUrl, ENTITIES));
