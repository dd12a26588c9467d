import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import {
  CreateNotificationChannelDto,
  UpdateNotificationChannelDto,
} from './dto/notification-channel-input.dto.js';
import {
  CreatedNotificationChannelResponse,
  NotificationChannelResponse,
  NotificationDeliveryResponse,
  WebhookSecretResponse,
} from './dto/notification-responses.dto.js';
import { NotificationChannelsService } from './notification-channels.service.js';

@ApiTags('notifications')
@Controller({ path: 'organizations/:org_id/notification-channels', version: '1' })
@ApiParam({ name: 'org_id', format: 'uuid' })
export class NotificationChannelsController {
  constructor(private readonly service: NotificationChannelsService) {}

  @Post()
  @RequirePermission('org.notification.manage')
  @ApiCreatedResponse({ type: CreatedNotificationChannelResponse })
  @ApiOperation({
    summary:
      'Create a webhook or e-mail channel. A webhook answer carries its signing secret, shown only here.',
  })
  create(
    @OrgAuth() auth: OrgAuthContext,
    @Body() dto: CreateNotificationChannelDto,
  ): Promise<CreatedNotificationChannelResponse> {
    return this.service.create(auth, dto);
  }

  @Get()
  @RequirePermission('org.notification.list')
  @ApiOkResponse({ type: [NotificationChannelResponse] })
  @ApiOperation({ summary: "The organization's notification channels." })
  list(@OrgAuth() auth: OrgAuthContext): Promise<NotificationChannelResponse[]> {
    return this.service.list(auth);
  }

  @Get(':channel_id')
  @RequirePermission('org.notification.list')
  @ApiOkResponse({ type: NotificationChannelResponse })
  @ApiOperation({ summary: 'One notification channel.' })
  get(
    @OrgAuth() auth: OrgAuthContext,
    @Param('channel_id', ParseUUIDPipe) id: string,
  ): Promise<NotificationChannelResponse> {
    return this.service.get(auth, id);
  }

  @Patch(':channel_id')
  @RequirePermission('org.notification.manage')
  @ApiOkResponse({ type: NotificationChannelResponse })
  @ApiOperation({ summary: 'Change name, URL or recipients, events, or enable/disable.' })
  update(
    @OrgAuth() auth: OrgAuthContext,
    @Param('channel_id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateNotificationChannelDto,
  ): Promise<NotificationChannelResponse> {
    return this.service.update(auth, id, dto);
  }

  @Delete(':channel_id')
  @HttpCode(204)
  @RequirePermission('org.notification.manage')
  @ApiOperation({ summary: 'Delete a channel and its delivery history.' })
  async remove(
    @OrgAuth() auth: OrgAuthContext,
    @Param('channel_id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.service.remove(auth, id);
  }

  @Post(':channel_id/test')
  @HttpCode(200)
  @RequirePermission('org.notification.manage')
  @ApiOkResponse({ type: NotificationDeliveryResponse })
  @ApiOperation({
    summary:
      'Send a `test` event now (one attempt, no retries) and report the delivery: status delivered or failed, response code, error.',
  })
  test(
    @OrgAuth() auth: OrgAuthContext,
    @Param('channel_id', ParseUUIDPipe) id: string,
  ): Promise<NotificationDeliveryResponse> {
    return this.service.test(auth, id);
  }

  @Post(':channel_id/rotate-secret')
  @HttpCode(200)
  @RequirePermission('org.notification.manage')
  @ApiOkResponse({ type: WebhookSecretResponse })
  @ApiOperation({ summary: 'Replace the webhook signing secret; the new one is shown only in this answer.' })
  rotateSecret(
    @OrgAuth() auth: OrgAuthContext,
    @Param('channel_id', ParseUUIDPipe) id: string,
  ): Promise<WebhookSecretResponse> {
    return this.service.rotateSecret(auth, id);
  }

  @Get(':channel_id/deliveries')
  @RequirePermission('org.notification.list')
  @ApiOkResponse({ type: [NotificationDeliveryResponse] })
  @ApiOperation({ summary: 'The last 100 deliveries of the channel, newest first.' })
  deliveries(
    @OrgAuth() auth: OrgAuthContext,
    @Param('channel_id', ParseUUIDPipe) id: string,
  ): Promise<NotificationDeliveryResponse[]> {
    return this.service.deliveries(auth, id);
  }
}
