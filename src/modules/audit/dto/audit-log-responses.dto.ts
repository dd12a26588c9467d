import { PageResponse } from '../../../common/http/page-cursor.js';
import { ApiProperty } from '@nestjs/swagger';

export class AuditActor {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) user_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
}

export class AuditLogItem {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'member.add' }) action!: string;
  @ApiProperty({ example: 'membership' }) target_type!: string;
  @ApiProperty({ nullable: true, type: String }) target_id!: string | null;
  @ApiProperty({ type: AuditActor }) actor!: AuditActor;
  @ApiProperty({ nullable: true, type: Object, description: 'Changed fields, secrets redacted.' })
  diff!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) request_id!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class AuditLogPage extends PageResponse(AuditLogItem) {}
