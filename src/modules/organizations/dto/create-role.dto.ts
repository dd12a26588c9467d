import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PERMISSIONS, type Permission } from '../../../common/auth/permissions.js';

export const ROLE_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,49}$/;

export class CreateRoleDto {
  @ApiProperty({ example: 'auditor', description: 'Lower-case; cannot be a built-in role name.' })
  @IsString()
  @Matches(ROLE_NAME_PATTERN, { message: 'name must be lower-case letters, digits, _ and - (max 50)' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(PERMISSIONS, { each: true })
  permissions!: Permission[];
}
