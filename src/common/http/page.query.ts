import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const PAGE_LIMIT_DEFAULT = 50;
/** Above it a request is refused (400) rather than clamped, so a client never mistakes a short page for the end. */
export const PAGE_LIMIT_MAX = 200;

/**
 * `?limit=&cursor=`: the one pagination of every list. Rows come newest first (created_at desc, id
 * desc); `cursor` is the `next_cursor` of the previous page, opaque to clients.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  limit?: number;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'The next_cursor of the previous page; omit for the first page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a next_cursor value' })
  cursor?: string;
}

/** `?organization_id=&limit=&cursor=`: a page of an organization's list. Lists add their filters. */
export class OrgPageQuery extends PageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organization_id!: string;
}
