import { PageResponse } from '../../../common/http/page-cursor.js';
import { ApiProperty } from '@nestjs/swagger';
import { COMPRESSIONS, DUMP_FORMATS, SSL_MODES } from '../environment.entity.js';

export class DatabaseResponse {
  @ApiProperty() host!: string;
  @ApiProperty() port!: number;
  @ApiProperty() name!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: SSL_MODES }) sslmode!: string;
  @ApiProperty({ description: 'Whether a password is stored (it is never returned).' })
  has_password!: boolean;
}

export class EnvironmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organization_id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: DatabaseResponse }) database!: DatabaseResponse;
  @ApiProperty({ type: String, nullable: true }) filestore_path!: string | null;
  @ApiProperty({
    description:
      'Created by a platform administrator: the organization may back it up, restore it and choose its storage, but not change its database connection or filestore path.',
  })
  managed!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) storage_config_id!: string | null;
  @ApiProperty({ enum: DUMP_FORMATS }) dump_format!: string;
  @ApiProperty({ enum: COMPRESSIONS }) compression!: string;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class EnvironmentDatabaseCheck {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'The login succeeded.' }) can_login!: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'The database exists (null: unknown, the server was not reached).',
  })
  exists!: boolean | null;
  @ApiProperty({
    description:
      'A restore with mode into_empty may target it: the server answered and the database is missing or reachable.',
  })
  restorable_into!: boolean;
  @ApiProperty({ type: String, nullable: true }) server_version!: string | null;
  @ApiProperty({ type: String, nullable: true }) error_code!: string | null;
  @ApiProperty() message!: string;
}

export class EnvironmentPgDumpCheck {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: String, nullable: true }) path!: string | null;
  @ApiProperty({ type: String, nullable: true }) version!: string | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'At least the server major version (null: server unknown).',
  })
  compatible!: boolean | null;
  @ApiProperty() message!: string;
}

export class EnvironmentFilestoreCheck {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: String, nullable: true }) path!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The directory exists (null: no filestore).' })
  exists!: boolean | null;
  @ApiProperty() readable!: boolean;
  @ApiProperty({ type: Number, nullable: true }) file_count!: number | null;
  @ApiProperty({ type: Number, nullable: true }) total_bytes!: number | null;
  @ApiProperty() message!: string;
}

export class EnvironmentTestResponse {
  @ApiProperty({
    description:
      'Nothing is broken. A missing database or directory is not broken (into_empty restores create them): see backup_ready.',
  })
  success!: boolean;
  @ApiProperty({ description: 'A backup would run: success, and the database and filestore exist.' })
  backup_ready!: boolean;
  @ApiProperty({ type: EnvironmentDatabaseCheck }) database!: EnvironmentDatabaseCheck;
  @ApiProperty({ type: EnvironmentPgDumpCheck }) pg_dump!: EnvironmentPgDumpCheck;
  @ApiProperty({ type: EnvironmentFilestoreCheck }) filestore!: EnvironmentFilestoreCheck;
}

export class EnvironmentPage extends PageResponse(EnvironmentResponse) {}
