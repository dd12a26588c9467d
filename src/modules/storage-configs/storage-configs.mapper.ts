import type { StorageConfigResponse } from './dto/storage-config-responses.dto.js';
import type { StorageConfig } from './storage-config.entity.js';

/** The only way a config leaves the service: secrets become hints and booleans. */
export function toStorageConfigResponse(c: StorageConfig): StorageConfigResponse {
  return {
    id: c.id,
    organization_id: c.organizationId,
    name: c.name,
    provider: c.provider,
    bucket: c.bucket,
    region: c.region,
    endpoint_url: c.endpointUrl,
    account_id: c.accountId,
    path_prefix: c.pathPrefix,
    storage_class: c.storageClass,
    buckets: c.buckets,
    host: c.host,
    port: c.port,
    use_tls: c.useTls,
    host_key_fingerprint: c.hostKeyFingerprint,
    // Hints shorter than 4 characters come from short keys saved before masking: mask them too.
    access_key_hint:
      c.accessKeyHint === null ? null : c.accessKeyHint.length < 4 ? '****' : `…${c.accessKeyHint}`,
    has_secret: c.hasSecret,
    has_private_key: c.hasPrivateKey,
    is_default: c.isDefault,
    is_active: c.isActive,
    total_size_bytes: Number(c.totalSizeBytes),
    object_count: Number(c.objectCount),
    last_used_at: c.lastUsedAt ? c.lastUsedAt.toISOString() : null,
    health: c.health,
    health_checked_at: c.healthCheckedAt ? c.healthCheckedAt.toISOString() : null,
    health_error_code: c.healthErrorCode,
    health_message: c.healthMessage,
    last_healthy_at: c.lastHealthyAt ? c.lastHealthyAt.toISOString() : null,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

/**
 * What the API shows of an access key or user name: its last 4 characters when it has at least 12
 * (at most a third of it), otherwise nothing at all ('' is shown as fully masked).
 */
export function accessKeyHint(accessKey: string): string {
  return accessKey.length >= 12 ? accessKey.slice(-4) : '';
}
