import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from './create-organization.dto.js';

export class AddMemberDto {
  @ApiProperty({ description: 'Email of a registered user.' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    example: 'operator',
    description: 'A built-in role (owner, admin, operator, viewer) or a custom role name.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  role!: string;
}
