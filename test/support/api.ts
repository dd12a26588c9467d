import { createOffsiteClient, type OffsiteClient } from '../../clients/typescript/index.js';
import type { TestApp } from './app.js';

export type { OffsiteClient, Problem, Schemas } from '../../clients/typescript/index.js';

/**
 * The generated client (clients/typescript) against a test app, as a frontend would use it. Every
 * response body is passed to `onBody` (e.g. to assert no secret is ever returned).
 */
export function apiClient(t: TestApp, token?: string, onBody?: (text: string) => void): OffsiteClient {
  const client = createOffsiteClient({ baseUrl: t.baseUrl, token });
  if (onBody) {
    client.use({
      async onResponse({ response }) {
        onBody(await response.clone().text());
        return response;
      },
    });
  }
  return client;
}

/** The typed 2xx body; fails the test with the status and problem when there is none. */
export function ok<T>(res: { data?: T; error?: unknown; response: Response }, status?: number): T {
  if (status !== undefined && res.response.status !== status) {
    throw new Error(
      `Expected ${status}, got ${res.response.status}: ${JSON.stringify(res.error ?? res.data)}`,
    );
  }
  if (res.data === undefined) {
    throw new Error(`Expected a success body, got ${res.response.status}: ${JSON.stringify(res.error)}`);
  }
  return res.data;
}

/** The typed problem of an error answer; fails the test when the status differs. */
export function problem<E>(res: { data?: unknown; error?: E; response: Response }, status: number): E {
  if (res.response.status !== status || res.error === undefined) {
    throw new Error(`Expected problem ${status}, got ${res.response.status}: ${JSON.stringify(res.data)}`);
  }
  expect(res.response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return res.error;
}
