import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { Public } from '../../common/auth/public.decorator.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { ApiEventStream, streamState } from '../../common/http/sse.js';
import { Idempotent } from '../idempotency/idempotency.interceptor.js';
import { BackupDownloads } from './backup-downloads.service.js';
import { BackupsService } from './backups.service.js';
import { CreateBackupDto, ListBackupsQuery, UpdateBackupDto } from './dto/backup-input.dto.js';
import { BackupDownloadResponse, BackupPageResponse, BackupResponse } from './dto/backup-responses.dto.js';

const BackupParam = () => ApiParam({ name: 'backup_id', format: 'uuid' });

@ApiTags('backups')
@Controller({ path: 'backups', version: '1' })
export class BackupsController {
  constructor(
    private readonly backups: BackupsService,
    private readonly downloads: BackupDownloads,
  ) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('org.backup.create')
  @Idempotent()
  @ApiQuery({ name: 'organization_id', required: true, type: String, format: 'uuid' })
  @ApiAcceptedResponse({ type: BackupResponse })
  @ApiOperation({
    summary:
      'Start a backup of an environment (database dump + filestore archive + metadata.json); poll GET /backups/{backup_id}.',
  })
  create(@OrgAuth() auth: OrgAuthContext, @Body() dto: CreateBackupDto): Promise<BackupResponse> {
    return this.backups.create(auth, dto);
  }

  @Get('organization/:org_id/backups')
  @RequirePermission('org.backup.list')
  @ApiParam({ name: 'org_id', format: 'uuid' })
  @ApiOkResponse({ type: BackupPageResponse })
  @ApiOperation({ summary: "The organization's backups, newest first (cursor pagination)." })
  list(@OrgAuth() auth: OrgAuthContext, @Query() query: ListBackupsQuery): Promise<BackupPageResponse> {
    return this.backups.list(auth, query);
  }

  @Get('files/:token')
  @Public()
  @ApiParam({ name: 'token', description: 'The signed token of a download link.' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The whole part.',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({
    status: 206,
    description: 'The requested byte range (Range: bytes=start-end).',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 416, description: 'The range lies outside the part.' })
  @ApiOperation({
    summary:
      'Stream one part of a backup from FTP/SFTP/local storage through a signed link from GET /backups/{backup_id}/download (supports Range).',
  })
  async file(
    @Param('token') token: string,
    @Headers('range') range: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const part = await this.downloads.streamPart(token, range);
    await reply
      .status(part.status)
      .headers(part.headers)
      .send(part.body ?? '');
  }

  @Get(':backup_id/events')
  @RequirePermission('org.backup.list')
  @BackupParam()
  @ApiEventStream('backup', 'BackupResponse')
  @ApiOperation({
    summary:
      'Follow a backup live: its status, phase and bytes as Server-Sent Events, ending with its final state.',
  })
  async events(
    @OrgAuth() auth: OrgAuthContext,
    @Param('backup_id', ParseIdPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await streamState(req, reply, {
      load: () => this.backups.get(auth, id),
      isFinal: (b) => !['pending', 'running'].includes(b.status),
      fingerprint: (b) => `${b.status}/${b.phase}/${b.bytes_processed}`,
    });
  }

  @Get(':backup_id')
  @RequirePermission('org.backup.list')
  @BackupParam()
  @ApiOkResponse({ type: BackupResponse })
  @ApiOperation({ summary: 'One backup, with its status, phase and progress.' })
  get(@OrgAuth() auth: OrgAuthContext, @Param('backup_id', ParseIdPipe) id: string): Promise<BackupResponse> {
    return this.backups.get(auth, id);
  }

  @Patch(':backup_id')
  @RequirePermission('org.backup.delete')
  @BackupParam()
  @ApiOkResponse({ type: BackupResponse })
  @ApiOperation({
    summary: 'Protect a backup from retention and deletion (protected: true), or release it.',
  })
  update(
    @OrgAuth() auth: OrgAuthContext,
    @Param('backup_id', ParseIdPipe) id: string,
    @Body() dto: UpdateBackupDto,
  ): Promise<BackupResponse> {
    return this.backups.update(auth, id, dto);
  }

  @Delete(':backup_id')
  @ApiConflictResponse({ description: 'The backup is still running or queued: cancel it first.' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @RequirePermission('org.backup.delete')
  @BackupParam()
  @ApiOperation({
    summary:
      'Delete the stored objects, then the record. If the storage fails, 503 and the backup stays as delete_failed.',
  })
  async remove(@OrgAuth() auth: OrgAuthContext, @Param('backup_id', ParseIdPipe) id: string): Promise<void> {
    await this.backups.remove(auth, id);
  }

  @Post(':backup_id/cancel')
  @ApiConflictResponse({ description: 'The backup has already finished.' })
  @HttpCode(200)
  @RequirePermission('org.backup.create')
  @BackupParam()
  @ApiOkResponse({ type: BackupResponse })
  @ApiOperation({ summary: 'Cancel a pending or running backup; its partial objects are deleted.' })
  cancel(
    @OrgAuth() auth: OrgAuthContext,
    @Param('backup_id', ParseIdPipe) id: string,
  ): Promise<BackupResponse> {
    return this.backups.cancel(auth, id);
  }

  @Get(':backup_id/download')
  @ApiConflictResponse({ description: 'The backup is not completed.' })
  @RequirePermission('org.backup.download')
  @BackupParam()
  @ApiOkResponse({ type: BackupDownloadResponse })
  @ApiOperation({
    summary:
      'Download links for every part: presigned GET URLs valid 1 hour (S3 family), or signed Offsite links valid 15 minutes.',
  })
  download(
    @OrgAuth() auth: OrgAuthContext,
    @Param('backup_id', ParseIdPipe) id: string,
  ): Promise<BackupDownloadResponse> {
    return this.downloads.downloadLinks(auth, id);
  }
}
