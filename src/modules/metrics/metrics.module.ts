import { Global, Module } from '@nestjs/common';
import { MetricsPortServer } from './metrics-port.server.js';
import { MetricsService } from './metrics.service.js';

/** Global: the backup, restore, probe and delivery code records into the one registry of the process. */
@Global()
@Module({ providers: [MetricsService, MetricsPortServer], exports: [MetricsService] })
export class MetricsModule {}
