/**
 * Expected failures are returned as values; broken invariants are thrown.
 * A failure names its code (stable, for API clients and tests), the field it concerns
 * (for GOV.UK inline errors and problem JSON) and a sentence a person can act on.
 */
export type DomainErrorCode =
  | 'invalid'
  | 'not_found'
  | 'duplicate'
  | 'conflict'
  | 'forbidden'
  | 'cycle'
  | 'invalid_state'
  /** A well-formed figure that fails a plausibility check and was not confirmed. */
  | 'implausible';

export interface DomainError {
  code: DomainErrorCode;
  message: string;
  field?: string;
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = DomainError>(error: E): Result<never, E> => ({ ok: false, error });

export function domainError(code: DomainErrorCode, message: string, field?: string): DomainError {
  return field === undefined ? { code, message } : { code, message, field };
}
