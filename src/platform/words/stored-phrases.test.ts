/** A phrase kept in a text column (a status row's reason) and said when it is shown. */
import { describe, expect, it } from 'vitest';
import { assessRag } from '../../kernel/measurement/index.ts';
import { phrase, phraseText, readStoredPhrase, storePhrase } from '../../kernel/phrase.ts';
import { sayStored } from './index.ts';

describe('stored phrases', () => {
  it('says a stored RAG reason exactly as the catalogue words it', () => {
    const { reason } = assessRag({
      value: 62.1,
      polarity: 'higher-is-better',
      target: { kind: 'value', value: 70 },
      thresholds: { kind: 'percentage', amberPercent: 5 },
      format: { unit: '%', decimals: 1 },
    });
    const stored = storePhrase(reason);
    expect(readStoredPhrase(stored)).toEqual(reason);
    expect(sayStored(stored)).toBe('Red: 62.1% against a target of 70.0%; amber from 66.5%');
  });

  it('says a stored overdue reason with its period and due date', () => {
    const stored = storePhrase(phrase('ragReason.overdueFor', { period: 'June 2025', due: '31 July 2025' }));
    expect(sayStored(stored)).toBe('Overdue: no data for June 2025, which was due by 31 July 2025');
  });

  it('makes a domain message from a key and parameters, said by the edges', () => {
    const message = phraseText('ragReason.overdueFor', { period: 'June 2025', due: '31 July 2025' });
    expect(readStoredPhrase(message)).toEqual(
      phrase('ragReason.overdueFor', { period: 'June 2025', due: '31 July 2025' }),
    );
    expect(sayStored(message)).toBe('Overdue: no data for June 2025, which was due by 31 July 2025');
  });

  it('shows the English older rows hold as it is', () => {
    const english = 'Amber: 69.4% against a target of 70.0%; amber from 66.5%';
    expect(readStoredPhrase(english)).toBeNull();
    expect(sayStored(english)).toBe(english);
    expect(sayStored('')).toBe('');
  });

  it('shows text that only looks like JSON, or a code the catalogue lacks, as it is', () => {
    for (const text of ['{not json', '{"words":"x"}', '{"code":7}', '{"code":"rag.red","params":[1]}']) {
      expect(readStoredPhrase(text), text).toBeNull();
      expect(sayStored(text), text).toBe(text);
    }
    const unknown = storePhrase(phrase('ragReason.noSuchReason'));
    expect(readStoredPhrase(unknown)).toEqual({ code: 'ragReason.noSuchReason' });
    expect(sayStored(unknown)).toBe(unknown);
  });
});
