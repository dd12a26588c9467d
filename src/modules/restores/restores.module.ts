import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EnvironmentsModule } from '../environments/environments.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { PgLoader } from './pg-loader.service.js';
import { RestoreRunnerService } from './restore-runner.service.js';
import { RestoresController } from './restores.controller.js';
import { RestoresRepository } from './restores.repository.js';
import { RestoresService } from './restores.service.js';

@Module({
  imports: [AuditModule, StorageConfigsModule, EnvironmentsModule, NotificationsModule, IdempotencyModule],
  controllers: [RestoresController],
  providers: [Transactions, RestoresRepository, RestoresService, RestoreRunnerService, PgLoader],
})
export class RestoresModule {}
