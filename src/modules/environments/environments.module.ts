import { Module } from '@nestjs/common';
import { BackupStorageModule } from '../backups/backup-storage.module.js';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { AdminEnvironmentsController } from './admin-environments.controller.js';
import { EnvironmentsController } from './environments.controller.js';
import { EnvironmentsRepository } from './environments.repository.js';
import { EnvironmentCheck } from './environment-check.service.js';
import { EnvironmentsService } from './environments.service.js';
import { FilestoreReader } from './filestore.service.js';
import { PgTools } from './pg-tools.service.js';
import { AdminSourceSettingsController } from './source-policy/admin-source-settings.controller.js';
import { SourcePolicy } from './source-policy/source-policy.service.js';
import { SourceSettingsService } from './source-policy/source-settings.service.js';

@Module({
  imports: [BackupStorageModule, AuditModule, StorageConfigsModule],
  controllers: [EnvironmentsController, AdminEnvironmentsController, AdminSourceSettingsController],
  providers: [
    Transactions,
    EnvironmentsRepository,
    EnvironmentsService,
    EnvironmentCheck,
    PgTools,
    FilestoreReader,
    SourceSettingsService,
    SourcePolicy,
  ],
  exports: [EnvironmentsService, PgTools, FilestoreReader],
})
export class EnvironmentsModule {}
