/** Keys whose values never reach an audit diff (matched anywhere in the key, case-insensitively). */
const SECRET_KEY = /pass(word|phrase)|secret|token|private_?key|access_?key|api_?key|credential|hash/i;

export const REDACTED = '[redacted]';

/** A deep copy of value with every secret-looking key's value replaced by "[redacted]". */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? REDACTED : redactSecrets(v, depth + 1),
      ]),
    );
  }
  return value;
}

export type Diff = Record<string, { from: unknown; to: unknown }>;

/** `{field: {from, to}}` for the fields that differ (compared as JSON). */
export function changes<T extends object>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: (keyof T & string)[],
): Diff {
  const diff: Diff = {};
  for (const field of fields) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[field] = { from, to };
  }
  return diff;
}
