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
     * An organization's environments (managed and its own), newest first.
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
  '/api/v1/admin/migrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Platform backup migrations, newest first.
     * @description Requires a platform administrator.
     */
    get: operations['AdminBackupMigrations_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/migrations/{migration_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One platform backup migration.
     * @description Requires a platform administrator.
     */
    get: operations['AdminBackupMigrations_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/migrations/{migration_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a platform migration after the backup it is moving.
     * @description Requires a platform administrator.
     */
    post: operations['AdminBackupMigrations_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
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
     * @description A plain array of every platform configuration, oldest first; not paginated.
     *
     *     Requires a platform administrator.
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
  '/api/v1/admin/storage-configs/{storage_config_id}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A platform storage configuration's health and its last 50 light probes.
     * @description Requires a platform administrator.
     */
    get: operations['AdminStorageHealth_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/storage-configs/{storage_config_id}/migrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move the backups (of every organization) stored on this platform config to another platform config, verified; e.g. retiring a provider.
     * @description Requires a platform administrator.
     */
    post: operations['AdminBackupMigrations_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
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
     * The organization's backups, newest first (cursor pagination).
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
     * @description A plain array of every configuration, oldest first: this list is not paginated (an organization enters its few storage targets by hand), unlike the lists that answer `{ items, next_cursor }`.
     *
     *     Requires permission `org.storage.list` in the organization.
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
  '/api/v1/backups/storage-configs/{config_id}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A storage configuration's health and its last 50 light probes.
     * @description Requires permission `org.storage.list` in the organization.
     */
    get: operations['StorageHealth_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/backups/storage-configs/{config_id}/migrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move backups from this storage config to another of the organization's: each copied, verified (size, sha256) and re-pointed, then optionally deleted from the source. Poll GET /migrations/{migration_id}.
     * @description Requires permission `org.storage.update` in the organization.
     */
    post: operations['BackupMigrations_create'];
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
    /**
     * Protect a backup from retention and deletion (protected: true), or release it.
     * @description Requires permission `org.backup.delete` in the organization.
     */
    patch: operations['Backups_update'];
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
     * The organization's environments, newest first.
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
  '/api/v1/environments/{environment_id}/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The environment's retention policy for its manual backups (null: kept until deleted by hand).
     * @description Requires permission `org.schedule.list` in the organization.
     */
    get: operations['EnvironmentRetention_get'];
    /**
     * Set (or with retention: null remove) the policy for the environment's manual backups; applied after each manual backup and by the sweep.
     * @description Requires permission `org.schedule.manage` in the organization.
     */
    put: operations['EnvironmentRetention_put'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/environments/{environment_id}/retention/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What the given (or the saved) policy would keep and delete among the manual backups; deletes nothing.
     * @description Requires permission `org.schedule.list` in the organization.
     */
    post: operations['EnvironmentRetention_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/environments/{environment_id}/schedules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The environment's schedules.
     * @description Requires permission `org.schedule.list` in the organization.
     */
    get: operations['EnvironmentSchedules_list'];
    put?: never;
    /**
     * Schedule backups of an environment (cron in an IANA zone) with an optional retention policy.
     * @description Requires permission `org.schedule.manage` in the organization.
     */
    post: operations['EnvironmentSchedules_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
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
  '/api/v1/migrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organization's backup migrations, newest first.
     * @description Requires permission `org.storage.list` in the organization.
     */
    get: operations['BackupMigrations_list'];
    put?: never;
    /**
     * Move the organization's backups from a storage config to another of its own, the source named in the body: one of its configs, or a platform config holding its backups (its own backups only; other organizations' are not touched). Otherwise as POST /backups/storage-configs/{config_id}/migrations.
     * @description Requires permission `org.storage.update` in the organization.
     */
    post: operations['BackupMigrations_createFrom'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/migrations/{migration_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One backup migration, with its progress and the state of each backup.
     * @description Requires permission `org.storage.list` in the organization.
     */
    get: operations['BackupMigrations_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/migrations/{migration_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a migration: it stops after the backup it is moving; the others stay on the source.
     * @description Requires permission `org.storage.update` in the organization.
     */
    post: operations['BackupMigrations_cancel'];
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
  '/api/v1/organizations/{org_id}/backup-health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One answer for a dashboard: freshness and last backup/verification/failure per environment, storage health and usage, failures in the last 24 h, and an overall status with its reasons.
     * @description Requires permission `org.backup.list` in the organization.
     */
    get: operations['BackupHealth_get'];
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
     * Members of the organization with their roles, newest first.
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
  '/api/v1/organizations/{org_id}/notification-channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organization's notification channels.
     * @description Requires permission `org.notification.list` in the organization.
     */
    get: operations['NotificationChannels_list'];
    put?: never;
    /**
     * Create a webhook or e-mail channel. A webhook answer carries its signing secret, shown only here.
     * @description Requires permission `org.notification.manage` in the organization.
     */
    post: operations['NotificationChannels_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/notification-channels/{channel_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One notification channel.
     * @description Requires permission `org.notification.list` in the organization.
     */
    get: operations['NotificationChannels_get'];
    put?: never;
    post?: never;
    /**
     * Delete a channel and its delivery history.
     * @description Requires permission `org.notification.manage` in the organization.
     */
    delete: operations['NotificationChannels_remove'];
    options?: never;
    head?: never;
    /**
     * Change name, URL or recipients, events, or enable/disable.
     * @description Requires permission `org.notification.manage` in the organization.
     */
    patch: operations['NotificationChannels_update'];
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/notification-channels/{channel_id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The last 100 deliveries of the channel, newest first.
     * @description Requires permission `org.notification.list` in the organization.
     */
    get: operations['NotificationChannels_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/notification-channels/{channel_id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replace the webhook signing secret; the new one is shown only in this answer.
     * @description Requires permission `org.notification.manage` in the organization.
     */
    post: operations['NotificationChannels_rotateSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{org_id}/notification-channels/{channel_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a `test` event now (one attempt, no retries) and report the delivery: status delivered or failed, response code, error.
     * @description Requires permission `org.notification.manage` in the organization.
     */
    post: operations['NotificationChannels_test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
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
  '/api/v1/schedules/{schedule_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One schedule, with its next and last run.
     * @description Requires permission `org.schedule.list` in the organization.
     */
    get: operations['Schedules_get'];
    put?: never;
    post?: never;
    /**
     * Delete a schedule; its backups stay (kept until deleted by hand).
     * @description Requires permission `org.schedule.manage` in the organization.
     */
    delete: operations['Schedules_remove'];
    options?: never;
    head?: never;
    /**
     * Change a schedule; disabling it stops future runs.
     * @description Requires permission `org.schedule.manage` in the organization.
     */
    patch: operations['Schedules_update'];
    trace?: never;
  };
  '/api/v1/schedules/{schedule_id}/next-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The next run times, in UTC and in the schedule's zone.
     * @description Requires permission `org.schedule.list` in the organization.
     */
    get: operations['Schedules_nextRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schedules/{schedule_id}/retention/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What retention would keep and delete, with the reasons, for the given policy or the schedule's own; deletes nothing.
     * @description Requires permission `org.schedule.list` in the organization.
     */
    post: operations['Schedules_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schedules/{schedule_id}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recent runs, newest first: started, skipped (with the reason) or failed, and missed times.
     * @description Requires permission `org.schedule.list` in the organization.
     */
    get: operations['Schedules_runs'];
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
       * @description Default: the platform's DEFAULT_COMPRESSION (gzip unless the operator chose zstd). zstd is recommended: several times faster at a similar size; gzip keeps archives readable by any unzip tool.
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
      /** @description The page size used. */
      limit: number;
      /** @description Pass as cursor for the next page; null on the last page. */
      next_cursor: string | null;
    };
    BackupDownloadResponse: {
      /** Format: uuid */
      backup_id: string;
      parts: components['schemas']['DownloadPartResponse'][];
    };
    BackupError: {
      code: string;
      message: string;
    };
    BackupHealthResponse: {
      environments: components['schemas']['EnvironmentHealth'][];
      /** Format: date-time */
      generated_at: string;
      last_24h: components['schemas']['RecentCounts'];
      /** @description why the status is not ok, worst first */
      reasons: components['schemas']['HealthReason'][];
      /** @enum {string} */
      status: 'ok' | 'warning' | 'critical';
      /** @description the organization's own storage configs */
      storage_configs: components['schemas']['StorageConfigHealth'][];
    };
    BackupMigrationItemResponse: {
      /** Format: uuid */
      backup_id: string;
      bytes_copied: number;
      bytes_total: number;
      /** @description e.g. integrity_failed */
      error_code: string | null;
      error_message: string | null;
      /** @enum {string|null} */
      method: 'stream' | 'server_side_copy' | null;
      /** Format: uuid */
      organization_id: string;
      /** @description Moved, but some source objects could not be deleted yet (retried in the background). */
      source_leftover: boolean;
      /**
       * @description pending: still on the source. repointed: on the target, source objects not deleted yet. done: on the target. failed / cancelled / skipped: stays on the source.
       * @enum {string}
       */
      state: 'pending' | 'repointed' | 'done' | 'failed' | 'cancelled' | 'skipped';
    };
    BackupMigrationPageResponse: {
      items: components['schemas']['BackupMigrationResponse'][];
      /** @description The page size used. */
      limit: number;
      /** @description Pass as cursor for the next page; null on the last page. */
      next_cursor: string | null;
    };
    BackupMigrationResponse: {
      attempts: number;
      /** @description Per backup, in order (single-migration reads only). */
      backups?: components['schemas']['BackupMigrationItemResponse'][];
      bytes_copied: number;
      bytes_total: number;
      /** Format: date-time */
      cancel_requested_at: string | null;
      cancelled_backups: number;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      readonly created_at: string;
      delete_source: boolean;
      /** @description Backups now on the target. */
      done_backups: number;
      /** Format: uuid */
      environment_id: string | null;
      error_code: string | null;
      error_message: string | null;
      /** @description Backups that stay on the source because of an error (see backups[].error_code). */
      failed_backups: number;
      /** Format: uuid */
      readonly id: string;
      /**
       * Format: uuid
       * @description null: a platform migration.
       */
      organization_id: string | null;
      /** @description Backups copied inside the storage service (CopyObject) instead of through the worker. */
      server_side_copies: number;
      /** @description Backups not moved because they changed meanwhile (deleted, no longer completed). */
      skipped_backups: number;
      /** @description Moved backups whose source objects are still to delete. */
      source_leftovers: number;
      /** Format: uuid */
      source_storage_config_id: string;
      /** Format: date-time */
      started_at: string | null;
      /** @enum {string} */
      status: 'pending' | 'running' | 'completed' | 'completed_with_errors' | 'cancelled' | 'failed';
      /** Format: uuid */
      target_storage_config_id: string;
      total_backups: number;
      /** Format: date-time */
      readonly updated_at: string;
    };
    BackupPageResponse: {
      items: components['schemas']['BackupResponse'][];
      /** @description The page size used. */
      limit: number;
      /** @description Pass as cursor for the next page; null on the last page. */
      next_cursor: string | null;
    };
    BackupPartResponse: {
      compression: string | null;
      /**
       * @description File name of the stored object.
       * @example database.sql.gz
       */
      file: string;
      format: string;
      /** @description Object key relative to the storage config's path prefix. */
      key: string;
      /**
       * @description Logical part: database, filestore or manifest.
       * @example database
       */
      name: string;
      sha256: string | null;
      size_bytes: number;
    };
    BackupResponse: {
      attempts: number;
      /** @description Bytes written to storage so far (compressed database dump + compressed filestore archive; custom dumps as pg_dump wrote them). */
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
      /** @description Never deleted by retention (nor by DELETE) while true. */
      protected: boolean;
      /**
       * Format: uuid
       * @description The schedule that made it.
       */
      schedule_id: string | null;
      started_at: string | null;
      /** @enum {string} */
      status: 'pending' | 'running' | 'completed' | 'failed' | 'delete_failed';
      /** @description Where the backup is stored, also when that is the platform storage (null if the config is gone). */
      storage: components['schemas']['BackupStorageResponse'] | null;
      /** Format: uuid */
      storage_config_id: string;
      /** @description Sum of the stored objects, manifest included. */
      total_size_bytes: number;
      /**
       * @description manual (POST /backups) or schedule.
       * @enum {string}
       */
      trigger: 'manual' | 'schedule';
      readonly updated_at: string;
      verification_status: string | null;
      verified_at: string | null;
    };
    BackupStorageResponse: {
      /** Format: uuid */
      readonly id: string;
      /** @example Primary S3 */
      name: string;
      /** @example s3 */
      provider: string;
      /**
       * @description platform: the platform's storage (the organization cannot read or change the config itself); organization: one of the organization's own configs.
       * @enum {string}
       */
      scope: 'platform' | 'organization';
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
    CheckedPartResponse: {
      name: string;
      sha256: string;
      size_bytes: number;
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
    CreateBackupMigrationDto: {
      /** @description Only these backups (each completed and on the source config). Default: every completed backup on it. */
      backup_ids?: string[];
      /**
       * @description Delete each backup's objects from the source once it is copied, verified and re-pointed.
       * @default false
       */
      delete_source?: boolean;
      /**
       * Format: uuid
       * @description Only the backups of this environment.
       */
      environment_id?: string;
      /**
       * Format: uuid
       * @description The storage config the backups move to.
       */
      target_storage_config_id: string;
    };
    CreateEnvironmentDto: {
      /**
       * @description Default: the platform's DEFAULT_COMPRESSION (gzip unless the operator chose zstd). zstd is recommended: several times faster at a similar size; gzip keeps archives readable by any unzip tool.
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
    CreateNotificationChannelDto: {
      /** @default true */
      enabled?: boolean;
      /** @description The events this channel receives. Default: all except backup.completed and retention.deleted. */
      events?: (
        | 'backup.failed'
        | 'backup.completed'
        | 'backup.stale'
        | 'backup.fresh'
        | 'storage.unhealthy'
        | 'storage.recovered'
        | 'restore.completed'
        | 'restore.failed'
        | 'verification.failed'
        | 'retention.deleted'
      )[];
      /** @enum {string} */
      kind: 'webhook' | 'email';
      /** @example Ops webhook */
      name: string;
      /**
       * @description email only (required): 1 to 10 recipients.
       * @example [
       *       "ops@example.com"
       *     ]
       */
      recipients?: string[];
      /**
       * @description webhook only (required): an https:// URL on a public host (the storage endpoint rules apply, checked at save and at each delivery).
       * @example https://hooks.example.com/offsite
       */
      url?: string;
    };
    CreateOrgBackupMigrationDto: {
      /** @description Only these backups (each completed and on the source config). Default: every completed backup on it. */
      backup_ids?: string[];
      /**
       * @description Delete each backup's objects from the source once it is copied, verified and re-pointed.
       * @default false
       */
      delete_source?: boolean;
      /**
       * Format: uuid
       * @description Only the backups of this environment.
       */
      environment_id?: string;
      /**
       * Format: uuid
       * @description The storage config the backups move from: one of the organization's, or a platform config that holds the organization's backups (e.g. the platform default used before the organization brought its own storage).
       */
      source_storage_config_id: string;
      /**
       * Format: uuid
       * @description The storage config the backups move to.
       */
      target_storage_config_id: string;
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
    CreateScheduleDto: {
      /**
       * @description Five fields (minute hour day-of-month month day-of-week) with lists, ranges and steps, or @hourly, @daily, @midnight, @weekly, @monthly, @yearly.
       * @example 30 2 * * *
       */
      cron: string;
      /** @default true */
      enabled?: boolean;
      /**
       * @description Each run starts up to this many seconds after its cron time (a fixed offset per schedule).
       * @default 0
       */
      jitter_seconds?: number;
      /** @example nightly */
      name: string;
      /** @description Null: keep every backup. */
      retention?: components['schemas']['RetentionPolicyDto'] | null;
      /**
       * Format: uuid
       * @description Default: the environment's config, else the organization's default, else the platform's.
       */
      storage_config_id?: string | null;
      /**
       * @description IANA time zone.
       * @default UTC
       * @example Europe/Berlin
       */
      timezone?: string;
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
       * @description Decides which other fields are required (a missing one is a 400 naming it; docs/storage-providers.md): aws_s3: bucket, access_key, secret_key (region optional). cloudflare_r2: bucket, access_key, secret_key, account_id (32 hex). backblaze_b2, digitalocean_spaces, wasabi: bucket, access_key, secret_key, region. minio, s3_compatible: bucket, access_key, secret_key, endpoint_url. ftp: host, access_key (user), secret_key (password); use_tls unless the platform allows insecure endpoints. sftp: host, access_key (user), secret_key (password) or private_key. local: path (or bucket), inside the platform's local_storage_roots for the organization.
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
    CreatedNotificationChannelResponse: {
      /** Format: date-time */
      readonly created_at: string;
      /** @description Why Offsite disabled the channel (e.g. the receiver answered 410 Gone). */
      disabled_reason: string | null;
      enabled: boolean;
      events: (
        | 'backup.failed'
        | 'backup.completed'
        | 'backup.stale'
        | 'backup.fresh'
        | 'storage.unhealthy'
        | 'storage.recovered'
        | 'restore.completed'
        | 'restore.failed'
        | 'verification.failed'
        | 'retention.deleted'
      )[];
      /** @description webhook: a signing secret exists (it is shown only when created or rotated). */
      has_secret: boolean;
      /** Format: uuid */
      readonly id: string;
      /** @enum {string} */
      kind: 'webhook' | 'email';
      name: string;
      /** Format: uuid */
      organization_id: string;
      recipients: string[] | null;
      /** @description webhook: the signing secret, shown only in this answer (store it now; rotate it to get a new one). null for e-mail. */
      secret: string | null;
      /** Format: date-time */
      secret_rotated_at: string | null;
      /** Format: date-time */
      readonly updated_at: string;
      url: string | null;
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
    DefaultStorageResponse: {
      /** @example Platform S3 */
      name: string;
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
      /** @example eu-central-1 */
      region: string | null;
    };
    DownloadPartResponse: {
      expires_at: string;
      /**
       * @description File name to save it as.
       * @example database.sql.gz
       */
      file: string;
      /**
       * @description Logical part: database, filestore or manifest.
       * @example database
       */
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
    EnvironmentHealth: {
      /** @description the shortest interval of its enabled schedules */
      expected_interval_seconds: number | null;
      /**
       * @description null: the environment has no enabled schedule, so no expected interval.
       * @enum {string|null}
       */
      freshness: 'fresh' | 'late' | 'stale' | 'never' | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      last_completed_at: string | null;
      last_error: components['schemas']['BackupError'] | null;
      /** Format: date-time */
      last_failed_at: string | null;
      /** Format: date-time */
      last_verified_at: string | null;
      /**
       * Format: date-time
       * @description when it turns (turned) late
       */
      late_at: string | null;
      name: string;
      /** Format: date-time */
      next_scheduled_run_at: string | null;
      /**
       * Format: date-time
       * @description when it turns (turned) stale
       */
      stale_at: string | null;
    };
    EnvironmentPage: {
      items: components['schemas']['EnvironmentResponse'][];
      /** @description The page size used. */
      limit: number;
      /** @description Pass as cursor for the next page; null on the last page. */
      next_cursor: string | null;
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
    EnvironmentRetentionDto: {
      /** @description The policy for the environment's manual backups; null removes it (keep them all). */
      retention: components['schemas']['RetentionPolicyDto'] | null;
      /**
       * @description IANA zone the buckets are counted in.
       * @default UTC
       * @example Europe/Berlin
       */
      timezone?: string;
    };
    EnvironmentRetentionPreviewResponse: {
      delete_count: number;
      /** Format: uuid */
      environment_id: string;
      items: components['schemas']['RetentionDecisionResponse'][];
      keep_count: number;
      policy: components['schemas']['RetentionPolicyResponse'] | null;
      timezone: string;
    };
    EnvironmentRetentionResponse: {
      /** Format: uuid */
      environment_id: string;
      last_run_at: string | null;
      /** @description Null: manual backups are kept until deleted by hand. */
      retention: components['schemas']['RetentionPolicyResponse'] | null;
      timezone: string;
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
    HealthReason: {
      /** @description backup_stale, backup_late, backup_never, storage_unhealthy, storage_degraded, backups_failed, restores_failed */
      code: string;
      /** Format: uuid */
      environment_id: string | null;
      message: string;
      /** @enum {string} */
      severity: 'warning' | 'critical';
      /** Format: uuid */
      storage_config_id: string | null;
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
    MemberPage: {
      items: components['schemas']['MemberResponse'][];
      /** @description The page size used. */
      limit: number;
      /** @description Pass as cursor for the next page; null on the last page. */
      next_cursor: string | null;
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
    NextRunResponse: {
      /** @example 2026-03-29T01:00:00.000Z */
      at: string;
      /**
       * @description The same time in the schedule's zone.
       * @example 2026-03-29T03:00:00+02:00
       */
      local: string;
    };
    NextRunsResponse: {
      items: components['schemas']['NextRunResponse'][];
      jitter_seconds: number;
      timezone: string;
    };
    NotificationChannelResponse: {
      /** Format: date-time */
      readonly created_at: string;
      /** @description Why Offsite disabled the channel (e.g. the receiver answered 410 Gone). */
      disabled_reason: string | null;
      enabled: boolean;
      events: (
        | 'backup.failed'
        | 'backup.completed'
        | 'backup.stale'
        | 'backup.fresh'
        | 'storage.unhealthy'
        | 'storage.recovered'
        | 'restore.completed'
        | 'restore.failed'
        | 'verification.failed'
        | 'retention.deleted'
      )[];
      /** @description webhook: a signing secret exists (it is shown only when created or rotated). */
      has_secret: boolean;
      /** Format: uuid */
      readonly id: string;
      /** @enum {string} */
      kind: 'webhook' | 'email';
      name: string;
      /** Format: uuid */
      organization_id: string;
      recipients: string[] | null;
      /** Format: date-time */
      secret_rotated_at: string | null;
      /** Format: date-time */
      readonly updated_at: string;
      url: string | null;
    };
    NotificationDeliveryResponse: {
      attempts: number;
      /** Format: uuid */
      channel_id: string;
      /** Format: date-time */
      readonly created_at: string;
      /** Format: date-time */
      delivered_at: string | null;
      /**
       * Format: uuid
       * @description null for a channel test
       */
      event_id: string | null;
      /** @description an event type, or test */
      event_type: string;
      /** Format: uuid */
      readonly id: string;
      last_error: string | null;
      /** Format: date-time */
      next_attempt_at: string | null;
      /** @description HTTP status of the last attempt (webhook), 250 for accepted e-mail */
      response_code: number | null;
      /** @enum {string} */
      status: 'pending' | 'retrying' | 'delivered' | 'failed';
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
    RecentCounts: {
      /** @description failed backups (not cancelled) in the last 24 h */
      backups_failed: number;
      /** @description failed restores and verifications (not cancelled) in the last 24 h */
      restores_failed: number;
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
      /** @description The page size used. */
      limit: number;
      /** @description Pass as cursor for the next page; null on the last page. */
      next_cursor: string | null;
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
      /** @description What was restored or checked; null until the restore has done something. */
      result: components['schemas']['RestoreResultResponse'] | null;
      started_at: string | null;
      /** @enum {string} */
      status: 'pending' | 'running' | 'completed' | 'failed';
      /** Format: uuid */
      target_environment_id: string;
      readonly updated_at: string;
    };
    RestoreResultResponse: {
      database?: components['schemas']['RestoredDatabaseResponse'];
      filestore?: components['schemas']['RestoredFilestoreResponse'];
      /** @description The stored parts read and checked. */
      parts?: components['schemas']['CheckedPartResponse'][];
      /** @description Only while names are being swapped: what a resumed attempt finishes. */
      swap?: components['schemas']['RestoreSwapResponse'];
    };
    RestoreSwapResponse: {
      entries: number | null;
      stamp: string;
      tables: number;
    };
    RestoredDatabaseResponse: {
      /** @description The database now holding the backup. */
      name: string;
      /** @description replace: the old database, kept under this name. */
      previous_name: string | null;
      tables: number;
    };
    RestoredFilestoreResponse: {
      entries: number;
      path: string;
      /** @description replace: the old directory, kept at this path. */
      previous_path: string | null;
    };
    RetentionDecisionResponse: {
      /** @enum {string} */
      action: 'keep' | 'delete';
      /** Format: uuid */
      backup_id: string;
      readonly created_at: string;
      /**
       * @example [
       *       "daily 2026-12-04",
       *       "last 3"
       *     ]
       */
      reasons: string[];
      status: string;
    };
    RetentionPolicyDto: {
      /** @description The newest backup of each of the last N days that have one. -1 keeps all. */
      keep_daily?: number | null;
      /** @description The newest backup of each of the last N hours that have one. -1 keeps all. */
      keep_hourly?: number | null;
      /** @description The N newest backups. -1 keeps all. */
      keep_last?: number | null;
      /** @description The newest backup of each of the last N months that have one. -1 keeps all. */
      keep_monthly?: number | null;
      /** @description The newest backup of each of the last N ISO weeks that have one. -1 keeps all. */
      keep_weekly?: number | null;
      /**
       * @description Every backup within this duration of the newest one: digits with units y (years), m (months), w (weeks), d (days), h (hours).
       * @example 2w3d
       */
      keep_within?: string | null;
      /** @description The newest backup of each of the last N years that have one. -1 keeps all. */
      keep_yearly?: number | null;
    };
    RetentionPolicyResponse: {
      keep_daily: number | null;
      keep_hourly: number | null;
      keep_last: number | null;
      keep_monthly: number | null;
      keep_weekly: number | null;
      keep_within: string | null;
      keep_yearly: number | null;
    };
    RetentionPreviewDto: {
      /** @description A policy to try; default: the schedule's. */
      retention?: components['schemas']['RetentionPolicyDto'];
    };
    RetentionPreviewResponse: {
      delete_count: number;
      items: components['schemas']['RetentionDecisionResponse'][];
      keep_count: number;
      policy: components['schemas']['RetentionPolicyResponse'] | null;
      /** Format: uuid */
      schedule_id: string;
      timezone: string;
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
    ScheduleResponse: {
      readonly created_at: string;
      cron: string;
      enabled: boolean;
      /** Format: uuid */
      environment_id: string;
      /** Format: uuid */
      readonly id: string;
      jitter_seconds: number;
      /** Format: uuid */
      last_backup_id: string | null;
      /** @description Why the last run was skipped or failed. */
      last_reason: string | null;
      last_retention_at: string | null;
      last_run_at: string | null;
      /** @enum {string|null} */
      last_status: 'started' | 'skipped' | 'failed' | null;
      name: string;
      /** @description The next run (cron time + jitter); null while disabled. */
      next_run_at: string | null;
      /** Format: uuid */
      organization_id: string;
      retention: components['schemas']['RetentionPolicyResponse'] | null;
      /** Format: uuid */
      storage_config_id: string | null;
      timezone: string;
      readonly updated_at: string;
    };
    ScheduleRunResponse: {
      /** Format: uuid */
      backup_id: string | null;
      claimed_at: string;
      due_at: string;
      /** Format: uuid */
      readonly id: string;
      /** @description Due times that passed while no worker ran; this run stood in for them. */
      missed_count: number;
      /** @description The missed due times (at most 100). */
      missed_times: string[];
      reason: string | null;
      /** Format: uuid */
      schedule_id: string;
      /** @enum {string} */
      status: 'started' | 'skipped' | 'failed';
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
    StorageConfigHealth: {
      /** @enum {string} */
      health: 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
      /** Format: date-time */
      health_checked_at: string | null;
      health_message: string | null;
      /** Format: uuid */
      id: string;
      is_active: boolean;
      name: string;
      object_count: number;
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
      total_size_bytes: number;
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
      /**
       * @description Result of the periodic light probe: one failure → degraded, two in a row → unhealthy; unknown until the first probe. Informs only: never blocks a test or a backup.
       * @enum {string}
       */
      health: 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
      /** Format: date-time */
      health_checked_at: string | null;
      /** @description storage error code of the last failure */
      health_error_code: string | null;
      health_message: string | null;
      host: string | null;
      host_key_fingerprint: string | null;
      /** Format: uuid */
      readonly id: string;
      is_active: boolean;
      is_default: boolean;
      /** Format: date-time */
      last_healthy_at: string | null;
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
    StorageHealthResponse: {
      /** @enum {string} */
      health: 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
      /** Format: date-time */
      health_checked_at: string | null;
      health_error_code: string | null;
      health_message: string | null;
      /** Format: date-time */
      last_healthy_at: string | null;
      /** @description The last 50 probes, newest first. */
      probes: components['schemas']['StorageProbeResponse'][];
      /** Format: uuid */
      storage_config_id: string;
    };
    StorageProbeResponse: {
      /** Format: date-time */
      checked_at: string;
      duration_ms: number;
      error_code: string | null;
      /** @description e.g. connectivity, authentication, write probe */
      failed_step: string | null;
      /**
       * @description the config's health after this probe
       * @enum {string}
       */
      health: 'healthy' | 'degraded' | 'unhealthy' | 'unknown';
      latency_ms: number | null;
      message: string;
      success: boolean;
    };
    StorageSettingsResponse: {
      /** @description plain http:// endpoints and FTP without TLS */
      allow_insecure_endpoints: boolean;
      allow_org_byos: boolean;
      /** @description loopback / private / link-local endpoints */
      allow_private_endpoints: boolean;
      /** @description The platform's default storage as organizations see it (no endpoint, bucket or credentials). */
      default_storage: components['schemas']['DefaultStorageResponse'] | null;
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
      /** @description Rows of failed backups are pruned after this many days. */
      failed_backups_keep_days: number;
      /** @description An environment is late when its newest completed backup is older than this × its interval. */
      freshness_late_factor: number;
      /** @description … and stale past this × its interval. */
      freshness_stale_factor: number;
      has_default_storage: boolean;
      /** @description Directories organizations' `local` storage configs must lie in (empty: no `local` for organizations). */
      local_storage_roots: string[];
      /** @description Schedules may not fire more often than this many minutes apart. */
      min_schedule_interval_minutes: number;
      /** @description Minutes between two light health probes of each active storage config. */
      storage_probe_interval_minutes: number;
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
    UpdateBackupDto: {
      /** @description A protected backup is never deleted by retention nor by DELETE. */
      protected?: boolean;
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
      /**
       * @description Default: the platform's DEFAULT_COMPRESSION (gzip unless the operator chose zstd). zstd is recommended: several times faster at a similar size; gzip keeps archives readable by any unzip tool.
       * @enum {string}
       */
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
    UpdateNotificationChannelDto: {
      /** @description true also re-enables a channel the platform disabled (410 Gone). */
      enabled?: boolean;
      events?: (
        | 'backup.failed'
        | 'backup.completed'
        | 'backup.stale'
        | 'backup.fresh'
        | 'storage.unhealthy'
        | 'storage.recovered'
        | 'restore.completed'
        | 'restore.failed'
        | 'verification.failed'
        | 'retention.deleted'
      )[];
      name?: string;
      /** @description email only. */
      recipients?: string[];
      /** @description webhook only. */
      url?: string;
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
    UpdateScheduleDto: {
      /**
       * @description Five fields (minute hour day-of-month month day-of-week) with lists, ranges and steps, or @hourly, @daily, @midnight, @weekly, @monthly, @yearly.
       * @example 30 2 * * *
       */
      cron?: string;
      enabled?: boolean;
      /** @description Each run starts up to this many seconds after its cron time (a fixed offset per schedule). */
      jitter_seconds?: number;
      /** @example nightly */
      name?: string;
      /** @description Null: keep every backup. */
      retention?: components['schemas']['RetentionPolicyDto'] | null;
      /**
       * Format: uuid
       * @description Default: the environment's config, else the organization's default, else the platform's.
       */
      storage_config_id?: string | null;
      /**
       * @description IANA time zone.
       * @example Europe/Berlin
       */
      timezone?: string;
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
       * @description Decides which other fields are required (a missing one is a 400 naming it; docs/storage-providers.md): aws_s3: bucket, access_key, secret_key (region optional). cloudflare_r2: bucket, access_key, secret_key, account_id (32 hex). backblaze_b2, digitalocean_spaces, wasabi: bucket, access_key, secret_key, region. minio, s3_compatible: bucket, access_key, secret_key, endpoint_url. ftp: host, access_key (user), secret_key (password); use_tls unless the platform allows insecure endpoints. sftp: host, access_key (user), secret_key (password) or private_key. local: path (or bucket), inside the platform's local_storage_roots for the organization.
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
      /**
       * @description Providers to remove from the enabled list; the others stay as they are.
       * @example [
       *       "ftp"
       *     ]
       */
      disable_providers?: (
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
       * @description Providers to add to the enabled list; the others stay as they are.
       * @example [
       *       "local"
       *     ]
       */
      enable_providers?: (
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
      /** @description The whole list of enabled providers (replaces it). To change a few, use enable_providers / disable_providers. */
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
      /** @description Rows of failed backups (which hold no objects) are pruned after this many days (default 30). */
      failed_backups_keep_days?: number;
      /** @example 1.5 */
      freshness_late_factor?: number;
      /** @example 3 */
      freshness_stale_factor?: number;
      /**
       * @description Directories under which organizations' `local` storage configs must lie ({organization_id} / {organization_slug} give each its own subtree). Empty: organizations cannot create `local` configs.
       * @example [
       *       "/srv/offsite-local/{organization_slug}"
       *     ]
       */
      local_storage_roots?: string[];
      /** @description Schedules may not fire more often than this many minutes apart (default 60). */
      min_schedule_interval_minutes?: number;
      /** @example 60 */
      storage_probe_interval_minutes?: number;
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
    WebhookSecretResponse: {
      /** @description The new signing secret, shown only here. The old one stops working at once. */
      secret: string;
      /** Format: date-time */
      secret_rotated_at: string;
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
        limit?: number;
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
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
          'application/json': components['schemas']['EnvironmentPage'];
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
  AdminBackupMigrations_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
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
          'application/json': components['schemas']['BackupMigrationPageResponse'];
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
  AdminBackupMigrations_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        migration_id: string;
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
          'application/json': components['schemas']['BackupMigrationResponse'];
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
  AdminBackupMigrations_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        migration_id: string;
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
          'application/json': components['schemas']['BackupMigrationResponse'];
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
  AdminStorageHealth_get: {
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
          'application/json': components['schemas']['StorageHealthResponse'];
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
  AdminBackupMigrations_create: {
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
         *       "target_storage_config_id": "3f2b8f5e-6a4c-4d1e-9b7a-2c8d5e1f0a9b"
         *     }
         */
        'application/json': components['schemas']['CreateBackupMigrationDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupMigrationResponse'];
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
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
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
  StorageHealth_get: {
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
          'application/json': components['schemas']['StorageHealthResponse'];
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
  BackupMigrations_create: {
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
         *       "target_storage_config_id": "3f2b8f5e-6a4c-4d1e-9b7a-2c8d5e1f0a9b"
         *     }
         */
        'application/json': components['schemas']['CreateBackupMigrationDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupMigrationResponse'];
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
         *       "disable_providers": [
         *         "ftp"
         *       ],
         *       "enable_providers": [
         *         "local"
         *       ],
         *       "freshness_late_factor": 1.5,
         *       "freshness_stale_factor": 3,
         *       "local_storage_roots": [
         *         "/srv/offsite-local/{organization_slug}"
         *       ],
         *       "storage_probe_interval_minutes": 60
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
  Backups_update: {
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
        'application/json': components['schemas']['UpdateBackupDto'];
      };
    };
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
        limit?: number;
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
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
          'application/json': components['schemas']['EnvironmentPage'];
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
  EnvironmentRetention_get: {
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
          'application/json': components['schemas']['EnvironmentRetentionResponse'];
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
      /** @description The caller lacks the `org.schedule.list` permission (`permission` names it). */
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
  EnvironmentRetention_put: {
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
         *       "retention": {},
         *       "timezone": "Europe/Berlin"
         *     }
         */
        'application/json': components['schemas']['EnvironmentRetentionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentRetentionResponse'];
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
      /** @description The caller lacks the `org.schedule.manage` permission (`permission` names it). */
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
  EnvironmentRetention_preview: {
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
        /** @example {} */
        'application/json': components['schemas']['RetentionPreviewDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnvironmentRetentionPreviewResponse'];
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
      /** @description The caller lacks the `org.schedule.list` permission (`permission` names it). */
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
  EnvironmentSchedules_list: {
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
          'application/json': components['schemas']['ScheduleResponse'][];
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
      /** @description The caller lacks the `org.schedule.list` permission (`permission` names it). */
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
  EnvironmentSchedules_create: {
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
         *       "cron": "30 2 * * *",
         *       "name": "nightly",
         *       "timezone": "Europe/Berlin"
         *     }
         */
        'application/json': components['schemas']['CreateScheduleDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleResponse'];
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
      /** @description The caller lacks the `org.schedule.manage` permission (`permission` names it). */
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
  BackupMigrations_list: {
    parameters: {
      query: {
        limit?: number;
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
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
          'application/json': components['schemas']['BackupMigrationPageResponse'];
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
  BackupMigrations_createFrom: {
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
         *       "source_storage_config_id": "3f2b8f5e-6a4c-4d1e-9b7a-2c8d5e1f0a9b",
         *       "target_storage_config_id": "3f2b8f5e-6a4c-4d1e-9b7a-2c8d5e1f0a9b"
         *     }
         */
        'application/json': components['schemas']['CreateOrgBackupMigrationDto'];
      };
    };
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BackupMigrationResponse'];
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
  BackupMigrations_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        migration_id: string;
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
          'application/json': components['schemas']['BackupMigrationResponse'];
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
  BackupMigrations_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        migration_id: string;
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
          'application/json': components['schemas']['BackupMigrationResponse'];
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
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
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
  BackupHealth_get: {
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
          'application/json': components['schemas']['BackupHealthResponse'];
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
  Members_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
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
          'application/json': components['schemas']['MemberPage'];
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
  NotificationChannels_list: {
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
          'application/json': components['schemas']['NotificationChannelResponse'][];
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
      /** @description The caller lacks the `org.notification.list` permission (`permission` names it). */
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
  NotificationChannels_create: {
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
         *       "kind": "webhook",
         *       "name": "Ops webhook",
         *       "recipients": [
         *         "ops@example.com"
         *       ],
         *       "url": "https://hooks.example.com/offsite"
         *     }
         */
        'application/json': components['schemas']['CreateNotificationChannelDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedNotificationChannelResponse'];
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
      /** @description The caller lacks the `org.notification.manage` permission (`permission` names it). */
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
  NotificationChannels_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
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
          'application/json': components['schemas']['NotificationChannelResponse'];
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
      /** @description The caller lacks the `org.notification.list` permission (`permission` names it). */
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
  NotificationChannels_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
        org_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
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
      /** @description The caller lacks the `org.notification.manage` permission (`permission` names it). */
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
  NotificationChannels_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
        org_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {} */
        'application/json': components['schemas']['UpdateNotificationChannelDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationChannelResponse'];
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
      /** @description The caller lacks the `org.notification.manage` permission (`permission` names it). */
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
  NotificationChannels_deliveries: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
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
          'application/json': components['schemas']['NotificationDeliveryResponse'][];
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
      /** @description The caller lacks the `org.notification.list` permission (`permission` names it). */
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
  NotificationChannels_rotateSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
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
          'application/json': components['schemas']['WebhookSecretResponse'];
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
      /** @description The caller lacks the `org.notification.manage` permission (`permission` names it). */
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
  NotificationChannels_test: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        channel_id: string;
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
          'application/json': components['schemas']['NotificationDeliveryResponse'];
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
      /** @description The caller lacks the `org.notification.manage` permission (`permission` names it). */
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
        limit?: number;
        /** @description The next_cursor of the previous page; omit for the first page. */
        cursor?: string;
        organization_id: string;
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
  Schedules_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schedule_id: string;
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
          'application/json': components['schemas']['ScheduleResponse'];
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
      /** @description The caller lacks the `org.schedule.list` permission (`permission` names it). */
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
  Schedules_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schedule_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
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
      /** @description The caller lacks the `org.schedule.manage` permission (`permission` names it). */
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
  Schedules_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schedule_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "cron": "30 2 * * *",
         *       "name": "nightly",
         *       "timezone": "Europe/Berlin"
         *     }
         */
        'application/json': components['schemas']['UpdateScheduleDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScheduleResponse'];
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
      /** @description The caller lacks the `org.schedule.manage` permission (`permission` names it). */
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
  Schedules_nextRuns: {
    parameters: {
      query?: {
        count?: number;
      };
      header?: never;
      path: {
        schedule_id: string;
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
          'application/json': components['schemas']['NextRunsResponse'];
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
      /** @description The caller lacks the `org.schedule.list` permission (`permission` names it). */
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
  Schedules_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        schedule_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /** @example {} */
        'application/json': components['schemas']['RetentionPreviewDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetentionPreviewResponse'];
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
      /** @description The caller lacks the `org.schedule.list` permission (`permission` names it). */
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
  Schedules_runs: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        schedule_id: string;
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
          'application/json': components['schemas']['ScheduleRunResponse'][];
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
      /** @description The caller lacks the `org.schedule.list` permission (`permission` names it). */
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
