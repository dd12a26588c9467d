import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { ApiEventStream, streamState } from '../../common/http/sse.js';
import { CreateRestoreDto, ListRestoresQuery, VerifyBackupDto } from './dto/restore-input.dto.js';
import { RestorePageResponse, RestoreResponse } from './dto/restore-responses.dto.js';
import { Idempotent } from '../idempotency/idempotency.interceptor.js';
import { RestoresService } from './restores.service.js';

const BackupParam = () => ApiParam({ name: 'backup_id', format: 'uuid' });
const RestoreParam = () => ApiParam({ name: 'restore_id', format: 'uuid' });

@ApiTags('restores')
@Controller({ version: '1' })
export class RestoresController {
  constructor(private readonly restores: RestoresService) {}

  @Post('backups/:backup_id/restore')
  @ApiConflictResponse({ description: 'The backup is not completed, or the into_empty target is not empty.' })
  @HttpCode(202)
  @RequirePermission('org.backup.restore')
  @Idempotent()
  @BackupParam()
  @ApiAcceptedResponse({ type: RestoreResponse })
  @ApiOperation({
    summary:
      'Restore a completed backup into an environment (default: its own). Loads into scratch copies, checks every byte against the manifest, then swaps; poll GET /restores/{restore_id}.',
  })
  restore(
    @OrgAuth() auth: OrgAuthContext,
    @Param('backup_id', ParseIdPipe) id: string,
    @Body() dto: CreateRestoreDto,
  ): Promise<RestoreResponse> {
    return this.restores.restore(auth, id, dto);
  }

  @Post('backups/:backup_id/verify')
  @ApiConflictResponse({ description: 'The backup is not completed.' })
  @HttpCode(202)
  @RequirePermission('org.backup.restore')
  @BackupParam()
  @ApiAcceptedResponse({ type: RestoreResponse })
  @ApiOperation({
    summary:
      "Verify a completed backup: re-read every part (size, sha256, decompression, archive framing); deep also loads the database into a scratch database. Sets the backup's verified_at / verification_status.",
  })
  verify(
    @OrgAuth() auth: OrgAuthContext,
    @Param('backup_id', ParseIdPipe) id: string,
    @Body() dto: VerifyBackupDto,
  ): Promise<RestoreResponse> {
    return this.restores.verify(auth, id, dto);
  }

  @Get('restores')
  @RequirePermission('org.backup.list')
  @ApiOkResponse({ type: RestorePageResponse })
  @ApiOperation({ summary: "The organization's restores and verifications, newest first." })
  list(@OrgAuth() auth: OrgAuthContext, @Query() query: ListRestoresQuery): Promise<RestorePageResponse> {
    return this.restores.list(auth, query);
  }

  @Get('restores/:restore_id/events')
  @RequirePermission('org.backup.list')
  @RestoreParam()
  @ApiEventStream('restore', 'RestoreResponse')
  @ApiOperation({
    summary:
      'Follow a restore or verification live: status, phase and bytes as Server-Sent Events, ending with its final state.',
  })
  async events(
    @OrgAuth() auth: OrgAuthContext,
    @Param('restore_id', ParseIdPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await streamState(req, reply, {
      load: () => this.restores.get(auth, id),
      isFinal: (r) => !['pending', 'running'].includes(r.status),
      fingerprint: (r) => `${r.status}/${r.phase}/${r.bytes_processed}`,
    });
  }

  @Get('restores/:restore_id')
  @RequirePermission('org.backup.list')
  @RestoreParam()
  @ApiOkResponse({ type: RestoreResponse })
  @ApiOperation({ summary: 'One restore or verification, with its status, phase and progress.' })
  get(
    @OrgAuth() auth: OrgAuthContext,
    @Param('restore_id', ParseIdPipe) id: string,
  ): Promise<RestoreResponse> {
    return this.restores.get(auth, id);
  }

  @Post('restores/:restore_id/cancel')
  @ApiConflictResponse({ description: 'The restore has already finished.' })
  @HttpCode(200)
  @RequirePermission('org.backup.restore')
  @RestoreParam()
  @ApiOkResponse({ type: RestoreResponse })
  @ApiOperation({
    summary: 'Cancel a pending or running restore or verification; the target is left as it was.',
  })
  cancel(
    @OrgAuth() auth: OrgAuthContext,
    @Param('restore_id', ParseIdPipe) id: string,
  ): Promise<RestoreResponse> {
    return this.restores.cancel(auth, id);
  }
}
