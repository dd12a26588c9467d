import { Global, Module, type DynamicModule } from '@nestjs/common';

/**
 * The one source of "now" for anything that decides by time (schedules, retention, freshness,
 * probes, retries). Inject `Clock` instead of calling `new Date()`/`Date.now()` so tests can drive a
 * day or a year of schedules in seconds with a `FakeClock`.
 */
export abstract class Clock {
  abstract now(): Date;
  nowMs(): number {
    return this.now().getTime();
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that moves only when told to. For tests. */
export class FakeClock extends Clock {
  private ms: number;
  constructor(start: Date | string | number = Date.now()) {
    super();
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(at: Date | string | number): void {
    this.ms = new Date(at).getTime();
  }
  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }
}

@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
