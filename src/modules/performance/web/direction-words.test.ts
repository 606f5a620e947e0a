/** The catalogue's words for direction-of-travel phrases, as the measure page and API say them. */
import { describe, expect, it } from 'vitest';
import {
  assessDirection,
  type DirectionInput,
  type ChangeTolerance,
  type Polarity,
  type Target,
} from '../domain/index.ts';
import { phrase } from '../../../kernel/phrase.ts';
import { say } from '../../../platform/words/index.ts';

const pct = { unit: '%', decimals: 1 } as const;

/** The assessment with its reason said. */
function direction(
  current: number | null,
  comparison: number | null,
  polarity: Polarity,
  extra: Partial<DirectionInput> = {},
) {
  const assessed = assessDirection({
    current,
    comparison,
    polarity,
    format: pct,
    comparisonLabel: 'May 2025',
    ...extra,
  });
  return { ...assessed, reason: say(assessed.reason) };
}

describe('direction of travel in words', () => {
  it('says a reason with its comparison and movement', () => {
    const compared = phrase('direction.comparedIn', { current: '72.0%', comparison: '70.0%', period: 'May 2025' });
    expect(say(phrase('direction.improving', { compared, moved: phrase('direction.up', { change: '2.0%' }) }))).toBe(
      'Improving: 72.0% compared with 70.0% in May 2025 (up 2.0%)',
    );
    expect(say(phrase('direction.noDataFor', { period: 'May 2025' }))).toBe('Not comparable: no data for May 2025');
  });

  it.each([
    [
      72,
      68,
      'higher-is-better',
      'improving',
      'Improving: 72.0% compared with 68.0% in May 2025 (up 4.0 percentage points)',
    ],
    [
      64,
      68,
      'higher-is-better',
      'worsening',
      'Worsening: 64.0% compared with 68.0% in May 2025 (down 4.0 percentage points)',
    ],
    [
      64,
      68,
      'lower-is-better',
      'improving',
      'Improving: 64.0% compared with 68.0% in May 2025 (down 4.0 percentage points)',
    ],
    [
      68,
      68,
      'higher-is-better',
      'no-significant-change',
      'No significant change: 68.0% compared with 68.0% in May 2025 (no change)',
    ],
    [
      68.04,
      67.96,
      'higher-is-better',
      'no-significant-change',
      'No significant change: 68.0% compared with 68.0% in May 2025 (no change)',
    ],
    [
      72,
      68,
      'none',
      'not-comparable',
      'Not comparable: 72.0% compared with 68.0% in May 2025 (up 4.0 percentage points); the measure has no preferred direction',
    ],
  ] as const)('%d vs %d (%s) → %s', (cur, cmp, polarity, dir, reason) => {
    const r = direction(cur, cmp, polarity);
    expect([r.direction, r.reason]).toEqual([dir, reason]);
  });

  it.each([
    [null, 68, 'Not comparable: no data for this period'],
    [68, null, 'Not comparable: no data for May 2025'],
  ])('missing data: %s vs %s', (cur, cmp, reason) => {
    const r = direction(cur, cmp, 'higher-is-better');
    expect(r).toEqual({ direction: 'not-comparable', movement: null, change: null, reason });
  });

  it('words the tolerance', () => {
    const half: ChangeTolerance = { kind: 'absolute', amount: 0.5 };
    expect(direction(68.3, 68, 'higher-is-better', { tolerance: half }).reason).toBe(
      'No significant change: 68.3% compared with 68.0% in May 2025 (up 0.3 percentage points, within the tolerance of 0.5 percentage points)',
    );
  });

  it('says every reason assessDirection gives in full: no placeholder left, no code shown', () => {
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
                const words = say(assessDirection(input).reason);
                expect(words, JSON.stringify(input)).not.toMatch(/[{}]|direction\./);
                expect(words).toMatch(/^(Improving|Worsening|No significant change|Not comparable): /);
                checked += 1;
              }
    expect(checked).toBeGreaterThan(1000);
  });
});
