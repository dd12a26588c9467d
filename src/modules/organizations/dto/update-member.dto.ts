import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class UpdateMemberDto {
  @ApiProperty({ example: 'viewer', description: 'A built-in role or a custom role name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  role!: string;
}
