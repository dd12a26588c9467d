import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { EnvironmentsController } from './environments.controller.js';
import { EnvironmentsRepository } from './environments.repository.js';
import { EnvironmentsService } from './environments.service.js';
import { FilestoreReader } from './filestore.service.js';
import { PgTools } from './pg-tools.service.js';

@Module({
  imports: [AuditModule, StorageConfigsModule],
  controllers: [EnvironmentsController],
  providers: [Transactions, EnvironmentsRepository, EnvironmentsService, PgTools, FilestoreReader],
  exports: [EnvironmentsService, PgTools, FilestoreReader],
})
export class EnvironmentsModule {}
