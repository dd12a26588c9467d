import { ApiPropertyOptional } from '@nestjs/swagger';
import { Omittable } from '../../../common/http/omittable.decorator.js';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SLUG_PATTERN, trim } from './create-organization.dto.js';

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and dashes (max 63)' })
  slug?: string;
}
