import { Init1763780000000 } from './1763780000000-Init.js';
import { Identity1763790000000 } from './1763790000000-Identity.js';
import { StorageConfigs1763800000000 } from './1763800000000-StorageConfigs.js';
import { Backups1763810000000 } from './1763810000000-Backups.js';
import { Restores1763820000000 } from './1763820000000-Restores.js';
import { RevokedTokens1763830000000 } from './1763830000000-RevokedTokens.js';
import { AccountSecurity1763840000000 } from './1763840000000-AccountSecurity.js';
import { ManagedEnvironments1763850000000 } from './1763850000000-ManagedEnvironments.js';
import { Schedules1764000000000 } from './1764000000000-Schedules.js';
import { EnvironmentRetention1764000100000 } from './1764000100000-EnvironmentRetention.js';
import { HealthNotifications1764100000000 } from './1764100000000-HealthNotifications.js';
import { EnvironmentFreshness1764110000000 } from './1764110000000-EnvironmentFreshness.js';
import { BackupMigrations1764200000000 } from './1764200000000-BackupMigrations.js';
import { IdempotencyKeys1764300000000 } from './1764300000000-IdempotencyKeys.js';
import { AuditLogPageIndex1764400000000 } from './1764400000000-AuditLogPageIndex.js';

/** Every migration, in order. `npm run migration:generate -- Name` writes a file here; add its class to this list. */
export const MIGRATIONS: (new () => object)[] = [
  Init1763780000000,
  Identity1763790000000,
  StorageConfigs1763800000000,
  Backups1763810000000,
  Restores1763820000000,
  RevokedTokens1763830000000,
  AccountSecurity1763840000000,
  ManagedEnvironments1763850000000,
  Schedules1764000000000,
  EnvironmentRetention1764000100000,
  HealthNotifications1764100000000,
  EnvironmentFreshness1764110000000,
  BackupMigrations1764200000000,
  IdempotencyKeys1764300000000,
  AuditLogPageIndex1764400000000,
];
