import { Writable } from 'node:stream';
import { pinoHttp, type Options } from 'pino-http';
import { DataSource, QueryFailedError } from 'typeorm';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { loggerParams } from '../../src/common/logging/logging.js';
import { loadConfig } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** The app's logger, as configured for production (JSON), writing into a string. */
function captureLogger() {
  let output = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      output += chunk;
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'trace',
    LOG_FORMAT: 'json',
    JWT_SECRET: 'log-test-secret-log-test-secret-0123456789',
    CREDENTIALS_KEYS: 'k1:' + Buffer.alloc(32, 7).toString('base64'),
  });
  const options = loggerParams(config).pinoHttp as Options;
  const { logger } = pinoHttp(options, stream);
  return { logger, output: () => output };
}

describe('failed statements are logged without their values (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ds.query(
      `CREATE TABLE secrets (id int PRIMARY KEY, hash text NOT NULL CHECK (hash <> 'refused'), note text)`,
    );
    await ds.query(`INSERT INTO secrets VALUES (1, 'scrypt$existing-row-hash', 'x')`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const failingInsert = async (params: unknown[]): Promise<QueryFailedError> => {
    try {
      await ds.query('INSERT INTO secrets (id, hash, note) VALUES ($1, $2, $3)', params);
    } catch (err) {
      return err as QueryFailedError;
    }
    throw new Error('the insert was expected to fail');
  };

  it('drops parameters and row details from the error, its driver error and wrapping errors', async () => {
    const failures = [
      // NUL in text: PostgreSQL refuses the value.
      await failingInsert([2, 'scrypt$hash-with-nul\u0000-A1', 'ciphertext-B2']),
      // Check constraint: PostgreSQL's detail prints the whole failing row.
      await failingInsert([3, 'refused', 'ciphertext-C3-in-failing-row']),
      // Unique violation: the detail names the key value.
      await failingInsert([1, 'scrypt$duplicate-key-D4', 'ciphertext-E5']),
    ];
    expect(failures.every((f) => f instanceof QueryFailedError)).toBe(true);
    // The values really are on the errors, so the test can fail.
    expect(JSON.stringify(failures.map((f) => ({ ...f })))).toContain('ciphertext-C3-in-failing-row');

    const { logger, output } = captureLogger();
    for (const err of failures) {
      logger.error({ err, request_id: 'r1' }, 'Unhandled error');
      logger.warn({ err: new DomainError('internal', 'wrapped', {}, { cause: err }) }, 'Wrapped');
    }
    const text = output();
    expect(text).toContain('Unhandled error');
    expect(text).toContain('violates check constraint'); // the message itself is kept
    expect(text).toContain('secrets_pkey');
    for (const value of [
      'scrypt$hash-with-nul',
      'ciphertext-B2',
      'ciphertext-C3-in-failing-row',
      'scrypt$duplicate-key-D4',
      'ciphertext-E5',
      'Failing row contains',
      'Key (id)=(1)',
    ]) {
      expect([value, text.includes(value)]).toEqual([value, false]);
    }
  });
});
