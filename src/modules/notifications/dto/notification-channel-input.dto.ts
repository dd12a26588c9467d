import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Omittable } from '../../../common/http/omittable.decorator.js';
import { CHANNEL_KINDS, type ChannelKind } from '../notification-channel.entity.js';
import { EVENT_TYPES, type EventType } from '../notification-events.js';

const trim = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateNotificationChannelDto {
  @ApiProperty({ example: 'Ops webhook' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: CHANNEL_KINDS })
  @IsIn(CHANNEL_KINDS)
  kind!: ChannelKind;

  @ApiPropertyOptional({
    example: 'https://hooks.example.com/offsite',
    description:
      'webhook only (required): an https:// URL on a public host (the storage endpoint rules apply, checked at save and at each delivery).',
  })
  @ValidateIf((o: CreateNotificationChannelDto) => o.kind === 'webhook' || o.url !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['ops@example.com'],
    description: 'email only (required): 1 to 10 recipients.',
  })
  @ValidateIf((o: CreateNotificationChannelDto) => o.kind === 'email' || o.recipients !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  recipients?: string[];

  @ApiPropertyOptional({
    enum: EVENT_TYPES,
    isArray: true,
    description:
      'The events this channel receives. Default: all except backup.completed and retention.deleted.',
  })
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true })
  events?: EventType[];

  @ApiPropertyOptional({ default: true })
  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateNotificationChannelDto {
  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ description: 'webhook only.' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ type: [String], description: 'email only.' })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  recipients?: string[];

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true })
  events?: EventType[];

  @ApiPropertyOptional({ description: 'true also re-enables a channel the platform disabled (410 Gone).' })
  @Omittable()
  @IsBoolean()
  enabled?: boolean;
}
