import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { NotificationChannelsController } from './notification-channels.controller.js';
import { NotificationChannelsRepository } from './notification-channels.repository.js';
import { NotificationChannelsService } from './notification-channels.service.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationOutbox } from './notification-outbox.service.js';
import { NotificationOutboxRepository } from './notification-outbox.repository.js';

@Module({
  imports: [AuditModule, StorageConfigsModule],
  controllers: [NotificationChannelsController],
  providers: [
    Transactions,
    NotificationChannelsRepository,
    NotificationOutboxRepository,
    NotificationOutbox,
    NotificationDeliveryService,
    NotificationChannelsService,
  ],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
