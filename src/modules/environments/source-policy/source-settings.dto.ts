import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

export class SourceSettingsResponse {
  @ApiProperty({
    type: [String],
    example: ['/srv/filestores/{organization_slug}'],
    description:
      "Absolute directories under which organizations' own filestore paths must lie; {organization_id} / {organization_slug} confine each organization to its own subtree. Empty: organizations cannot name filestore paths.",
  })
  filestore_roots!: string[];

  @ApiProperty({
    description:
      "Organizations' own database hosts may be private, loopback or link-local addresses. Offsite's own database server is refused whatever this says.",
  })
  allow_private_sources!: boolean;

  @ApiProperty({
    type: [String],
    example: ['10.20.0.0/16'],
    description: "CIDR networks organizations' database hosts may use even when private sources are off.",
  })
  source_networks!: string[];
}

/** Partial update: omitted fields keep their value. */
export class UpdateSourceSettingsDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1024, { each: true })
  filestore_roots?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() allow_private_sources?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  source_networks?: string[];
}
