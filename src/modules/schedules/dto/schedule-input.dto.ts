import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const keep = (what: string) =>
  ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: -1,
    maximum: 100000,
    description: `${what} -1 keeps all.`,
  });

/** restic forget semantics, evaluated in the schedule's time zone (docs/schedules.md). */
export class RetentionPolicyDto {
  @keep('The N newest backups.')
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(100000)
  keep_last?: number | null;

  @keep('The newest backup of each of the last N hours that have one.')
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(100000)
  keep_hourly?: number | null;

  @keep('The newest backup of each of the last N days that have one.')
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(100000)
  keep_daily?: number | null;

  @keep('The newest backup of each of the last N ISO weeks that have one.')
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(100000)
  keep_weekly?: number | null;

  @keep('The newest backup of each of the last N months that have one.')
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(100000)
  keep_monthly?: number | null;

  @keep('The newest backup of each of the last N years that have one.')
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(100000)
  keep_yearly?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2w3d',
    description:
      'Every backup within this duration of the newest one: digits with units y (years), m (months), w (weeks), d (days), h (hours).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  keep_within?: string | null;
}

export class CreateScheduleDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'nightly' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[^\n\r\t]+$/, { message: 'name must be one line' })
  name!: string;

  @ApiProperty({
    maxLength: 200,
    example: '30 2 * * *',
    description:
      'Five fields (minute hour day-of-month month day-of-week) with lists, ranges and steps, or @hourly, @daily, @midnight, @weekly, @monthly, @yearly.',
  })
  @IsString()
  @MaxLength(200)
  cron!: string;

  @ApiPropertyOptional({ default: 'UTC', example: 'Europe/Berlin', description: 'IANA time zone.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "Default: the environment's config, else the organization's default, else the platform's.",
  })
  @IsOptional()
  @IsUUID()
  storage_config_id?: string | null;

  @ApiPropertyOptional({ type: RetentionPolicyDto, nullable: true, description: 'Null: keep every backup.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RetentionPolicyDto)
  retention?: RetentionPolicyDto | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3600,
    default: 0,
    description: 'Each run starts up to this many seconds after its cron time (a fixed offset per schedule).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  jitter_seconds?: number;
}

export class UpdateScheduleDto extends PartialType(CreateScheduleDto) {}

export class NextRunsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}

export class ScheduleRunsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class RetentionPreviewDto {
  @ApiPropertyOptional({ type: RetentionPolicyDto, description: "A policy to try; default: the schedule's." })
  @IsOptional()
  @ValidateNested()
  @Type(() => RetentionPolicyDto)
  retention?: RetentionPolicyDto;
}
