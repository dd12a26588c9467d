// The "Using the client" example of docs/api-client.md, compiled with the project so it stays true.
import { createOffsiteClient } from './index.js';

export async function listStorage(baseUrl: string, email: string, password: string): Promise<string[]> {
  const anon = createOffsiteClient({ baseUrl });
  const { data: login, error } = await anon.POST('/api/v1/auth/login', { body: { email, password } });
  if (!login) throw new Error(`${error?.status} ${error?.detail}`); // error is the RFC 9457 problem

  const api = createOffsiteClient({ baseUrl, token: login.access_token });
  const { data: org } = await api.POST('/api/v1/organizations', { body: { name: 'Acme' } });
  if (!org) throw new Error('could not create the organization');
  const { data: configs } = await api.GET('/api/v1/backups/storage-configs', {
    params: { query: { organization_id: org.id } },
  });
  return (configs ?? []).map((c) => `${c.name} (${c.provider})${c.is_default ? ' default' : ''}`);
}
