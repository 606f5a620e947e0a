import { describe, expect, it } from 'vitest';
import { assessRag, type Target } from '../../../kernel/measurement/index.ts';
import type { ValueDetail } from '../collection.service.ts';
import { offTargetHint } from './collection.presenter.ts';

type Measure = ValueDetail['measure'];

function detail(
  measure: Partial<Measure>,
  target: Target | null,
  basis: 'annual' | 'profile' = 'annual',
): Pick<ValueDetail, 'measure' | 'target' | 'periodLabel'> {
  return {
    measure: {
      unit: '%',
      decimalPlaces: 1,
      polarity: 'higher-is-better',
      ragThresholds: { kind: 'percentage', amberPercent: 5 },
      ...measure,
    } as Measure,
    target: target ? { target, basis } : null,
    periodLabel: '2025/26 Q2',
  };
}

const EXPLAIN = 'Explain the figure: why it is where it is and what is being done.';

describe('the commentary hint on the value form', () => {
  it('names the target and the amber band of a higher-is-better measure', () => {
    expect(offTargetHint(detail({}, { kind: 'value', value: 70 }))).toBe(
      `${EXPLAIN} Required before you submit a value below 70.0%, the annual target (amber from 66.5%; red below 66.5%).`,
    );
  });

  it('names the band of a lower-is-better measure, an absolute tolerance and a profiled target', () => {
    const hint = offTargetHint(
      detail(
        {
          unit: 'days',
          decimalPlaces: 0,
          polarity: 'lower-is-better',
          ragThresholds: { kind: 'absolute', amberAmount: 2 },
        },
        { kind: 'value', value: 10 },
        'profile',
      ),
    );
    expect(hint).toBe(
      `${EXPLAIN} Required before you submit a value above 10 days, the target for 2025/26 Q2 (amber up to 12 days; red above 12 days).`,
    );
  });

  it('names both sides of a target range, and explicit bands', () => {
    const range = detail({ polarity: 'within-range' }, { kind: 'range', lower: 40, upper: 60 });
    expect(offTargetHint(range)).toBe(
      `${EXPLAIN} Required before you submit a value outside 40.0% to 60.0%, the annual target range (amber from 38.0% below it and up to 63.0% above it; red beyond that).`,
    );
    const bands = detail(
      { ragThresholds: { kind: 'bands', amberLower: 60 }, unit: 'number', decimalPlaces: 0 },
      { kind: 'value', value: 75 },
    );
    expect(offTargetHint(bands)).toContain('below 75, the annual target (amber from 60; red below 60).');
  });

  it('says when there is no amber band, no target or no polarity', () => {
    expect(offTargetHint(detail({ ragThresholds: { kind: 'none' } }, { kind: 'value', value: 70 }))).toBe(
      `${EXPLAIN} Required before you submit a value below 70.0%, the annual target (no amber band: anything below it is red).`,
    );
    expect(offTargetHint(detail({}, null))).toBe(`${EXPLAIN} Optional: no target applies to 2025/26 Q2.`);
    expect(offTargetHint(detail({ polarity: 'none' }, null))).toBe(
      `${EXPLAIN} Optional: this measure is for monitoring only and has no target.`,
    );
  });

  it('states the edges as values are rated: rounded as shown, so the stated numbers are exact', () => {
    // 5% below 70.3 is 66.785: 66.8% (as shown) is amber, 66.7% is red.
    const measure = detail({}, { kind: 'value', value: 70.3 });
    expect(offTargetHint(measure)).toContain('below 70.3%, the annual target (amber from 66.8%; red below 66.8%)');
    const rate = (value: number) =>
      assessRag({
        value,
        polarity: 'higher-is-better',
        target: { kind: 'value', value: 70.3 },
        thresholds: { kind: 'percentage', amberPercent: 5 },
        format: { unit: '%', decimals: 1 },
      }).status;
    expect([rate(70.3), rate(70.2), rate(66.8), rate(66.7)]).toEqual(['green', 'amber', 'amber', 'red']);
  });
});
