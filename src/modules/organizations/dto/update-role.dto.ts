import { ApiPropertyOptional } from '@nestjs/swagger';
import { Omittable } from '../../../common/http/omittable.decorator.js';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PERMISSIONS, type Permission } from '../../../common/auth/permissions.js';
import { ROLE_NAME_PATTERN } from './create-role.dto.js';

export class UpdateRoleDto {
  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @Matches(ROLE_NAME_PATTERN, { message: 'name must be lower-case letters, digits, _ and - (max 50)' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ enum: PERMISSIONS, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(PERMISSIONS, { each: true })
  permissions?: Permission[];
}
