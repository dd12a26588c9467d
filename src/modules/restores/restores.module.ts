import { BackupsModule } from '../backups/backups.module.js';
import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EnvironmentsModule } from '../environments/environments.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { PgLoader } from './pg-loader.service.js';
import { RestorePartReader } from './restore-part-reader.service.js';
import { RestoreRunnerService } from './restore-runner.service.js';
import { RestoreSwap } from './restore-swap.service.js';
import { RestoresController } from './restores.controller.js';
import { RestoresRepository } from './restores.repository.js';
import { RestoresService } from './restores.service.js';

@Module({
  imports: [
    AuditModule,
    StorageConfigsModule,
    EnvironmentsModule,
    NotificationsModule,
    IdempotencyModule,
    JobsModule,
    BackupsModule,
  ],
  controllers: [RestoresController],
  providers: [
    Transactions,
    RestoresRepository,
    RestoresService,
    RestoreRunnerService,
    RestorePartReader,
    RestoreSwap,
    PgLoader,
  ],
})
export class RestoresModule {}
