import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './describe-failure.ts';

const CLAIM = `
  UPDATE background_jobs
  SET state = 'failed', phase = 'failed', finished_at = $1::timestamptz, locked_until = NULL
  WHERE state = 'running' AND attempts >= $2`;
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('describeFailure', () => {
  it('says the cause beneath a failed query, and which statement, without its parameters', () => {
    const said = describeFailure(
      new DrizzleQueryError(CLAIM, ['2026-12-06T07:00:00Z', 3], new Error('timeout exceeded when trying to connect')),
    );
    expect(said).toBe(
      "timeout exceeded when trying to connect, in UPDATE background_jobs SET state = 'failed', phase = 'failed…",
    );
    expect(said).not.toContain('2026-12-06');
  });

  it.each([
    [
      'a driver error',
      withCode('the database system is starting up', '57P03'),
      'the database system is starting up (57P03)',
    ],
    [
      'a refused connection to each address (AggregateError)',
      new AggregateError([withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')], ''),
      'connect ECONNREFUSED 127.0.0.1:5432',
    ],
    ['an error of our own', new Error('the mail server is down'), 'the mail server is down'],
    ['something thrown that is not an error', 'a string', 'a string'],
  ])('says %s', (_kind, error, said) => {
    expect(describeFailure(error)).toBe(said);
  });

  it('says a failed query with nothing beneath it without its parameters', () => {
    expect(describeFailure(new DrizzleQueryError('SELECT 1 WHERE $1', ['secret@example.gov.uk']))).toBe(
      'Failed query, in SELECT 1 WHERE $1',
    );
  });
});
