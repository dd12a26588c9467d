import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { AdminStorageHealthController, StorageHealthController } from './storage-health.controller.js';
import { StorageHealthRepository } from './storage-health.repository.js';
import { StorageHealthService } from './storage-health.service.js';

@Module({
  imports: [StorageConfigsModule, NotificationsModule],
  controllers: [StorageHealthController, AdminStorageHealthController],
  providers: [Transactions, StorageHealthRepository, StorageHealthService],
  exports: [StorageHealthService],
})
export class StorageHealthModule {}
