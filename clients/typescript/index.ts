import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
/** Every schema of the API by name, e.g. `Schemas['StorageConfigResponse']`. */
export type Schemas = components['schemas'];
/** The RFC 9457 problem every error answers with. */
export type Problem = Schemas['Problem'];
export type OffsiteClient = Client<paths>;

export interface OffsiteClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the API is deployed, without /api/v1, e.g. https://offsite.example.com */
  baseUrl: string;
  /** A bearer token from POST /api/v1/auth/login, sent on every request. */
  token?: string;
}

/**
 * A typed client for the Offsite API: `client.GET('/api/v1/backups/{backup_id}', { params: { path:
 * { backup_id } } })` answers `{ data, error, response }`, with `data` typed by the operation's 2xx
 * schema and `error` by its problem+json schema.
 */
export function createOffsiteClient({ baseUrl, token, ...rest }: OffsiteClientOptions): OffsiteClient {
  const client = createClient<paths>({ baseUrl, ...rest });
  if (token) {
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
