import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { AdminStorageConfigsController } from './admin-storage-configs.controller.js';
import { StorageConfigsController } from './storage-configs.controller.js';
import { StorageConfigsRepository } from './storage-configs.repository.js';
import { StorageConfigsService } from './storage-configs.service.js';
import { StorageSettingsController } from './storage-settings.controller.js';
import { StorageSettingsService } from './storage-settings.service.js';

@Module({
  imports: [AuditModule, StorageModule],
  controllers: [StorageConfigsController, StorageSettingsController, AdminStorageConfigsController],
  providers: [Transactions, StorageConfigsRepository, StorageConfigsService, StorageSettingsService],
  exports: [StorageConfigsService, StorageSettingsService],
})
export class StorageConfigsModule {}
