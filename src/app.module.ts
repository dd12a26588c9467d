import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './common/auth/access.guard.js';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseModule } from './common/database/database.module.js';
import { ENTITIES } from './entities.js';
import { loggerParams } from './common/logging/logging.js';
import { QueueModule } from './common/queue/queue.module.js';
import { Clock, ClockModule } from './common/clock/clock.js';
import { MailModule } from './common/mail/mail.module.js';
import { AppConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { HealthModule } from './modules/health/health.module.js';
import { AuthModule } from './common/auth/auth.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { CryptoModule } from './common/crypto/crypto.module.js';
import { StorageConfigsModule } from './modules/storage-configs/storage-configs.module.js';
import { EnvironmentsModule } from './modules/environments/environments.module.js';
import { BackupsModule } from './modules/backups/backups.module.js';
import { RestoresModule } from './modules/restores/restores.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { StorageHealthModule } from './modules/storage-health/storage-health.module.js';
import { BackupHealthModule } from './modules/backup-health/backup-health.module.js';
import { SchedulesModule } from './modules/schedules/schedules.module.js';
import { BackupMigrationsModule } from './modules/backup-migrations/backup-migrations.module.js';

/** What tests may swap in; production passes nothing. */
export interface AppOverrides {
  clock?: Clock;
}

@Module({})
export class AppModule {
  /** databaseUrl: DATABASE_URL or the embedded server's URL, resolved by the entry point. */
  static forRoot(config: AppConfig, databaseUrl: string, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(databaseUrl, config, ENTITIES),
        QueueModule,
        ClockModule.forRoot(overrides.clock),
        MailModule,
        MetricsModule,
        HealthModule,
        AuthModule,
        IdentityModule,
        OrganizationsModule,
        AuditModule,
        CryptoModule,
        StorageConfigsModule,
        EnvironmentsModule,
        BackupsModule,
        RestoresModule,
        NotificationsModule,
        StorageHealthModule,
        BackupHealthModule,
        SchedulesModule,
        BackupMigrationsModule,
      ],
      // The global guard lives here, beside the modules that implement its ports (common/auth).
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
