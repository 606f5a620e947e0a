import type { DomainErrorCode } from '../../kernel/result.ts';

/** How each kind of refusal reads over HTTP; pages and the API use the same mapping. */
export const STATUS_FOR: Record<DomainErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  duplicate: 409,
  conflict: 409,
  forbidden: 403,
  cycle: 409,
  invalid_state: 409,
  implausible: 422,
};
