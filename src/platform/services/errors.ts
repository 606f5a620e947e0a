import { type DomainError, type DomainErrorCode, fail, type Result } from '../../kernel/result.ts';

/** Services return expected failures as values; these helpers keep the call sites short. */
export const refuse = (code: DomainErrorCode, message: string, field?: string): Result<never> =>
  fail(field === undefined ? { code, message } : { code, message, field });

export const notFound = (what: string): Result<never> => refuse('not_found', `${what} was not found`);

export const forbidden = (message: string): Result<never> => refuse('forbidden', message);

export type { DomainError };

/** Thrown inside a transaction to roll it back and carry the failure out. */
export class Rollback extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/** Postgres unique violation: the database is the last word on duplicates under concurrency. */
export function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}
