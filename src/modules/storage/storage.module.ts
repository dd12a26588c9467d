import { Module } from '@nestjs/common';
import { StorageDriverFactory } from './storage-driver.factory.js';

/**
 * Provides StorageDriverFactory. Platform driver options (allowInsecureEndpoints,
 * allowPrivateEndpoints, timeoutMs, …) can be supplied under STORAGE_DRIVER_OPTIONS by the importer.
 */
@Module({
  providers: [StorageDriverFactory],
  exports: [StorageDriverFactory],
})
export class StorageModule {}
