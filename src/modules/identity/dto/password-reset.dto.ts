import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the reset link.', writeOnly: true, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 12, maxLength: 256, writeOnly: true, example: 'correct horse battery staple' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  new_password!: string;
}

export class PasswordResetAcceptedResponse {
  @ApiProperty({
    description:
      'Always the same, whether or not the address belongs to an account: if it does, a reset link valid for 30 minutes is on its way.',
  })
  detail!: string;
}
