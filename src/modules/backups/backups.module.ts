import { Module } from '@nestjs/common';
import { BackupStorageModule } from './backup-storage.module.js';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { EnvironmentsModule } from '../environments/environments.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StorageHealthModule } from '../storage-health/storage-health.module.js';
import { BackupRunnerService } from './backup-runner.service.js';
import { BackupWriter } from './backup-writer.service.js';
import { BackupsController } from './backups.controller.js';
import { BackupsRepository } from './backups.repository.js';
import { BackupDownloads } from './backup-downloads.service.js';
import { BackupsService } from './backups.service.js';

@Module({
  imports: [
    BackupStorageModule,
    AuditModule,
    StorageConfigsModule,
    EnvironmentsModule,
    NotificationsModule,
    StorageHealthModule,
    IdempotencyModule,
    JobsModule,
  ],
  controllers: [BackupsController],
  providers: [
    Transactions,
    BackupsRepository,
    BackupsService,
    BackupDownloads,
    BackupRunnerService,
    BackupWriter,
  ],
  exports: [BackupsRepository, BackupsService, BackupRunnerService],
})
export class BackupsModule {}
