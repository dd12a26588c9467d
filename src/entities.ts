import { Backup } from './modules/backups/backup.entity.js';
import { Environment } from './modules/environments/environment.entity.js';
import { AuditLogEntry } from './modules/audit/audit-log-entry.entity.js';
import { LoginFailure } from './modules/identity/login-failure.entity.js';
import { PasswordResetToken } from './modules/identity/password-reset-token.entity.js';
import { RevokedToken } from './modules/identity/revoked-token.entity.js';
import { User } from './modules/identity/user.entity.js';
import { Membership } from './modules/organizations/membership.entity.js';
import { Organization } from './modules/organizations/organization.entity.js';
import { Role } from './modules/organizations/role.entity.js';
import { StorageConfig } from './modules/storage-configs/storage-config.entity.js';
import { Restore } from './modules/restores/restore.entity.js';
import { Schedule, ScheduleRun } from './modules/schedules/schedule.entity.js';
import { BackupMigration, BackupMigrationItem } from './modules/backup-migrations/backup-migration.entity.js';
import { IdempotencyKey } from './modules/idempotency/idempotency-key.entity.js';
import { StorageHealthProbe } from './modules/storage-health/storage-health-probe.entity.js';
import { NotificationChannel } from './modules/notifications/notification-channel.entity.js';
import { NotificationEvent } from './modules/notifications/notification-event.entity.js';
import { NotificationDelivery } from './modules/notifications/notification-delivery.entity.js';
import { PlatformSetting } from './common/database/platform-setting.entity.js';

/**
 * Every TypeORM entity of the app, listed once, at the composition root (beside app.module.ts):
 * common/database takes the list as a parameter and never imports a feature module. The TypeORM
 * CLI (ormconfig.ts) has no Nest module graph to discover them.
 */
export const ENTITIES: (new () => object)[] = [
  PlatformSetting,
  User,
  LoginFailure,
  RevokedToken,
  PasswordResetToken,
  Organization,
  Role,
  Membership,
  AuditLogEntry,
  StorageConfig,
  Environment,
  Backup,
  Restore,
  Schedule,
  ScheduleRun,
  StorageHealthProbe,
  NotificationChannel,
  NotificationEvent,
  NotificationDelivery,
  BackupMigration,
  BackupMigrationItem,
  IdempotencyKey,
];
