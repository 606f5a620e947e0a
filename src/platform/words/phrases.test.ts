/**
 * One test per phrase family: the catalogue's English for the domain's codes (the statuses at each
 * boundary with their words are in rag-words.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  assessRag,
  type Polarity,
  type RagInput,
  type RagThresholds,
  type Target,
} from '../../kernel/measurement/index.ts';
import { phrase } from '../../kernel/phrase.ts';
import { say } from './index.ts';

describe('RAG reasons in words', () => {
  it('says a judged reason with its status word, clause and band', () => {
    const reason = phrase('ragReason.judged', {
      status: phrase('rag.amber'),
      detail: phrase('ragReason.againstBand', {
        value: '66.5%',
        target: '70.0%',
        band: phrase('ragBand.from', { lower: '66.5%' }),
      }),
    });
    expect(say(reason)).toBe('Amber: 66.5% against a target of 70.0%; amber from 66.5%');
    expect(say(phrase('ragReason.overdueFor', { period: 'June 2025', due: '15 July 2025' }))).toBe(
      'Overdue: no data for June 2025, which was due by 15 July 2025',
    );
    expect(say(phrase('ragBand.fromUpTo', { lower: '57.0%', upper: '84.0%' }))).toBe('amber from 57.0% up to 84.0%');
  });

  const pct = { unit: '%', decimals: 1 } as const;
  const value = (v: number): Target => ({ kind: 'value', value: v });
  const range = (lower: number, upper: number): Target => ({ kind: 'range', lower, upper });
  const thresholds: RagThresholds[] = [
    { kind: 'percentage', amberPercent: 5 },
    { kind: 'absolute', amberAmount: 2 },
    { kind: 'bands', amberLower: 50, amberUpper: 90 },
    { kind: 'none' },
  ];
  const polarities: Polarity[] = ['higher-is-better', 'lower-is-better', 'within-range', 'none'];
  const targets: (Target | null)[] = [null, value(70), range(60, 80)];
  const values = [null, 40, 55, 62.1, 66.5, 70, 75, 85, 95];
  const missing: Partial<RagInput>[] = [{}, { periodLabel: 'June 2025', dueDate: '2025-07-15', asOf: '2025-07-16' }];

  it('says every reason assessRag gives in full: no placeholder left, no code shown', () => {
    let checked = 0;
    for (const t of thresholds)
      for (const polarity of polarities)
        for (const target of targets)
          for (const v of values)
            for (const extra of missing) {
              const input: RagInput = { value: v, polarity, target, thresholds: t, format: pct, ...extra };
              const words = say(assessRag(input).reason);
              expect(words, JSON.stringify(input)).not.toMatch(/[{}]|ragReason\.|ragBand\.|rag\./);
              expect(words).toMatch(/^(Red|Amber|Green|No data yet|Overdue|No target|No usable target)\b/);
              checked += 1;
            }
    expect(checked).toBeGreaterThan(500);
  });
});
