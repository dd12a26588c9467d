import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { BackupHealthController } from './backup-health.controller.js';
import { BackupHealthRepository } from './backup-health.repository.js';
import { BackupHealthService } from './backup-health.service.js';

@Module({
  imports: [StorageConfigsModule, NotificationsModule],
  controllers: [BackupHealthController],
  providers: [Transactions, BackupHealthRepository, BackupHealthService],
})
export class BackupHealthModule {}
