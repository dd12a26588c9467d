import { Module } from '@nestjs/common';
import { Transactions } from '../../common/database/transactions.js';
import { AuditModule } from '../audit/audit.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { AdminStorageConfigsController } from './admin-storage-configs.controller.js';
import { ConnectionTestRateLimit } from './connection-test-rate-limit.js';
import { StorageConfigAudit } from './storage-config-audit.js';
import { StorageConfigPolicy } from './storage-config-policy.service.js';
import { StorageConfigTargets } from './storage-config-targets.js';
import { StorageConfigsController } from './storage-configs.controller.js';
import { StorageConfigsRepository } from './storage-configs.repository.js';
import { StorageConfigsService } from './storage-configs.service.js';
import { StorageConnectionsService } from './storage-connections.service.js';
import { StorageCredentialRotation } from './storage-credential-rotation.service.js';
import { StorageSettingsController } from './storage-settings.controller.js';
import { StorageSettingsService } from './storage-settings.service.js';

@Module({
  imports: [AuditModule, StorageModule],
  controllers: [StorageConfigsController, StorageSettingsController, AdminStorageConfigsController],
  providers: [
    Transactions,
    StorageConfigsRepository,
    StorageConfigsService,
    StorageConnectionsService,
    StorageCredentialRotation,
    StorageConfigPolicy,
    StorageConfigTargets,
    StorageConfigAudit,
    ConnectionTestRateLimit,
    StorageSettingsService,
  ],
  exports: [
    StorageConfigsService,
    StorageConnectionsService,
    StorageCredentialRotation,
    StorageSettingsService,
    StorageConfigsRepository,
  ],
})
export class StorageConfigsModule {}
