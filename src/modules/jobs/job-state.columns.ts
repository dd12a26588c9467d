import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

/**
 * The columns every job table carries for the job runner: attempts, the last error, the cancel
 * request, the heartbeat that tells a live worker from a dead one, and the clock. A job kind's
 * entity extends this (or JobProgressColumns) and adds its own status, phase and payload columns.
 */
export abstract class JobStateColumns {
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'cancel_requested_at', type: 'timestamptz', nullable: true })
  cancelRequestedAt!: Date | null;

  /** Refreshed by the running worker; a stale value means the worker is gone. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Jobs that report bytes as they go and record how long they took (backups, restores). */
export abstract class JobProgressColumns extends JobStateColumns {
  @Column({ name: 'bytes_processed', type: 'bigint', default: 0, transformer: bigintAsNumber })
  bytesProcessed!: number;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;
}
