import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { OrgAuthContext } from '../../common/auth/auth-context.js';
import { ResourceOrgResolvers } from '../../common/auth/resource-org-resolvers.js';
import { Clock } from '../../common/clock/clock.js';
import { CredentialsCipher } from '../../common/crypto/credentials-cipher.js';
import { Transactions } from '../../common/database/transactions.js';
import { DomainError, notFound, type FieldError } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { StorageConfigsService } from '../storage-configs/storage-configs.service.js';
import type {
  CreateNotificationChannelDto,
  UpdateNotificationChannelDto,
} from './dto/notification-channel-input.dto.js';
import type {
  CreatedNotificationChannelResponse,
  NotificationChannelResponse,
  NotificationDeliveryResponse,
  WebhookSecretResponse,
} from './dto/notification-responses.dto.js';
import { EmailSender } from '../../common/mail/email-sender.js';
import { NotificationChannel } from './notification-channel.entity.js';
import { NotificationChannelsRepository } from './notification-channels.repository.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { DEFAULT_EVENTS, type EventBody } from './notification-events.js';
import { NotificationOutboxRepository } from './notification-outbox.repository.js';
import { toChannelResponse, toDeliveryResponse } from './notifications.mapper.js';
import { webhookUrlProblems } from './webhook-sender.js';

const MAX_CHANNELS = 50;
const DELIVERIES_SHOWN = 100;

/** Channels of an organization: validation (the endpoint rules for URLs), secrets, tests. */
@Injectable()
export class NotificationChannelsService implements OnModuleInit {
  constructor(
    private readonly channels: NotificationChannelsRepository,
    private readonly outbox: NotificationOutboxRepository,
    private readonly delivery: NotificationDeliveryService,
    private readonly email: EmailSender,
    private readonly storageConfigs: StorageConfigsService,
    private readonly cipher: CredentialsCipher,
    private readonly audit: AuditService,
    private readonly resolvers: ResourceOrgResolvers,
    private readonly clock: Clock,
    private readonly tx: Transactions,
  ) {}

  onModuleInit(): void {
    this.resolvers.register('channel_id', (id) => this.channels.findOrganizationId(id));
  }

  async list(auth: OrgAuthContext): Promise<NotificationChannelResponse[]> {
    return (await this.channels.list(auth.organizationId)).map(toChannelResponse);
  }

  async get(auth: OrgAuthContext, id: string): Promise<NotificationChannelResponse> {
    return toChannelResponse(await this.require(auth.organizationId, id));
  }

  async create(
    auth: OrgAuthContext,
    dto: CreateNotificationChannelDto,
  ): Promise<CreatedNotificationChannelResponse> {
    const orgId = auth.organizationId;
    await this.validateTarget(dto.kind, dto.url, dto.recipients);
    const id = randomUUID();
    const secret = dto.kind === 'webhook' ? newSecret() : null;
    const channel = Object.assign(new NotificationChannel(), {
      id,
      organizationId: orgId,
      name: dto.name,
      kind: dto.kind,
      url: dto.kind === 'webhook' ? dto.url! : null,
      recipients: dto.kind === 'email' ? normalizeRecipients(dto.recipients!) : null,
      events: dto.events ?? DEFAULT_EVENTS,
      enabled: dto.enabled ?? true,
      disabledReason: null,
      secretEnc: secret ? this.cipher.encrypt(secret, id) : null,
      secretRotatedAt: null,
    });
    const created = await this.tx.run(async () => {
      await this.tx
        .manager()
        .query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notification_channels:${orgId}`]);
      if ((await this.channels.count(orgId)) >= MAX_CHANNELS) {
        throw new DomainError(
          'conflict',
          `An organization can have at most ${MAX_CHANNELS} notification channels.`,
        );
      }
      await this.channels.insert(channel);
      await this.audit.record(auth, {
        action: 'notification_channel.create',
        targetType: 'notification_channel',
        targetId: id,
        diff: {
          name: channel.name,
          kind: channel.kind,
          url: channel.url,
          recipients: channel.recipients,
          events: channel.events,
        },
      });
      return (await this.channels.findById(orgId, id))!;
    });
    return { ...toChannelResponse(created), secret };
  }

  async update(
    auth: OrgAuthContext,
    id: string,
    dto: UpdateNotificationChannelDto,
  ): Promise<NotificationChannelResponse> {
    const orgId = auth.organizationId;
    const current = await this.require(orgId, id);
    if (dto.url !== undefined && current.kind !== 'webhook')
      throw invalid([{ field: 'url', messages: ['url applies to webhook channels only'] }]);
    if (dto.recipients !== undefined && current.kind !== 'email')
      throw invalid([{ field: 'recipients', messages: ['recipients applies to email channels only'] }]);
    if (dto.url !== undefined) await this.validateTarget('webhook', dto.url, undefined);
    const changes: Partial<NotificationChannel> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.url !== undefined) changes.url = dto.url;
    if (dto.recipients !== undefined) changes.recipients = normalizeRecipients(dto.recipients);
    if (dto.events !== undefined) changes.events = dto.events;
    if (dto.enabled !== undefined) {
      changes.enabled = dto.enabled;
      if (dto.enabled) changes.disabledReason = null;
    }
    const updated = await this.tx.run(async () => {
      await this.channels.update(orgId, id, changes);
      await this.audit.record(auth, {
        action: 'notification_channel.update',
        targetType: 'notification_channel',
        targetId: id,
        diff: { ...dto },
      });
      return (await this.channels.findById(orgId, id))!;
    });
    return toChannelResponse(updated);
  }

  async remove(auth: OrgAuthContext, id: string): Promise<void> {
    const orgId = auth.organizationId;
    const current = await this.require(orgId, id);
    await this.tx.run(async () => {
      await this.channels.delete(orgId, id);
      await this.audit.record(auth, {
        action: 'notification_channel.delete',
        targetType: 'notification_channel',
        targetId: id,
        diff: { name: current.name, kind: current.kind },
      });
    });
  }

  async rotateSecret(auth: OrgAuthContext, id: string): Promise<WebhookSecretResponse> {
    const orgId = auth.organizationId;
    const current = await this.require(orgId, id);
    if (current.kind !== 'webhook')
      throw new DomainError('bad_request', 'Only webhook channels have a signing secret.');
    const secret = newSecret();
    const at = this.clock.now();
    await this.tx.run(async () => {
      await this.channels.update(orgId, id, {
        secretEnc: this.cipher.encrypt(secret, id),
        secretRotatedAt: at,
      });
      await this.audit.record(auth, {
        action: 'notification_channel.rotate_secret',
        targetType: 'notification_channel',
        targetId: id,
        diff: { secret: '[rotated]' },
      });
    });
    return { secret, secret_rotated_at: at.toISOString() };
  }

  /** Sends a `test` event to the channel now (one attempt, no retries) and reports the delivery. */
  async test(auth: OrgAuthContext, id: string): Promise<NotificationDeliveryResponse> {
    const orgId = auth.organizationId;
    const channel = await this.require(orgId, id);
    if (!channel.enabled) {
      throw new DomainError(
        'bad_request',
        'The channel is disabled; enable it (PATCH enabled: true) to test it.',
      );
    }
    const now = this.clock.now();
    const body: EventBody = {
      id: randomUUID(),
      type: 'test',
      created_at: now.toISOString(),
      organization_id: orgId,
      data: {
        channel: { id: channel.id, name: channel.name, kind: channel.kind },
        requested_by: auth.userId,
      },
    };
    const d = this.delivery.newDelivery(channel, body, null, now);
    await this.outbox.insertDelivery(d);
    const done = await this.delivery.attempt(orgId, d.id, 1, false);
    return toDeliveryResponse(done ?? (await this.outbox.findDelivery(orgId, d.id))!);
  }

  async deliveries(auth: OrgAuthContext, id: string): Promise<NotificationDeliveryResponse[]> {
    await this.require(auth.organizationId, id);
    return (await this.outbox.listDeliveries(auth.organizationId, id, DELIVERIES_SHOWN)).map(
      toDeliveryResponse,
    );
  }

  private async require(orgId: string, id: string): Promise<NotificationChannel> {
    const row = await this.channels.findById(orgId, id);
    if (!row) throw notFound('Notification channel');
    return row;
  }

  private async validateTarget(kind: string, url: string | undefined, recipients: string[] | undefined) {
    const errors: FieldError[] = [];
    if (kind === 'webhook') {
      if (recipients !== undefined)
        errors.push({ field: 'recipients', messages: ['recipients applies to email channels only'] });
      if (!url) errors.push({ field: 'url', messages: ['url is required for webhook channels'] });
      else {
        const s = await this.storageConfigs.storageSettings();
        const problems = await webhookUrlProblems(url, {
          allowInsecure: s.allow_insecure_endpoints,
          allowPrivate: s.allow_private_endpoints,
        });
        if (problems.length) errors.push({ field: 'url', messages: problems });
      }
    } else {
      if (url !== undefined)
        errors.push({ field: 'url', messages: ['url applies to webhook channels only'] });
      if (!this.email.configured) {
        throw new DomainError(
          'bad_request',
          'E-mail is not configured on this platform (SMTP_URL); use a webhook channel or ask the platform administrator.',
        );
      }
    }
    if (errors.length) throw invalid(errors);
  }
}

/** 32 random bytes, prefixed so a leaked secret is recognisable in logs and scanners. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function normalizeRecipients(list: string[]): string[] {
  return list.map((r) => r.trim().toLowerCase());
}

function invalid(errors: FieldError[]): DomainError {
  return new DomainError(
    'validation_failed',
    `Invalid notification channel: ${errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ')}`,
    { errors },
  );
}
