// Generated from openapi.json by scripts/generate-client.mjs (npm run openapi). Do not edit.

export interface paths {
  '/api/v1/admin/environments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An organization's environments (managed and its own).
     * @description Requires a platform administrator.
     */
    get: operations['AdminEnvironments_list'];
    put?: never;
    /**
     * Create a managed environment for an organization.
     * @description Requires a platform administrator.
     */
    post: operations['AdminEnvironments_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/environments/{environment_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One environment.
     * @description Requires a platform administrator.
     */
    get: operations['AdminEnvironments_get'];
    put?: never;
    post?: never;
    /**
     * Delete an environment; refused (409) while it has backups.
     * @description Requires a platform administrator.
     */
    delete: operations['AdminEnvironments_remove'];
    options?: never;
    head?: never;
    /**
     * Update an environment, its source included (checked against the platform's rules).
     * @description Requires a platform administrator.
     */
    patch: operations['AdminEnvironments_update'];
    trace?: never;
  };
  '/api/v1/admin/source-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The platform's source policy: filestore roots and which database hosts organizations may use.
     * @description Requires a platform administrator.
     */
    get: operations['AdminSourceSettings_get'];
    /**
     * Partially update the source policy (omitted fields stay as they are).
     * @description Requires a platform administrator.
     */
    put: operations['AdminSourceSettings_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/storage-configs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List platform storage configurations.
     * @description Requires a platform administrator.
     */
    get: operations['AdminStorageConfigs_list'];
    put?: never;
    /**
     * Create a platform storage configuration (the first one becomes the platform default).
     * @description Requires a platform administrator.
     */
    post: operations['AdminStorageConfigs_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/storage-configs/test-connection': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test an unsaved platform configuration.
     * @description Requires a platform administrator.
     */
    post: operations['AdminStorageConfigs_testUnsaved'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/storage-configs/{storage_config_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One platform storage configuration.
     * @description Requires a platform administrator.
     */
    get: operations['AdminStorageConfigs_get'];
    put?: never;
    post?: never;
    /**
     * Delete a platform storage configuration (refused while backups use it).
     * @description Requires a platform administrator.
     */
    delete: operations['AdminStorageConfigs_remove'];
    options?: never;
    head?: never;
    /**
     * Update a platform storage configuration.
     * @description Requires a platform administrator.
     */
    patch: operations['AdminStorageConfigs_update'];
    trace?: never;
  };
  '/api/v1/admin/storage-configs/{storage_config_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test a saved platform configuration.
     * @description Requires a platform administrator.
     */
    post: operations['AdminStorageConfigs_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange email and password for a bearer access token (rate limited: 429).
     * @description Public: no token needed.
     */
    post: operations['Auth_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: revoke the bearer token of this request before its expiry.
     * @description Requires a logged-in user.
     */
    post: operations['Auth_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The caller, their organizations with role, and is_platform_admin.
     * @description Requires a logged-in user.
     */
    get: operations['Me_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a password reset link (single use, 30 minutes). The answer is the same whether or not the address has an account.
     * @description Public: no token needed.
     */
    post: operations['Auth_requestPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with the token of a reset link.
     * @description Public: no token needed.
     */
    post: operations['Auth_confirmPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a user account (email unique, password at least 12 characters).
     * @description Public: no token needed.
     */
    post: operations['Auth_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a backup of an environment (database dump + filestore archive + metadata.json); poll GET /backups/{backup_id}.
     * @description Requires permission `org.backup.create` in the organization.
     */
    post: operations['Backups_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/files/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Stream one part of a backup from FTP/SFTP/local storage through a signed link from GET /backups/{backup_id}/download (supports Range).
     * @description Public: no token needed.
     */
    get: operations['Backups_file'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/organization/{org_id}/backups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organization's backups, newest first (cursor or offset pagination).
     * @description Requires permission `org.backup.list` in the organization.
     */
    get: operations['Backups_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/storage-configs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the organization's storage configurations.
     * @description Requires permission `org.storage.list` in the organization.
     */
    get: operations['StorageConfigs_list'];
    put?: never;
    /**
     * Create a storage configuration (the first one becomes the default).
     * @description Requires permission `org.storage.create` in the organization.
     */
    post: operations['StorageConfigs_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/storage-configs/test-connection': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test an unsaved configuration (same body as create). A failed test is a 200 with success: false.
     * @description Requires permission `org.storage.create` in the organization.
     */
    post: operations['StorageConfigs_testUnsaved'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/storage-configs/{config_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One storage configuration.
     * @description Requires permission `org.storage.list` in the organization.
     */
    get: operations['StorageConfigs_get'];
    put?: never;
    post?: never;
    /**
     * Delete a configuration; refused (400) while backups are stored with it.
     * @description Requires permission `org.storage.delete` in the organization.
     */
    delete: operations['StorageConfigs_remove'];
    options?: never;
    head?: never;
    /**
     * Update any field; omitting secret_key keeps the stored one. is_default: true moves the default.
     * @description Requires permission `org.storage.update` in the organization.
     */
    patch: operations['StorageConfigs_update'];
    trace?: never;
  };
  '/api/v1/backups/storage-configs/{config_id}/buckets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Buckets the saved key reaches: discovered with ListBuckets, or the configured list checked with HeadBucket (scoped keys).
     * @description Requires permission `org.storage.list` in the organization.
     */
    get: operations['StorageConfigs_buckets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/storage-configs/{config_id}/recount': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Recompute total_size_bytes and object_count from the backups stored with this configuration.
     * @description Requires permission `org.storage.update` in the organization.
     */
    post: operations['StorageConfigs_recount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/storage-configs/{config_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test a saved configuration end to end (write, read back, multipart, presign, delete).
     * @description Requires permission `org.storage.list` in the organization.
     */
    post: operations['StorageConfigs_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/storage-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Which providers exist on this platform and whether organizations may bring their own storage.
     * @description Requires a logged-in user.
     */
    get: operations['StorageSettings_get'];
    /**
     * Partially update the platform storage settings.
     * @description Requires a platform administrator.
     */
    put: operations['StorageSettings_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/{backup_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One backup, with its status, phase and progress.
     * @description Requires permission `org.backup.list` in the organization.
     */
    get: operations['Backups_get'];
    put?: never;
    post?: never;
    /**
     * Delete the stored objects, then the record. If the storage fails, 503 and the backup stays as delete_failed.
     * @description Requires permission `org.backup.delete` in the organization.
     */
    delete: operations['Backups_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/{backup_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a pending or running backup; its partial objects are deleted.
     * @description Requires permission `org.backup.create` in the organization.
     */
    post: operations['Backups_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/{backup_id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download links for every part: presigned GET URLs valid 1 hour (S3 family), or signed Offsite links valid 15 minutes.
     * @description Requires permission `org.backup.download` in the organization.
     */
    get: operations['Backups_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/{backup_id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow a backup live: its status, phase and bytes as Server-Sent Events, ending with its final state.
     * @description Requires permission `org.backup.list` in the organization.
     */
    get: operations['Backups_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/{backup_id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a completed backup into an environment (default: its own). Loads into scratch copies, checks every byte against the manifest, then swaps; poll GET /restores/{restore_id}.
     * @description Requires permission `org.backup.restore` in the organization.
     */
    post: operations['Restores_restore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/{backup_id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a completed backup: re-read every part (size, sha256, decompression, archive framing); deep also loads the database into a scratch database. Sets the backup's verified_at / verification_status.
     * @description Requires permission `org.backup.restore` in the organization.
     */
    post: operations['Restores_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/environments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organization's environments.
     * @description Requires permission `org.environment.list` in the organization.
     */
    get: operations['Environments_list'];
    put?: never;
    /**
     * Create an environment (a database and optionally a filestore directory to back up); its source must be allowed by the platform's source policy.
     * @description Requires permission `org.environment.create` in the organization.
     */
    post: operations['Environments_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/environments/{environment_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One environment.
     * @description Requires permission `org.environment.list` in the organization.
     */
    get: operations['Environments_get'];
    put?: never;
    post?: never;
    /**
     * Delete an environment; refused (409) while it has backups.
     * @description Requires permission `org.environment.delete` in the organization.
     */
    delete: operations['Environments_remove'];
    options?: never;
    head?: never;
    /**
     * Update an environment; omitting database.password keeps the stored one.
     * @description Requires permission `org.environment.update` in the organization.
     */
    patch: operations['Environments_update'];
    trace?: never;
  };
  '/api/v1/environments/{environment_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check the environment from this server: database login and version, the pg_dump that would run, filestore readable (files and bytes).
     * @description Requires permission `org.environment.update` in the organization.
     */
    post: operations['Environments_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: the process is up and serving HTTP.
     * @description Public: no token needed.
     */
    get: operations['Health_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: database reachable, migrations applied, job queue started.
     * @description Public: no token needed.
     */
    get: operations['Health_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organizations the caller is a member of, with their role.
     * @description Requires a logged-in user.
     */
    get: operations['Organizations_listMine'];
    put?: never;
    /**
     * Create an organization; the caller becomes its owner.
     * @description Requires a logged-in user.
     */
    post: operations['Organizations_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{org_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An organization.
     * @description Requires permission `org.read` in the organization.
     */
    get: operations['Organizations_get'];
    put?: never;
    post?: never;
    /**
     * Delete an organization (it disappears for every member; the audit log is kept).
     * @description Requires permission `org.delete` in the organization.
     */
    delete: operations['Organizations_remove'];
    options?: never;
    head?: never;
    /**
     * Rename an organization or change its slug.
     * @description Requires permission `org.manage` in the organization.
     */
    patch: operations['Organizations_update'];
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organization audit log, newest first, paginated by cursor.
     * @description Requires permission `org.audit.list` in the organization.
     */
    get: operations['Audit_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members of the organization with their roles.
     * @description Requires permission `org.member.list` in the organization.
     */
    get: operations['Members_list'];
    put?: never;
    /**
     * Add a registered user with a role (only roles whose permissions the caller holds).
     * @description Requires permission `org.member.manage` in the organization.
     */
    post: operations['Members_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/members/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member; the last owner cannot be removed.
     * @description Requires permission `org.member.manage` in the organization.
     */
    delete: operations['Members_remove'];
    options?: never;
    head?: never;
    /**
     * Change a member’s role; the last owner cannot be demoted.
     * @description Requires permission `org.member.manage` in the organization.
     */
    patch: operations['Members_update'];
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Built-in and custom roles with their permissions.
     * @description Requires permission `org.role.list` in the organization.
     */
    get: operations['Roles_list'];
    put?: never;
    /**
     * Create a custom role (only with permissions the caller holds).
     * @description Requires permission `org.role.manage` in the organization.
     */
    post: operations['Roles_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/roles/{role_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a custom role that no member holds.
     * @description Requires permission `org.role.manage` in the organization.
     */
    delete: operations['Roles_remove'];
    options?: never;
    head?: never;
    /**
     * Rename a custom role or change its permissions.
     * @description Requires permission `org.role.manage` in the organization.
     */
    patch: operations['Roles_update'];
    trace?: never;
  };
  '/api/v1/restores': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organization's restores and verifications, newest first.
     * @description Requires permission `org.backup.list` in the organization.
     */
    get: operations['Restores_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/restores/{restore_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One restore or verification, with its status, phase and progress.
     * @description Requires permission `org.backup.list` in the organization.
     */
    get: operations['Restores_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/restores/{restore_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a pending or running restore or verification; the target is left as it was.
     * @description Requires permission `org.backup.restore` in the organization.
     */
    post: operations['Restores_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/restores/{restore_id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow a restore or verification live: status, phase and bytes as Server-Sent Events, ending with its final state.
     * @description Requires permission `org.backup.list` in the organization.
     */
    get: operations['Restores_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AddMemberDto: {
      /** @description Email of a registered user. */
      email: string;
      /**
       * @description A built-in role (owner, admin, operator, viewer) or a custom role name.
       * @example operator
       */
      role: string;
    };
    AdminCreateEnvironmentDto: {
      /**
       * @default gzip
       * @enum {string}
       */
      compression?: 'gzip' | 'zstd';
      database: components['schemas']['DatabaseInputDto'];
      /**
       * @description custom = pg_dump -Fc (parallel restore).
       * @default plain
       * @enum {string}
       */
      dump_format?: 'plain' | 'custom';
      /**
       * @description A directory on the workers; omit for a database-only environment. An organization's own environments must name a directory inside one of the platform's filestore roots for that organization (GET /api/v1/admin/source-settings, e.g. /srv/filestores/{organization_slug}).
       * @example /srv/filestores/acme/production
       */
      filestore_path?: string | null;
      /**
       * @description Letters, digits, ".", "_" and "-"; unique in the organization.
       * @example production
       */
      name: string;
      /**
       * Format: uuid
       * @description The organization the environment belongs to.
       */
      organization_id: string;
      /** Format: uuid */
      storage_config_id?: string | null;
    };
    AuditActor: {
      email: string | null;
      /** Format: uuid */
      user_id: string | null;
    };
    AuditLogItem: {
      /** @example member.add */
      action: string;
      actor: components['schemas']['AuditActor'];
      /** Format: date-time */
      created_at: string;
      /** @description Changed fields, secrets redacted. */
      diff: Record<string, never> | null;
      id: string;
      request_id: string | null;
      target_id: string | null;
      /** @example membership */
      target_type: string;
    };
    AuditLogPage: {
      items: components['schemas']['AuditLogItem'][];
      /** @description Pass as `before` for the next (older) page. */
      next_cursor: string | null;
    };
    BackupDownloadResponse: {
      /** Format: uuid */
      backup_id: string;
      parts: components['schemas']['DownloadPartResponse'][];
    };
    BackupPageResponse: {
      items: components['schemas']['BackupResponse'][];
      limit: number;
      /** @description Pass as cursor for the next page; null on the last. */
      next_cursor: string | null;
    };
    BackupPartResponse: {
      compression: string | null;
      format: string;
      /** @description Object key relative to the storage config's path prefix. */
      key: string;
      /** @example database */
      name: string;
      sha256: string | null;
      size_bytes: number;
    };
    BackupResponse: {
      attempts: number;
      /** @description Source bytes read so far (database dump + filestore tar). */
      bytes_processed: number;
      cancel_requested_at: string | null;
      completed_at: string | null;
      compression: string;
      readonly created_at: string;
      /** Format: uuid */
      created_by: string | null;
      dump_format: string;
      duration_ms: number | null;
      /** Format: uuid */
      environment_id: string;
      error_code: string | null;
      error_message: string | null;
      /** Format: uuid */
      readonly id: string;
      note: string | null;
      /** @description The backup's folder, relative to the storage config's path prefix. */
      object_prefix: string;
      /** Format: uuid */
      organization_id: string;
      parts: components['schemas']['BackupPartResponse'][];
      /** @enum {string|null} */
      phase: 'database' | 'filestore' | 'manifest' | 'finalizing' | null;
      started_at: string | null;
      /** @enum {string} */
      status: 'pending' | 'running' | 'completed' | 'failed' | 'delete_failed';
      /** Format: uuid */
      storage_config_id: string;
      /** @description Sum of the stored objects, manifest included. */
      total_size_bytes: number;
      readonly updated_at: string;
      verification_status: string | null;
      verified_at: string | null;
    };
    BucketAccessResponse: {
      accessible: boolean;
      error?: string;
      name: string;
    };
    BucketsResponse: {
      buckets: components['schemas']['BucketAccessResponse'][];
      message: string;
      /** @description true when ListBuckets is denied or a manual list is configured */
      scoped_key: boolean;
    };
    CreateBackupDto: {
      /** Format: uuid */
      environment_id: string;
      note?: string | null;
      /**
       * Format: uuid
       * @description Default: the environment's config, else the organization's default, else the platform default.
       */
      storage_config_id?: string | null;
    };
    CreateEnvironmentDto: {
      /**
       * @default gzip
       * @enum {string}
       */
      compression?: 'gzip' | 'zstd';
      database: components['schemas']['DatabaseInputDto'];
      /**
       * @description custom = pg_dump -Fc (parallel restore).
       * @default plain
       * @enum {string}
       */
      dump_format?: 'plain' | 'custom';
      /**
       * @description A directory on the workers; omit for a database-only environment. An organization's own environments must name a directory inside one of the platform's filestore roots for that organization (GET /api/v1/admin/source-settings, e.g. /srv/filestores/{organization_slug}).
       * @example /srv/filestores/acme/production
       */
      filestore_path?: string | null;
      /**
       * @description Letters, digits, ".", "_" and "-"; unique in the organization.
       * @example production
       */
      name: string;
      /** Format: uuid */
      storage_config_id?: string | null;
    };
    CreateOrganizationDto: {
      /** @example Acme Corp */
      name: string;
      /**
       * @description Lower-case letters, digits and dashes; derived from the name when omitted.
       * @example acme
       */
      slug?: string;
    };
    CreateRestoreDto: {
      /**
       * @description into_empty: the target database and filestore directory must be missing or empty (409 otherwise). replace: the old ones are kept as {name}_before_restore_{timestamp} / {path}.before_restore_{timestamp}.
       * @enum {string}
       */
      mode: 'into_empty' | 'replace';
      /**
       * Format: uuid
       * @description Default: the backup's own environment.
       */
      target_environment_id?: string | null;
    };
    CreateRoleDto: {
      description?: string;
      /**
       * @description Lower-case; cannot be a built-in role name.
       * @example auditor
       */
      name: string;
      permissions: (
        | 'org.read'
        | 'org.manage'
        | 'org.delete'
        | 'org.member.list'
        | 'org.member.manage'
        | 'org.owner.manage'
        | 'org.role.list'
        | 'org.role.manage'
        | 'org.audit.list'
        | 'org.storage.create'
        | 'org.storage.list'
        | 'org.storage.update'
        | 'org.storage.delete'
        | 'org.environment.create'
        | 'org.environment.list'
        | 'org.environment.update'
        | 'org.environment.delete'
        | 'org.backup.create'
        | 'org.backup.list'
        | 'org.backup.delete'
        | 'org.backup.download'
        | 'org.backup.restore'
        | 'org.policy.list'
        | 'org.policy.manage'
        | 'org.schedule.list'
        | 'org.schedule.manage'
        | 'org.notification.list'
        | 'org.notification.manage'
      )[];
    };
    CreateStorageConfigDto: {
      /** @description S3: access key id. FTP/SFTP: the user name. Never returned. */
      access_key?: string;
      /** @description Cloudflare R2: the 32-character hexadecimal account id. */
      account_id?: string | null;
      /**
       * @description S3 family: the bucket. FTP/SFTP: the remote base directory (default: the login directory). local: the directory (also accepted as `path`); an organization's must lie inside the platform's local_storage_roots for it.
       * @example oecsh-backups
       */
      bucket?: string | null;
      /** @description Bucket names for bucket-scoped keys (no ListBuckets permission); each is checked with HeadBucket. */
      buckets?: string[] | null;
      /**
       * @description MinIO / s3_compatible: required.
       * @example https://minio.example.com:9000
       */
      endpoint_url?: string | null;
      /** @description FTP/SFTP: the server host name or address. */
      host?: string | null;
      /** @description SFTP: pinned host key (SHA256:…). Set at the first successful test; send null to clear it. */
      host_key_fingerprint?: string | null;
      /** @default true */
      is_active?: boolean;
      /** @description Only one default per organization: setting one unsets the previous. */
      is_default?: boolean;
      /** @example Production Backups */
      name: string;
      /** @description SFTP: passphrase of the private key. Never returned. */
      passphrase?: string;
      /**
       * @description local only: the directory (the same as `bucket`, which wins when both are given).
       * @example /srv/offsite-local/acme/backups
       */
      path?: string | null;
      /** @example backups/ */
      path_prefix?: string | null;
      /** @description FTP/SFTP port (default 21 / 22). */
      port?: number | null;
      /** @description SFTP: OpenSSH private key (PEM). Never returned. */
      private_key?: string;
      /**
       * @example cloudflare_r2
       * @enum {string}
       */
      provider:
        | 'aws_s3'
        | 'cloudflare_r2'
        | 'backblaze_b2'
        | 'minio'
        | 'digitalocean_spaces'
        | 'wasabi'
        | 's3_compatible'
        | 'ftp'
        | 'sftp'
        | 'local';
      /** @example auto */
      region?: string | null;
      /** @description S3: secret access key. FTP/SFTP: the password. Never returned. */
      secret_key?: string;
      /** @example STANDARD */
      storage_class?: string | null;
      /** @description FTP: explicit FTPS (AUTH TLS). */
      use_tls?: boolean;
    };
    DatabaseInputDto: {
      /**
       * @description Host name or IP address. Organizations' own hosts must be allowed by the platform's source policy (no private, loopback or link-local addresses unless the platform allows them; never Offsite's own database server).
       * @example db.example.com
       */
      host: string;
      /** @example odoo */
      name: string;
      /** @description Encrypted at rest, never returned. */
      password?: string | null;
      /**
       * @default 5432
       * @example 5432
       */
      port?: number;
      /**
       * @default prefer
       * @enum {string}
       */
      sslmode?: 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
      /** @example odoo */
      username: string;
    };
    DatabaseResponse: {
      /** @description Whether a password is stored (it is never returned). */
      has_password: boolean;
      host: string;
      name: string;
      port: number;
      /** @enum {string} */
      sslmode: 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
      username: string;
    };
    DownloadPartResponse: {
      expires_at: string;
      /** @example database.sql.gz */
      name: string;
      sha256: string | null;
      size_bytes: number;
      /** @description S3 family: a presigned GET URL; FTP/SFTP/local: a signed Offsite link (supports Range). */
      url: string;
    };
    EnvironmentDatabaseCheck: {
      /** @description The login succeeded. */
      can_login: boolean;
      error_code: string | null;
      /** @description The database exists (null: unknown, the server was not reached). */
      exists: boolean | null;
      message: string;
      ok: boolean;
      /** @description A restore with mode into_empty may target it: the server answered and the database is missing or reachable. */
      restorable_into: boolean;
      server_version: string | null;
    };
    EnvironmentFilestoreCheck: {
      /** @description The directory exists (null: no filestore). */
      exists: boolean | null;
      file_count: number | null;
      message: string;
      ok: boolean;
      path: string | null;
      readable: boolean;
      total_bytes: number | null;
    };
    EnvironmentPgDumpCheck: {
      /** @description At least the server major version (null: server unknown). */
      compatible: boolean | null;
      message: string;
      ok: boolean;
      path: string | null;
      version: string | null;
    };
    EnvironmentResponse: {
      /** @enum {string} */
      compression: 'gzip' | 'zstd';
      readonly created_at: string;
      database: components['schemas']['DatabaseResponse'];
      /** @enum {string} */
      dump_format: 'plain' | 'custom';
      filestore_path: string | null;
      /** Format: uuid */
      readonly id: string;
      /** @description Created by a platform administrator: the organization may back it up, restore it and choose its storage, but not change its database connection or filestore path. */
      managed: boolean;
      name: string;
      /** Format: uuid */
      organization_id: string;
      /** Format: uuid */
      storage_config_id: string | null;
      readonly updated_at: string;
    };
    EnvironmentTestResponse: {
      /** @description A backup would run: success, and the database and filestore exist. */
      backup_ready: boolean;
      database: components['schemas']['EnvironmentDatabaseCheck'];
      filestore: components['schemas']['EnvironmentFilestoreCheck'];
      pg_dump: components['schemas']['EnvironmentPgDumpCheck'];
      /** @description Nothing is broken. A missing database or directory is not broken (into_empty restores create them): see backup_ready. */
      success: boolean;
    };
    /** @description One invalid request field and what is wrong with it. */
    FieldError: {
      /**
       * @description Dotted path of the field (body, query or path parameter name).
       * @example bucket
       */
      field: string;
      /**
       * @example [
       *       "bucket must be 3 to 63 characters"
       *     ]
       */
      messages: string[];
    };
    LoginDto: {
      /** @example ada@example.com */
      email: string;
      /** @example correct horse battery staple */
      password: string;
    };
    MeResponse: {
      email: string;
      /** Format: uuid */
      readonly id: string;
      is_platform_admin: boolean;
      name: string;
      organizations: components['schemas']['MyOrganizationResponse'][];
    };
    MemberResponse: {
      email: string;
      /** Format: date-time */
      joined_at: string;
      name: string;
      role: string;
      /** Format: uuid */
      user_id: string;
    };
    MyOrganizationResponse: {
      /** Format: uuid */
      readonly id: string;
      name: string;
      /** @description The caller’s role in the organization. */
      role: string;
      slug: string;
    };
    OrganizationResponse: {
      /** Format: date-time */
      readonly created_at: string;
      /** Format: uuid */
      readonly id: string;
      name: string;
      slug: string;
      /** Format: date-time */
      readonly updated_at: string;
    };
    PasswordResetAcceptedResponse: {
      /** @description Always the same, whether or not the address belongs to an account: if it does, a reset link valid for 30 minutes is on its way. */
      detail: string;
    };
    PasswordResetConfirmDto: {
      /** @example correct horse battery staple */
      new_password: string;
      /** @description The token from the reset link. */
      token: string;
    };
    PasswordResetRequestDto: {
      /** @example ada@example.com */
      email: string;
    };
    /** @description RFC 9457 problem details. `code` is the stable machine-readable error class; `type` is `urn:offsite:problem:<code>`. */
    Problem: {
      /**
       * @description Error class: bad_request, validation_failed, unauthorized, forbidden, permission_denied, not_found, conflict, payload_too_large, unsupported_media_type, rate_limited, internal, unavailable (new classes may be added).
       * @example validation_failed
       */
      code: string;
      /** @example Invalid request: bucket: bucket must be 3 to 63 characters */
      detail: string;
      /** @description Backup source or storage failures: the error class (e.g. connection_refused, auth_failed). */
      error_code?: string;
      /** @description validation_failed: the invalid fields (at most 20). */
      errors?: components['schemas']['FieldError'][];
      /** @description validation_failed: how many more field errors were left out. */
      errors_omitted?: number;
      instance?: string;
      /**
       * @description permission_denied: the permission the caller lacks.
       * @example org.storage.create
       */
      permission?: string;
      /**
       * @description Quote it when reporting a problem.
       * @example req-1a
       */
      request_id?: string;
      /** @example 400 */
      status: number;
      /**
       * @description Storage failures: the storage error class (e.g. auth_failed, bucket_not_found, timeout).
       * @example auth_failed
       */
      storage_error_code?: string;
      /** @example Bad Request */
      title: string;
      /** @example urn:offsite:problem:validation_failed */
      type: string;
    } & {
      [key: string]: unknown;
    };
    RegisterDto: {
      /** @example ada@example.com */
      email: string;
      /** @example Ada Lovelace */
      name: string;
      /** @example correct horse battery staple */
      password: string;
    };
    RestorePageResponse: {
      items: components['schemas']['RestoreResponse'][];
      limit: number;
      offset: number;
    };
    RestoreResponse: {
      attempts: number;
      /**
       * Format: uuid
       * @description Null once the backup is deleted.
       */
      backup_id: string | null;
      /** @description Stored bytes read so far. */
      bytes_processed: number;
      cancel_requested_at: string | null;
      completed_at: string | null;
      readonly created_at: string;
      /** Format: uuid */
      created_by: string | null;
      deep: boolean;
      duration_ms: number | null;
      error_code: string | null;
      error_message: string | null;
      /** Format: uuid */
      readonly id: string;
      /** @enum {string} */
      kind: 'restore' | 'verify';
      /** @enum {string|null} */
      mode: 'into_empty' | 'replace' | null;
      /** Format: uuid */
      organization_id: string;
      /** @enum {string|null} */
      phase: 'checking' | 'database' | 'filestore' | 'swapping' | 'cleanup' | null;
      /** @description On completion: database {name, previous_name, tables}, filestore {path, previous_path, entries}, parts checked. */
      result: Record<string, never> | null;
      started_at: string | null;
      /** @enum {string} */
      status: 'pending' | 'running' | 'completed' | 'failed';
      /** Format: uuid */
      target_environment_id: string;
      readonly updated_at: string;
    };
    RoleResponse: {
      built_in: boolean;
      description: string;
      /**
       * Format: uuid
       * @description Null for built-in roles.
       */
      readonly id: string | null;
      name: string;
      permissions: (
        | 'org.read'
        | 'org.manage'
        | 'org.delete'
        | 'org.member.list'
        | 'org.member.manage'
        | 'org.owner.manage'
        | 'org.role.list'
        | 'org.role.manage'
        | 'org.audit.list'
        | 'org.storage.create'
        | 'org.storage.list'
        | 'org.storage.update'
        | 'org.storage.delete'
        | 'org.environment.create'
        | 'org.environment.list'
        | 'org.environment.update'
        | 'org.environment.delete'
        | 'org.backup.create'
        | 'org.backup.list'
        | 'org.backup.delete'
        | 'org.backup.download'
        | 'org.backup.restore'
        | 'org.policy.list'
        | 'org.policy.manage'
        | 'org.schedule.list'
        | 'org.schedule.manage'
        | 'org.notification.list'
        | 'org.notification.manage'
      )[];
    };
    SourceSettingsResponse: {
      /** @description Organizations' own database hosts may be private, loopback or link-local addresses. Offsite's own database server is refused whatever this says. */
      allow_private_sources: boolean;
      /**
       * @description Absolute directories under which organizations' own filestore paths must lie; {organization_id} / {organization_slug} confine each organization to its own subtree. Empty: organizations cannot name filestore paths.
       * @example [
       *       "/srv/filestores/{organization_slug}"
       *     ]
       */
      filestore_roots: string[];
      /**
       * @description CIDR networks organizations' database hosts may use even when private sources are off.
       * @example [
       *       "10.20.0.0/16"
       *     ]
       */
      source_networks: string[];
    };
    StorageConfigResponse: {
      /**
       * @description The last 4 characters of the access key or user name when it has at least 12, else "****"; null when none is set.
       * @example …1234
       */
      access_key_hint: string | null;
      account_id: string | null;
      bucket: string | null;
      buckets: string[] | null;
      /** Format: date-time */
      readonly created_at: string;
      endpoint_url: string | null;
      has_private_key: boolean;
      has_secret: boolean;
      host: string | null;
      host_key_fingerprint: string | null;
      /** Format: uuid */
      readonly id: string;
      is_active: boolean;
      is_default: boolean;
      /** Format: date-time */
      last_used_at: string | null;
      name: string;
      /** @description Number of backups stored here */
      object_count: number;
      /**
       * Format: uuid
       * @description null for platform-level configs
       */
      organization_id: string | null;
      path_prefix: string | null;
      port: number | null;
      /** @enum {string} */
      provider:
        | 'aws_s3'
        | 'cloudflare_r2'
        | 'backblaze_b2'
        | 'minio'
        | 'digitalocean_spaces'
        | 'wasabi'
        | 's3_compatible'
        | 'ftp'
        | 'sftp'
        | 'local';
      region: string | null;
      storage_class: string | null;
      /** @description Bytes of all objects of all backups stored here */
      total_size_bytes: number;
      /** Format: date-time */
      readonly updated_at: string;
      use_tls: boolean;
    };
    StorageSettingsResponse: {
      /** @description plain http:// endpoints and FTP without TLS */
      allow_insecure_endpoints: boolean;
      allow_org_byos: boolean;
      /** @description loopback / private / link-local endpoints */
      allow_private_endpoints: boolean;
      enabled_providers: (
        | 'aws_s3'
        | 'cloudflare_r2'
        | 'backblaze_b2'
        | 'minio'
        | 'digitalocean_spaces'
        | 'wasabi'
        | 's3_compatible'
        | 'ftp'
        | 'sftp'
        | 'local'
      )[];
      has_default_storage: boolean;
      /** @description Directories organizations' `local` storage configs must lie in (empty: no `local` for organizations). */
      local_storage_roots: string[];
    };
    TestConnectionResponse: {
      bucket_exists: boolean | null;
      bucket_region?: string | null;
      buckets?: string[];
      can_read: boolean | null;
      can_write: boolean | null;
      clock_skew_ms?: number | null;
      host_key_fingerprint?: string | null;
      latency_ms: number | null;
      /** @example Connection successful */
      message: string;
      /** @enum {string} */
      object_lock?: 'enabled' | 'disabled' | 'unknown';
      /** @enum {string} */
      provider:
        | 'aws_s3'
        | 'cloudflare_r2'
        | 'backblaze_b2'
        | 'minio'
        | 'digitalocean_spaces'
        | 'wasabi'
        | 's3_compatible'
        | 'ftp'
        | 'sftp'
        | 'local';
      region_mismatch?: boolean;
      scoped_key?: boolean;
      steps: components['schemas']['TestStepResponse'][];
      success: boolean;
      /** @enum {string} */
      versioning?: 'enabled' | 'suspended' | 'disabled' | 'unknown';
    };
    TestStepResponse: {
      code?: string;
      detail: string;
      duration_ms: number;
      hint?: string;
      /** @example authentication */
      name: string;
      /** @enum {string} */
      status: 'passed' | 'failed' | 'skipped';
    };
    TokenResponse: {
      access_token: string;
      /** @description Seconds until the token expires. */
      expires_in: number;
      /** @enum {string} */
      token_type: 'Bearer';
    };
    UpdateDatabaseInputDto: {
      /**
       * @description Host name or IP address. Organizations' own hosts must be allowed by the platform's source policy (no private, loopback or link-local addresses unless the platform allows them; never Offsite's own database server).
       * @example db.example.com
       */
      host?: string;
      /** @example odoo */
      name?: string;
      /** @description Encrypted at rest, never returned. */
      password?: string | null;
      /** @example 5432 */
      port?: number;
      /** @enum {string} */
      sslmode?: 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
      /** @example odoo */
      username?: string;
    };
    UpdateEnvironmentDto: {
      /** @enum {string} */
      compression?: 'gzip' | 'zstd';
      database?: components['schemas']['UpdateDatabaseInputDto'];
      /**
       * @description custom = pg_dump -Fc (parallel restore).
       * @enum {string}
       */
      dump_format?: 'plain' | 'custom';
      /**
       * @description A directory on the workers; omit for a database-only environment. An organization's own environments must name a directory inside one of the platform's filestore roots for that organization (GET /api/v1/admin/source-settings, e.g. /srv/filestores/{organization_slug}).
       * @example /srv/filestores/acme/production
       */
      filestore_path?: string | null;
      /**
       * @description Letters, digits, ".", "_" and "-"; unique in the organization.
       * @example production
       */
      name?: string;
      /** Format: uuid */
      storage_config_id?: string | null;
    };
    UpdateMemberDto: {
      /**
       * @description A built-in role or a custom role name.
       * @example viewer
       */
      role: string;
    };
    UpdateOrganizationDto: {
      name?: string;
      slug?: string;
    };
    UpdateRoleDto: {
      description?: string;
      name?: string;
      permissions?: (
        | 'org.read'
        | 'org.manage'
        | 'org.delete'
        | 'org.member.list'
        | 'org.member.manage'
        | 'org.owner.manage'
        | 'org.role.list'
        | 'org.role.manage'
        | 'org.audit.list'
        | 'org.storage.create'
        | 'org.storage.list'
        | 'org.storage.update'
        | 'org.storage.delete'
        | 'org.environment.create'
        | 'org.environment.list'
        | 'org.environment.update'
        | 'org.environment.delete'
        | 'org.backup.create'
        | 'org.backup.list'
        | 'org.backup.delete'
        | 'org.backup.download'
        | 'org.backup.restore'
        | 'org.policy.list'
        | 'org.policy.manage'
        | 'org.schedule.list'
        | 'org.schedule.manage'
        | 'org.notification.list'
        | 'org.notification.manage'
      )[];
    };
    UpdateSourceSettingsDto: {
      allow_private_sources?: boolean;
      filestore_roots?: string[];
      source_networks?: string[];
    };
    UpdateStorageConfigDto: {
      /** @description S3: access key id. FTP/SFTP: the user name. Never returned. */
      access_key?: string;
      /** @description Cloudflare R2: the 32-character hexadecimal account id. */
      account_id?: string | null;
      /**
       * @description S3 family: the bucket. FTP/SFTP: the remote base directory (default: the login directory). local: the directory (also accepted as `path`); an organization's must lie inside the platform's local_storage_roots for it.
       * @example oecsh-backups
       */
      bucket?: string | null;
      /** @description Bucket names for bucket-scoped keys (no ListBuckets permission); each is checked with HeadBucket. */
      buckets?: string[] | null;
      /**
       * @description MinIO / s3_compatible: required.
       * @example https://minio.example.com:9000
       */
      endpoint_url?: string | null;
      /** @description FTP/SFTP: the server host name or address. */
      host?: string | null;
      /** @description SFTP: pinned host key (SHA256:…). Set at the first successful test; send null to clear it. */
      host_key_fingerprint?: string | null;
      is_active?: boolean;
      /** @description Only one default per organization: setting one unsets the previous. */
      is_default?: boolean;
      /** @example Production Backups */
      name?: string;
      /** @description SFTP: passphrase of the private key. Never returned. */
      passphrase?: string;
      /**
       * @description local only: the directory (the same as `bucket`, which wins when both are given).
       * @example /srv/offsite-local/acme/backups
       */
      path?: string | null;
      /** @example backups/ */
      path_prefix?: string | null;
      /** @description FTP/SFTP port (default 21 / 22). */
      port?: number | null;
      /** @description SFTP: OpenSSH private key (PEM). Never returned. */
      private_key?: string;
      /**
       * @example cloudflare_r2
       * @enum {string}
       */
      provider?:
        | 'aws_s3'
        | 'cloudflare_r2'
        | 'backblaze_b2'
        | 'minio'
        | 'digitalocean_spaces'
        | 'wasabi'
        | 's3_compatible'
        | 'ftp'
        | 'sftp'
        | 'local';
      /** @example auto */
      region?: string | null;
      /** @description S3: secret access key. FTP/SFTP: the password. Never returned. */
      secret_key?: string;
      /** @example STANDARD */
      storage_class?: string | null;
      /** @description FTP: explicit FTPS (AUTH TLS). */
      use_tls?: boolean;
    };
    UpdateStorageSettingsDto: {
      allow_insecure_endpoints?: boolean;
      allow_org_byos?: boolean;
      allow_private_endpoints?: boolean;
      enabled_providers?: (
        | 'aws_s3'
        | 'cloudflare_r2'
        | 'backblaze_b2'
        | 'minio'
        | 'digitalocean_spaces'
        | 'wasabi'
        | 's3_compatible'
        | 'ftp'
        | 'sftp'
        | 'local'
      )[];
      /**
       * @description Directories under which organizations' `local` storage configs must lie ({organization_id} / {organization_slug} give each its own subtree). Empty: organizations cannot create `local` configs.
       * @example [
       *       "/srv/offsite-local/{organization_slug}"
       *     ]
       */
      local_storage_roots?: string[];
    };
    UserResponse: {
      email: string;
      /** Format: uuid */
      readonly id: string;
      name: string;
    };
    VerifyBackupDto: {
      /**
       * @description Also load the database into a temporary scratch database and check every table exists.
       * @default false
       */
      deep?: boolean;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description Seconds to wait before retrying. */
    RetryAfter: number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  AdminEnvironments_list: {
    parameters: {
      query: {
        organization_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'][];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminEnvironments_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "database": {
         *         "host": "db.example.com",
         *         "name": "odoo",
         *         "port": 5432,
         *         "username": "odoo"
         *       },
         *       "filestore_path": "/srv/filestores/acme/production",
         *       "name": "production",
         *       "organization_id": "3f2b8f5e-6a4c-4d1e-9b7a-2c8d5e1f0a9b"
         *     }
         */
        'application/json': components['schemas']['AdminCreateEnvironmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description An environment with this name already exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminEnvironments_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        environment_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminEnvironments_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        environment_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The environment still has backups: delete them first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminEnvironments_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        environment_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "filestore_path": "/srv/filestores/acme/production",
         *       "name": "production"
         *     }
         */
        'application/json': components['schemas']['UpdateEnvironmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description An environment with this name already exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminSourceSettings_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourceSettingsResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminSourceSettings_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {} */
        'application/json': components['schemas']['UpdateSourceSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourceSettingsResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminStorageConfigs_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'][];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminStorageConfigs_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "bucket": "oecsh-backups",
         *       "endpoint_url": "https://minio.example.com:9000",
         *       "name": "Production Backups",
         *       "path": "/srv/offsite-local/acme/backups",
         *       "path_prefix": "backups/",
         *       "provider": "cloudflare_r2",
         *       "region": "auto",
         *       "storage_class": "STANDARD"
         *     }
         */
        'application/json': components['schemas']['CreateStorageConfigDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminStorageConfigs_testUnsaved: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "bucket": "oecsh-backups",
         *       "endpoint_url": "https://minio.example.com:9000",
         *       "name": "Production Backups",
         *       "path": "/srv/offsite-local/acme/backups",
         *       "path_prefix": "backups/",
         *       "provider": "cloudflare_r2",
         *       "region": "auto",
         *       "storage_class": "STANDARD"
         *     }
         */
        'application/json': components['schemas']['CreateStorageConfigDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestConnectionResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminStorageConfigs_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storage_config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminStorageConfigs_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storage_config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminStorageConfigs_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storage_config_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "bucket": "oecsh-backups",
         *       "endpoint_url": "https://minio.example.com:9000",
         *       "name": "Production Backups",
         *       "path": "/srv/offsite-local/acme/backups",
         *       "path_prefix": "backups/",
         *       "provider": "cloudflare_r2",
         *       "region": "auto",
         *       "storage_class": "STANDARD"
         *     }
         */
        'application/json': components['schemas']['UpdateStorageConfigDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description is_default: false on the default configuration: make another one the default instead. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminStorageConfigs_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        storage_config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestConnectionResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Auth_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "ada@example.com",
         *       "password": "correct horse battery staple"
         *     }
         */
        'application/json': components['schemas']['LoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many failed logins from this address (for this account, or across accounts); see Retry-After. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Auth_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The token is revoked; other tokens of the user keep working. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Me_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Auth_requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "ada@example.com"
         *     }
         */
        'application/json': components['schemas']['PasswordResetRequestDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasswordResetAcceptedResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Auth_confirmPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "new_password": "correct horse battery staple",
         *       "token": "xxxxxx"
         *     }
         */
        'application/json': components['schemas']['PasswordResetConfirmDto'];
      };
    };
    responses: {
      /** @description The password is changed and every earlier access token revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token is invalid, expired or already used. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Auth_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "ada@example.com",
         *       "name": "Ada Lovelace",
         *       "password": "correct horse battery staple"
         *     }
         */
        'application/json': components['schemas']['RegisterDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A user with this email already exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_create: {
    parameters: {
      query: {
        organization_id: string;
      };
      header?: {
        /** @description Makes retries safe: the first answer is kept for 24 hours per organization and key and returned again (with `Idempotent-Replayed: true`) for the same request; the same key with a different request is a 409. Use a new UUID per intended operation. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "environment_id": "3f2b8f5e-6a4c-4d1e-9b7a-2c8d5e1f0a9b"
         *     }
         */
        'application/json': components['schemas']['CreateBackupDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.create` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The Idempotency-Key was used with a different request in the last 24 hours, or its first request is still being served. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_file: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The signed token of a download link. */
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole part. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description The requested byte range (Range: bytes=start-end). */
      206: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The range lies outside the part. */
      416: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description next_cursor of the previous page. */
        cursor?: string;
        /** @description Alternative to cursor. */
        offset?: number;
        environment_id?: string;
        status?: 'pending' | 'running' | 'completed' | 'failed' | 'delete_failed';
        storage_config_id?: string;
      };
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupPageResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_list: {
    parameters: {
      query: {
        organization_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'][];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_create: {
    parameters: {
      query: {
        organization_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "bucket": "oecsh-backups",
         *       "endpoint_url": "https://minio.example.com:9000",
         *       "name": "Production Backups",
         *       "path": "/srv/offsite-local/acme/backups",
         *       "path_prefix": "backups/",
         *       "provider": "cloudflare_r2",
         *       "region": "auto",
         *       "storage_class": "STANDARD"
         *     }
         */
        'application/json': components['schemas']['CreateStorageConfigDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.create` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_testUnsaved: {
    parameters: {
      query: {
        organization_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "bucket": "oecsh-backups",
         *       "endpoint_url": "https://minio.example.com:9000",
         *       "name": "Production Backups",
         *       "path": "/srv/offsite-local/acme/backups",
         *       "path_prefix": "backups/",
         *       "provider": "cloudflare_r2",
         *       "region": "auto",
         *       "storage_class": "STANDARD"
         *     }
         */
        'application/json': components['schemas']['CreateStorageConfigDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestConnectionResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.create` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.delete` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        config_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "bucket": "oecsh-backups",
         *       "endpoint_url": "https://minio.example.com:9000",
         *       "name": "Production Backups",
         *       "path": "/srv/offsite-local/acme/backups",
         *       "path_prefix": "backups/",
         *       "provider": "cloudflare_r2",
         *       "region": "auto",
         *       "storage_class": "STANDARD"
         *     }
         */
        'application/json': components['schemas']['UpdateStorageConfigDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.update` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description is_default: false on the default configuration: make another one the default instead. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_buckets: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BucketsResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_recount: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageConfigResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.update` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageConfigs_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        config_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestConnectionResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.storage.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageSettings_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageSettingsResponse'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  StorageSettings_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "local_storage_roots": [
         *         "/srv/offsite-local/{organization_slug}"
         *       ]
         *     }
         */
        'application/json': components['schemas']['UpdateStorageSettingsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StorageSettingsResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller is not a platform administrator. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        backup_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        backup_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.delete` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The backup is still running or queued: cancel it first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        backup_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.create` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The backup has already finished. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        backup_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupDownloadResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.download` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The backup is not completed. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Backups_events: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        backup_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Server-Sent Events. `event: progress` carries the backup (as `#/components/schemas/BackupResponse`) at once and at every change of status, phase or bytes; `event: end` carries the final backup, then the stream closes; `event: error` reports a failure of the stream itself. Comments (`: keep-alive`) every 15 s keep proxies from closing a quiet stream. Reconnect with a new request (the first event is the current state). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Restores_restore: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes retries safe: the first answer is kept for 24 hours per organization and key and returned again (with `Idempotent-Replayed: true`) for the same request; the same key with a different request is a 409. Use a new UUID per intended operation. */
        'Idempotency-Key'?: string;
      };
      path: {
        backup_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "mode": "into_empty"
         *     }
         */
        'application/json': components['schemas']['CreateRestoreDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RestoreResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.restore` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The backup is not completed, or the into_empty target is not empty. Or: The Idempotency-Key was used with a different request in the last 24 hours, or its first request is still being served. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Restores_verify: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        backup_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {} */
        'application/json': components['schemas']['VerifyBackupDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RestoreResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.restore` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The backup is not completed. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Environments_list: {
    parameters: {
      query: {
        organization_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'][];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.environment.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Environments_create: {
    parameters: {
      query: {
        organization_id: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "database": {
         *         "host": "db.example.com",
         *         "name": "odoo",
         *         "port": 5432,
         *         "username": "odoo"
         *       },
         *       "filestore_path": "/srv/filestores/acme/production",
         *       "name": "production"
         *     }
         */
        'application/json': components['schemas']['CreateEnvironmentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.environment.create` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description An environment with this name already exists in the organization. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Environments_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        environment_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.environment.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Environments_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        environment_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.environment.delete` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The environment still has backups: delete them first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Environments_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        environment_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "filestore_path": "/srv/filestores/acme/production",
         *       "name": "production"
         *     }
         */
        'application/json': components['schemas']['UpdateEnvironmentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.environment.update` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description An environment with this name already exists in the organization. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Environments_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        environment_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentTestResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.environment.update` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Health_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Health_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "responseTime": 12,
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @example {} */
            error?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "responseTime": 12,
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
          };
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Organizations_listMine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyOrganizationResponse'][];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Organizations_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "Acme Corp",
         *       "slug": "acme"
         *     }
         */
        'application/json': components['schemas']['CreateOrganizationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description An organization with this slug already exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Organizations_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.read` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Organizations_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.delete` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Organizations_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {} */
        'application/json': components['schemas']['UpdateOrganizationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.manage` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description An organization with this slug already exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Audit_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        before?: string;
      };
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditLogPage'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.audit.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Members_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberResponse'][];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.member.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Members_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "xxxxxx",
         *       "role": "operator"
         *     }
         */
        'application/json': components['schemas']['AddMemberDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.member.manage` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The user is already a member. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Members_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: string;
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.member.manage` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The last owner cannot be removed. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Members_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: string;
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "role": "viewer"
         *     }
         */
        'application/json': components['schemas']['UpdateMemberDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.member.manage` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The last owner cannot be demoted. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Roles_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleResponse'][];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.role.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Roles_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "auditor",
         *       "permissions": [
         *         "org.read"
         *       ]
         *     }
         */
        'application/json': components['schemas']['CreateRoleDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.role.manage` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A role with this name already exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Roles_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        role_id: string;
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.role.manage` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The role is assigned to members. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Roles_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        role_id: string;
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {} */
        'application/json': components['schemas']['UpdateRoleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.role.manage` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description A role with this name already exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The request body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Restores_list: {
    parameters: {
      query: {
        organization_id: string;
        limit?: number;
        offset?: number;
        backup_id?: string;
        status?: 'pending' | 'running' | 'completed' | 'failed';
        kind?: 'restore' | 'verify';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RestorePageResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Restores_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        restore_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RestoreResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Restores_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        restore_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RestoreResponse'];
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.restore` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The restore has already finished. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  Restores_events: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        restore_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Server-Sent Events. `event: progress` carries the restore (as `#/components/schemas/RestoreResponse`) at once and at every change of status, phase or bytes; `event: end` carries the final restore, then the stream closes; `event: error` reports a failure of the stream itself. Comments (`: keep-alive`) every 15 s keep proxies from closing a quiet stream. Reconnect with a new request (the first event is the current state). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: a body field, query or path parameter breaks its rules (see `errors`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Missing, expired or invalid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The caller lacks the `org.backup.list` permission (`permission` names it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not a member of the organization. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this client address or token; retry after `Retry-After` seconds. */
      429: {
        headers: {
          'Retry-After': components['headers']['RetryAfter'];
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Unexpected server error; quote `request_id`. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
