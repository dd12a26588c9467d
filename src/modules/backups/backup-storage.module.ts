import { Module } from '@nestjs/common';
import { StorageConfigsModule } from '../storage-configs/storage-configs.module.js';
import { BackupStorageResolver } from './backup-storage.resolver.js';

/**
 * The backup-storage choice on its own, so environments and schedules can validate a storage
 * choice without depending on the whole backups module (which depends on environments).
 */
@Module({
  imports: [StorageConfigsModule],
  providers: [BackupStorageResolver],
  exports: [BackupStorageResolver],
})
export class BackupStorageModule {}
