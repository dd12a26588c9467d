import { PageResponse } from '../../../common/http/page-cursor.js';
import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS } from '../../../common/auth/permissions.js';

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class MyOrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ description: 'The caller’s role in the organization.' }) role!: string;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) user_id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ format: 'date-time' }) joined_at!: string;
}

export class MemberPage extends PageResponse(MemberResponse) {}

export class RoleResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for built-in roles.' })
  id!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty() built_in!: boolean;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: string[];
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() is_platform_admin!: boolean;
  @ApiProperty({ type: [MyOrganizationResponse] }) organizations!: MyOrganizationResponse[];
}
