import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import {
  CreateScheduleDto,
  NextRunsQuery,
  RetentionPreviewDto,
  ScheduleRunsQuery,
  UpdateScheduleDto,
} from './dto/schedule-input.dto.js';
import {
  NextRunsResponse,
  RetentionPreviewResponse,
  ScheduleResponse,
  ScheduleRunResponse,
} from './dto/schedule-responses.dto.js';
import { SchedulesService } from './schedules.service.js';

const EnvParam = () => ApiParam({ name: 'environment_id', format: 'uuid' });
const ScheduleParam = () => ApiParam({ name: 'schedule_id', format: 'uuid' });

@ApiTags('schedules')
@Controller({ path: 'environments/:environment_id/schedules', version: '1' })
export class EnvironmentSchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post()
  @RequirePermission('org.schedule.manage')
  @EnvParam()
  @ApiCreatedResponse({ type: ScheduleResponse })
  @ApiOperation({
    summary: 'Schedule backups of an environment (cron in an IANA zone) with an optional retention policy.',
  })
  create(
    @OrgAuth() auth: OrgAuthContext,
    @Param('environment_id', ParseIdPipe) environmentId: string,
    @Body() dto: CreateScheduleDto,
  ): Promise<ScheduleResponse> {
    return this.schedules.create(auth, environmentId, dto);
  }

  @Get()
  @RequirePermission('org.schedule.list')
  @EnvParam()
  @ApiOkResponse({ type: [ScheduleResponse] })
  @ApiOperation({ summary: "The environment's schedules." })
  list(
    @OrgAuth() auth: OrgAuthContext,
    @Param('environment_id', ParseIdPipe) environmentId: string,
  ): Promise<ScheduleResponse[]> {
    return this.schedules.list(auth, environmentId);
  }
}

@ApiTags('schedules')
@Controller({ path: 'schedules', version: '1' })
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get(':schedule_id')
  @RequirePermission('org.schedule.list')
  @ScheduleParam()
  @ApiOkResponse({ type: ScheduleResponse })
  @ApiOperation({ summary: 'One schedule, with its next and last run.' })
  get(
    @OrgAuth() auth: OrgAuthContext,
    @Param('schedule_id', ParseIdPipe) id: string,
  ): Promise<ScheduleResponse> {
    return this.schedules.get(auth, id);
  }

  @Patch(':schedule_id')
  @RequirePermission('org.schedule.manage')
  @ScheduleParam()
  @ApiOkResponse({ type: ScheduleResponse })
  @ApiOperation({ summary: 'Change a schedule; disabling it stops future runs.' })
  update(
    @OrgAuth() auth: OrgAuthContext,
    @Param('schedule_id', ParseIdPipe) id: string,
    @Body() dto: UpdateScheduleDto,
  ): Promise<ScheduleResponse> {
    return this.schedules.update(auth, id, dto);
  }

  @Delete(':schedule_id')
  @HttpCode(204)
  @RequirePermission('org.schedule.manage')
  @ScheduleParam()
  @ApiOperation({ summary: 'Delete a schedule; its backups stay (kept until deleted by hand).' })
  async remove(
    @OrgAuth() auth: OrgAuthContext,
    @Param('schedule_id', ParseIdPipe) id: string,
  ): Promise<void> {
    await this.schedules.remove(auth, id);
  }

  @Get(':schedule_id/next-runs')
  @RequirePermission('org.schedule.list')
  @ScheduleParam()
  @ApiOkResponse({ type: NextRunsResponse })
  @ApiOperation({ summary: "The next run times, in UTC and in the schedule's zone." })
  nextRuns(
    @OrgAuth() auth: OrgAuthContext,
    @Param('schedule_id', ParseIdPipe) id: string,
    @Query() q: NextRunsQuery,
  ): Promise<NextRunsResponse> {
    return this.schedules.nextRuns(auth, id, q.count ?? 5);
  }

  @Get(':schedule_id/runs')
  @RequirePermission('org.schedule.list')
  @ScheduleParam()
  @ApiOkResponse({ type: [ScheduleRunResponse] })
  @ApiOperation({
    summary: 'Recent runs, newest first: started, skipped (with the reason) or failed, and missed times.',
  })
  runs(
    @OrgAuth() auth: OrgAuthContext,
    @Param('schedule_id', ParseIdPipe) id: string,
    @Query() q: ScheduleRunsQuery,
  ): Promise<ScheduleRunResponse[]> {
    return this.schedules.runs(auth, id, q.limit ?? 50);
  }

  @Post(':schedule_id/retention/preview')
  @HttpCode(200)
  @RequirePermission('org.schedule.list')
  @ScheduleParam()
  @ApiOkResponse({ type: RetentionPreviewResponse })
  @ApiOperation({
    summary:
      "What retention would keep and delete, with the reasons, for the given policy or the schedule's own; deletes nothing.",
  })
  preview(
    @OrgAuth() auth: OrgAuthContext,
    @Param('schedule_id', ParseIdPipe) id: string,
    @Body() dto: RetentionPreviewDto,
  ): Promise<RetentionPreviewResponse> {
    return this.schedules.preview(auth, id, dto);
  }
}
