/** The catalogue's words for direction-of-travel phrases, and the domain's interim English held equal to them. */
import { describe, expect, it } from 'vitest';
import {
  assessDirection,
  calculateDirection,
  LEGACY_DIRECTION_ENGLISH,
  type ChangeTolerance,
  type Polarity,
  type Target,
} from '../domain/index.ts';
import { phrase } from '../../../kernel/phrase.ts';
import { lookUp, say } from '../../../platform/words/index.ts';

describe('direction of travel in words', () => {
  it('says a reason with its comparison and movement', () => {
    const compared = phrase('direction.comparedIn', { current: '72.0%', comparison: '70.0%', period: 'May 2025' });
    expect(say(phrase('direction.improving', { compared, moved: phrase('direction.up', { change: '2.0%' }) }))).toBe(
      'Improving: 72.0% compared with 70.0% in May 2025 (up 2.0%)',
    );
    expect(say(phrase('direction.noDataFor', { period: 'May 2025' }))).toBe('Not comparable: no data for May 2025');
  });

  it('holds the domain’s interim English equal to the catalogue, template for template', () => {
    for (const [code, english] of Object.entries(LEGACY_DIRECTION_ENGLISH)) expect(lookUp(code), code).toBe(english);
  });

  it('says every reason assessDirection gives exactly as calculateDirection words it', () => {
    const polarities: Polarity[] = ['higher-is-better', 'lower-is-better', 'within-range', 'none'];
    const tolerances: ChangeTolerance[] = [
      { kind: 'absolute', amount: 0 },
      { kind: 'absolute', amount: 1 },
      { kind: 'percentage', percent: 5 },
    ];
    const targets: (Target | null)[] = [null, { kind: 'range', lower: 60, upper: 80 }];
    const values = [null, 50, 59, 60, 61, 70, 79.5, 85];
    let checked = 0;
    for (const polarity of polarities)
      for (const tolerance of tolerances)
        for (const target of targets)
          for (const current of values)
            for (const comparison of values)
              for (const comparisonLabel of [undefined, 'May 2025']) {
                const input = {
                  current,
                  comparison,
                  polarity,
                  tolerance,
                  target,
                  comparisonLabel,
                  format: { unit: '%', decimals: 1 },
                };
                expect(say(assessDirection(input).reason)).toBe(calculateDirection(input).reason);
                checked += 1;
              }
    expect(checked).toBeGreaterThan(1000);
  });
});
