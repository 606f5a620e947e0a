import { describe, expect, it } from 'vitest';
import { readStoredPhrase } from '../../kernel/phrase.ts';
import { sayStored } from '../words/index.ts';
import { notFound, onUniqueViolation } from './errors.ts';

const messageOf = (result: ReturnType<typeof notFound>) => (result.ok ? '' : result.error.message);

describe('notFound', () => {
  it('refuses as not found with the catalogue’s phrase for the thing, said in words at the edge', () => {
    const refused = notFound('improvementPlan');
    expect(refused.ok ? null : refused.error.code).toBe('not_found');
    expect(readStoredPhrase(messageOf(refused))).toEqual({ code: 'notFound.improvementPlan' });
    expect(sayStored(messageOf(refused))).toBe('Improvement plan was not found');
    expect(sayStored(messageOf(notFound('unitPortfolioOrBody')))).toBe('The unit, portfolio or body was not found');
  });

  it('still says an English noun from code not yet moved to the catalogue', () => {
    expect(messageOf(notFound('The cost centre'))).toBe('The cost centre was not found');
  });
});

describe('onUniqueViolation', () => {
  const refuseDuplicate = onUniqueViolation(() => 'duplicate');

  it('turns the database refusing a duplicate into the given result, as the driver or drizzle carries it', () => {
    expect(refuseDuplicate({ code: '23505' })).toBe('duplicate');
    expect(refuseDuplicate(new Error('insert failed', { cause: { code: '23505' } }))).toBe('duplicate');
  });

  it('throws any other error on unchanged', () => {
    const other = Object.assign(new Error('foreign key'), { code: '23503' });
    expect(() => refuseDuplicate(other)).toThrow(other);
    expect(() => refuseDuplicate(undefined)).toThrow();
  });
});
