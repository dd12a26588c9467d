import { Module } from '@nestjs/common';
import { BackupStorageModule } from '../backups/backup-storage.module.js';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BackupsModule } from '../backups/backups.module.js';
import { EnvironmentsModule } from '../environments/environments.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { RetentionService } from './retention.service.js';
import { SchedulerService } from './scheduler.service.js';
import {
  EnvironmentRetentionController,
  EnvironmentSchedulesController,
  SchedulesController,
} from './schedules.controller.js';
import { SchedulesRepository } from './schedules.repository.js';
import { SchedulesService } from './schedules.service.js';

@Module({
  imports: [
    BackupStorageModule,
    AuditModule,
    BackupsModule,
    EnvironmentsModule,
    StorageConfigsModule,
    NotificationsModule,
  ],
  controllers: [EnvironmentSchedulesController, EnvironmentRetentionController, SchedulesController],
  providers: [Transactions, SchedulesRepository, SchedulesService, SchedulerService, RetentionService],
})
export class SchedulesModule {}
