import { describe, expect, it } from 'vitest';
import { readStoredPhrase } from '../../kernel/phrase.ts';
import { sayStored } from '../words/index.ts';
import { notFound } from './errors.ts';

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
