import { phraseText } from '../../kernel/phrase.ts';
import { type DomainError, type DomainErrorCode, fail, type Result } from '../../kernel/result.ts';
import { notFoundWords, type NotFoundThing } from '../words/en/not-found.ts';

/** Services return expected failures as values; these helpers keep the call sites short. */
export const refuse = (code: DomainErrorCode, message: string, field?: string): Result<never> =>
  fail(field === undefined ? { code, message } : { code, message, field });

/** A record that is not there (or is another council's): its sentence from the catalogue's notFound section. */
export function notFound(thing: NotFoundThing): Result<never>;
/**
 * @deprecated An English noun ("The cost centre"), said as "… was not found": only for code whose
 * words have not yet moved to the catalogue. Name a NotFoundThing instead (and add it to
 * src/platform/words/en/not-found.ts when it is new).
 */
export function notFound(english: string): Result<never>;
export function notFound(what: string): Result<never> {
  return Object.hasOwn(notFoundWords.notFound, what)
    ? refuse('not_found', phraseText(`notFound.${what}`))
    : refuse('not_found', `${what} was not found`);
}

export const forbidden = (message: string): Result<never> => refuse('forbidden', message);

export type { DomainError };

/** Thrown inside a transaction to roll it back and carry the failure out. */
export class Rollback extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/** Postgres unique violation: the database is the last word on duplicates under concurrency. */
/** PostgreSQL's SQLSTATE of a failed statement, on the error or on its cause (as drizzle wraps it). */
export function databaseErrorCode(error: unknown): string | undefined {
  return (
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code
  );
}

export function isUniqueViolation(error: unknown): boolean {
  return databaseErrorCode(error) === '23505';
}

/**
 * A `.catch` for a write the database may refuse as a duplicate (another writer got there first,
 * past the service's own check): that refusal becomes the given result; any other error is thrown on.
 */
export function onUniqueViolation<T>(refusal: () => T): (error: unknown) => T {
  return (error) => {
    if (isUniqueViolation(error)) return refusal();
    throw error;
  };
}
