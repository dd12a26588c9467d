import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { BackupsModule } from '../backups/backups.module.js';
import { EnvironmentsModule } from '../environments/environments.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { RetentionService } from './retention.service.js';
import { SchedulerService } from './scheduler.service.js';
import { EnvironmentSchedulesController, SchedulesController } from './schedules.controller.js';
import { SchedulesRepository } from './schedules.repository.js';
import { SchedulesService } from './schedules.service.js';

@Module({
  imports: [AuditModule, BackupsModule, EnvironmentsModule, StorageConfigsModule],
  controllers: [EnvironmentSchedulesController, SchedulesController],
  providers: [Transactions, SchedulesRepository, SchedulesService, SchedulerService, RetentionService],
})
export class SchedulesModule {}
