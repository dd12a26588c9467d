/** True for PostgreSQL unique_violation (23505), e.g. to turn a racing duplicate into a 409. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
