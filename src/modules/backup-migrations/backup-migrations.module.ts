import { BackupsModule } from '../backups/backups.module.js';
import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { AdminBackupMigrationsController } from './admin-backup-migrations.controller.js';
import { BackupMigrationRunnerService } from './backup-migration-runner.service.js';
import { BackupMigrationsController } from './backup-migrations.controller.js';
import { BackupMigrationsRepository } from './backup-migrations.repository.js';
import { BackupMigrationsService } from './backup-migrations.service.js';

@Module({
  imports: [AuditModule, StorageConfigsModule, JobsModule, BackupsModule],
  controllers: [BackupMigrationsController, AdminBackupMigrationsController],
  providers: [
    Transactions,
    BackupMigrationsRepository,
    BackupMigrationsService,
    BackupMigrationRunnerService,
  ],
})
export class BackupMigrationsModule {}
