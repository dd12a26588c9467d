import type { EnvironmentResponse } from './dto/environment-responses.dto.js';
import type { Environment } from './environment.entity.js';

/** The only way an environment leaves the service: the password becomes has_password. */
export function toEnvironmentResponse(e: Environment): EnvironmentResponse {
  return {
    id: e.id,
    organization_id: e.organizationId,
    name: e.name,
    database: {
      host: e.dbHost,
      port: e.dbPort,
      name: e.dbName,
      username: e.dbUsername,
      sslmode: e.dbSslmode,
      has_password: e.hasPassword,
    },
    filestore_path: e.filestorePath,
    managed: e.managed,
    storage_config_id: e.storageConfigId,
    dump_format: e.dumpFormat,
    compression: e.compression,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}
