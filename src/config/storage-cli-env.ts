/**
 * Defaults for `storage:validate` from the reference environment variables of the storage validation report:
 * STORAGE_BACKEND=s3|local, STORAGE_S3_BUCKET, STORAGE_S3_REGION, STORAGE_S3_ACCESS_KEY_ID,
 * STORAGE_S3_SECRET_ACCESS_KEY, STORAGE_S3_ENDPOINT. Only the CLI uses them; flags win.
 */
export interface StorageCliEnv {
  backend?: string;
  bucket?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  endpoint?: string;
  /** CI=true (or 1): with no storage configured the command skips instead of failing. */
  ci?: boolean;
}

export function readStorageCliEnv(env: Record<string, string | undefined> = process.env): StorageCliEnv {
  const get = (name: string) => env[name]?.trim() || undefined;
  return {
    backend: get('STORAGE_BACKEND')?.toLowerCase(),
    bucket: get('STORAGE_S3_BUCKET'),
    region: get('STORAGE_S3_REGION'),
    accessKeyId: get('STORAGE_S3_ACCESS_KEY_ID'),
    secretAccessKey: get('STORAGE_S3_SECRET_ACCESS_KEY'),
    endpoint: get('STORAGE_S3_ENDPOINT'),
    ci: /^(true|1)$/i.test(get('CI') ?? ''),
  };
}
