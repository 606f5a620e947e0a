/**
 * SPC rule vectors, hand-worked. Most vectors sit after a fixed baseline of 12 points alternating
 * 11, 9, …, 9: mean 10, every moving range 2, so the limits are 10 ± 2.66 × 2 = 4.68 to 15.32 and
 * the near-limit lines 10 ± 3.5467 = 6.4533 to 13.5467. The alternation means the baseline itself
 * has no signal, and it ends below the mean so that a following run above the mean starts fresh.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseSpc, assuranceFor, calculateSegmentLimits, readLatestSpcPoint } from './index.ts';
import type { Polarity, SpcInputPoint, SpcPointType, SpcRule, SpcSettings, Target } from './index.ts';

const BASELINE = [11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9];
const FIXED: SpcSettings = { baselinePoints: 12 };

function toPoints(values: readonly number[]): SpcInputPoint[] {
  // One point a month from April 2020; keys are just positions.
  return values.map((value, i) => {
    const month = 3 + i; // 0-based months since January 2020
    const date = `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    return { key: `p${i}`, date, value };
  });
}

function chart(
  tail: readonly number[],
  polarity: Polarity = 'higher-is-better',
  settings: SpcSettings = FIXED,
  target: Target | null = null,
) {
  return analyseSpc({ points: toPoints([...BASELINE, ...tail]), polarity, settings, target });
}

/** Rules and types of the points after the baseline. */
function tailOf(result: ReturnType<typeof chart>) {
  return result.points.slice(BASELINE.length).map((p) => ({ value: p.value, rules: [...p.rules], type: p.type }));
}

const C: SpcPointType = 'common-cause';
const I: SpcPointType = 'special-cause-improvement';
const X: SpcPointType = 'special-cause-concern';

describe('limits', () => {
  it('the baseline gives mean 10, average moving range 2, limits 4.68 to 15.32', () => {
    const segment = chart([10]).segments[0];
    expect(segment?.limits.mean).toBe(10);
    expect(segment?.limits.averageMovingRange).toBe(2);
    expect(segment?.limits.upperLimit).toBeCloseTo(15.32, 12);
    expect(segment?.limits.lowerLimit).toBeCloseTo(4.68, 12);
    expect(segment?.limits.upperNear).toBeCloseTo(10 + (2 / 3) * 2.66 * 2, 12);
    expect(segment?.limits.lowerNear).toBeCloseTo(10 - (2 / 3) * 2.66 * 2, 12);
    expect(segment?.limits.trial).toBe(false);
  });

  it('screens out a moving range above 3.267 × the average and recomputes once', () => {
    // Moving ranges: ten of 1, then 20. Average 30/11 = 2.727; 3.267 × 2.727 = 8.91 < 20.
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30];
    const screened = calculateSegmentLimits(values);
    expect(screened.averageMovingRange).toBe(1);
    expect(screened.movingRangeExcluded[11]).toBe(true);
    expect(screened.mean).toBeCloseTo(145 / 12, 12);
    expect(screened.upperLimit).toBeCloseTo(145 / 12 + 2.66, 12);
    const unscreened = calculateSegmentLimits(values, { screenMovingRanges: false });
    expect(unscreened.averageMovingRange).toBeCloseTo(30 / 11, 12);
    expect(unscreened.movingRangeExcluded.some(Boolean)).toBe(false);
  });

  it('keeps a moving range exactly on the screening line', () => {
    // Ten moving ranges of 7.733 and one of 32.67: average 110 / 11 = 10; 3.267 × 10 = 32.67.
    const onLine = [0, 7.733, 0, 7.733, 0, 7.733, 0, 7.733, 0, 7.733, 0, 32.67];
    expect(calculateSegmentLimits(onLine).averageMovingRange).toBeCloseTo(10, 12);
    const above = [...onLine.slice(0, 11), 32.68];
    expect(calculateSegmentLimits(above).averageMovingRange).toBeCloseTo(7.733, 12);
  });

  it('fixes the mean and limits on the baseline; later points do not move them', () => {
    const a = chart([10]);
    const b = chart([50, 60, 70]);
    expect(b.segments[0]?.limits.mean).toBe(a.segments[0]?.limits.mean);
    expect(b.segments[0]?.limits.averageMovingRange).toBe(2);
  });

  it('has no limits with one point, and trial limits below 12 points', () => {
    const one = analyseSpc({ points: toPoints([5]), polarity: 'higher-is-better' });
    expect(one.segments[0]?.limits.upperLimit).toBeNull();
    expect(one.warnings).toEqual(['No process limits for p0: at least 2 points are needed']);
    const few = analyseSpc({ points: toPoints([5, 6, 7, 5, 6]), polarity: 'higher-is-better' });
    expect(few.trialLimits).toBe(true);
    expect(few.warnings).toEqual([
      'Trial limits for p0 to p4: based on 5 points; 12 or more are needed for firm limits',
    ]);
    expect(analyseSpc({ points: toPoints(BASELINE), polarity: 'higher-is-better' }).warnings).toEqual([]);
  });

  it('an empty chart', () => {
    const empty = analyseSpc({ points: [], polarity: 'higher-is-better' });
    expect(empty.variationIcon).toBe('none');
    expect(empty.warnings).toEqual(['No data to chart']);
  });

  it('rejects points out of date order', () => {
    const points = toPoints([1, 2]).reverse();
    expect(() => analyseSpc({ points, polarity: 'none' })).toThrow(/date order/);
  });
});

describe('rule 1: outside the process limits', () => {
  it.each([
    [
      [16, 4],
      [
        { value: 16, rules: ['outside-limits'], type: I },
        { value: 4, rules: ['outside-limits'], type: X },
      ],
    ],
    [[15.32], [{ value: 15.32, rules: [], type: C }]], // exactly on the limit is inside
    [[4.68], [{ value: 4.68, rules: [], type: C }]],
  ])('%j', (tail, expected) => {
    expect(tailOf(chart(tail))).toEqual(expected);
  });

  it('lower is better swaps the types', () => {
    expect(tailOf(chart([16, 4], 'lower-is-better')).map((p) => p.type)).toEqual([X, I]);
  });
});

describe('rule 2: shift of 7 or more on one side of the mean', () => {
  it('flags every point of a run of 7', () => {
    const t = tailOf(chart([10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5]));
    expect(t.map((p) => p.rules)).toEqual(Array(7).fill(['shift']));
    expect(t.map((p) => p.type)).toEqual(Array(7).fill(I));
  });
  it('6 in a row is not a shift', () => {
    expect(tailOf(chart([10.5, 10.5, 10.5, 10.5, 10.5, 10.5])).every((p) => p.rules.length === 0)).toBe(true);
  });
  it('a point exactly on the mean breaks the run', () => {
    expect(tailOf(chart([10.5, 10.5, 10.5, 10, 10.5, 10.5, 10.5, 10.5])).every((p) => p.rules.length === 0)).toBe(true);
  });
  it('below the mean is concern when higher is better', () => {
    const t = tailOf(chart([9.5, 9.5, 9.5, 9.5, 9.5, 9.5]));
    // The baseline's last point (9) is below the mean too: 7 in a row, the baseline point included.
    expect(t.every((p) => p.type === X && p.rules[0] === 'shift')).toBe(true);
    expect(chart([9.5, 9.5, 9.5, 9.5, 9.5, 9.5]).points[11]?.rules).toEqual(['shift']);
  });
});

describe('rule 3: trend of 7 or more rising or falling', () => {
  it('flags 7 rising points as improvement, even those below the mean', () => {
    const t = tailOf(chart([8, 8.5, 9.5, 10.5, 11, 11.5, 12]));
    expect(t.map((p) => p.rules)).toEqual(Array(7).fill(['trend']));
    expect(t.map((p) => p.type)).toEqual(Array(7).fill(I));
  });
  it('falling is concern when higher is better, improvement when lower is better', () => {
    const falling = [12, 11.5, 11, 10.5, 9.5, 8.5, 8];
    // (the baseline ends 9, below 12, so the trend starts at 12)
    expect(tailOf(chart(falling)).map((p) => p.type)).toEqual(Array(7).fill(X));
    expect(tailOf(chart(falling, 'lower-is-better')).map((p) => p.type)).toEqual(Array(7).fill(I));
  });
  it('6 rising points are not a trend', () => {
    expect(tailOf(chart([8, 8.5, 9.5, 10.5, 11, 11.5])).every((p) => p.rules.length === 0)).toBe(true);
  });
  it('an equal value breaks the trend', () => {
    expect(tailOf(chart([8, 8.5, 9.5, 9.5, 10.5, 11, 11.5, 12])).every((p) => p.rules.length === 0)).toBe(true);
  });
  it('a point outside the limits takes its type from its side, even inside a falling trend', () => {
    const t = tailOf(chart([30, 28, 26, 24, 22, 20, 18]));
    expect(t.map((p) => p.rules[0])).toEqual(Array(7).fill('outside-limits'));
    expect(t.every((p) => p.rules.includes('trend'))).toBe(true);
    expect(t.map((p) => p.type)).toEqual(Array(7).fill(I));
  });
  it('a turning point below the mean at the top of a rising trend is concern (its side of the mean)', () => {
    const t = tailOf(chart([6.6, 7, 7.4, 7.8, 8.2, 8.6, 9, 8.8, 8.4, 8, 7.6, 7.2, 6.8]));
    expect(t.slice(0, 6).map((p) => p.type)).toEqual(Array(6).fill(I));
    expect(t[6]?.type).toBe(X);
    expect(t.slice(7).map((p) => p.type)).toEqual(Array(6).fill(X));
  });
  it('a trend takes precedence over a shift; a turning point takes its side of the mean', () => {
    const t = tailOf(chart([7, 8, 9, 10.5, 11, 12, 13, 12.5, 12, 11.5, 10.5, 9, 8]));
    expect(t.map((p) => p.type)).toEqual([I, I, I, I, I, I, I, X, X, X, X, X, X]);
    // 10.5 … 10.5 are 8 points above the mean: a shift as well, and both are recorded.
    expect(t[6]?.rules).toEqual(['trend', 'shift']);
    expect(t[7]?.rules).toEqual(['trend', 'shift']);
    expect(t[11]?.rules).toEqual(['trend']);
  });
});

describe('rule 4: two of three beyond the near-limit line', () => {
  it.each<[number[], { rules: SpcRule[]; type: SpcPointType }[]]>([
    // Only the two points beyond the line are flagged, not the third.
    [
      [14, 10, 14],
      [
        { rules: ['two-in-three'], type: I },
        { rules: [], type: C },
        { rules: ['two-in-three'], type: I },
      ],
    ],
    // The third point may be anywhere, even the other side of the mean (as MDC says).
    [
      [14, 9, 14],
      [
        { rules: ['two-in-three'], type: I },
        { rules: [], type: C },
        { rules: ['two-in-three'], type: I },
      ],
    ],
    // A point beyond the process limit counts, and is flagged by both rules.
    [
      [16, 10, 14],
      [
        { rules: ['outside-limits', 'two-in-three'], type: I },
        { rules: [], type: C },
        { rules: ['two-in-three'], type: I },
      ],
    ],
    // Opposite sides do not count together.
    [
      [14, 10, 6],
      [
        { rules: [], type: C },
        { rules: [], type: C },
        { rules: [], type: C },
      ],
    ],
    // Below the mean: concern when higher is better.
    [
      [6, 6],
      [
        { rules: ['two-in-three'], type: X },
        { rules: ['two-in-three'], type: X },
      ],
    ],
  ])('%j', (tail, expected) => {
    expect(tailOf(chart(tail)).map(({ rules, type }) => ({ rules, type }))).toEqual(expected);
  });
  it('two beyond the line but four apart are not flagged', () => {
    expect(tailOf(chart([14, 10, 10, 14])).every((p) => p.rules.length === 0)).toBe(true);
  });
});

describe('types and icons', () => {
  it('no polarity: special cause is neutral, high or low', () => {
    const r = chart([16], 'none');
    expect(r.points[12]?.type).toBe('special-cause-neutral');
    expect(r.variationIcon).toBe('neutral-high');
  });
  it.each([
    [[10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5], 'higher-is-better', 'improvement-high'],
    [[10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5], 'lower-is-better', 'concern-high'],
    [[12, 11.5, 11, 10.5, 9.5, 8.5, 8], 'higher-is-better', 'concern-low'],
    [[8, 8.5, 9.5, 10.5, 11, 11.5, 12], 'lower-is-better', 'concern-high'],
    [[4], 'lower-is-better', 'improvement-low'],
    [[10], 'higher-is-better', 'common-cause'],
  ] as const)('variation icon of %j (%s) is %s', (tail, polarity, icon) => {
    expect(chart(tail, polarity).variationIcon).toBe(icon);
  });

  it.each([
    ['higher-is-better', 16, 'consistently-fails'],
    ['higher-is-better', 4, 'consistently-meets'],
    ['higher-is-better', 10, 'hit-and-miss'],
    ['higher-is-better', 15.32, 'hit-and-miss'], // exactly on the limit
    ['higher-is-better', 4.68, 'hit-and-miss'],
    ['lower-is-better', 16, 'consistently-meets'],
    ['lower-is-better', 4, 'consistently-fails'],
    ['none', 16, 'not-applicable'],
  ] as const)('assurance: %s, target %d → %s', (polarity, target, icon) => {
    expect(chart([10], polarity, FIXED, { kind: 'value', value: target }).assuranceIcon).toBe(icon);
  });

  it.each([
    [4, 16, 'consistently-meets'],
    [16, 20, 'consistently-fails'],
    [0, 4, 'consistently-fails'],
    [5, 20, 'hit-and-miss'],
    [4.68, 15.32, 'hit-and-miss'], // limits exactly on the range
  ])('assurance within range %d to %d → %s', (lower, upper, icon) => {
    expect(chart([10], 'within-range', FIXED, { kind: 'range', lower, upper }).assuranceIcon).toBe(icon);
  });

  it('says why', () => {
    expect(
      assuranceFor(
        { upperLimit: 15.32, lowerLimit: 4.68 },
        'higher-is-better',
        { kind: 'value', value: 16 },
        { unit: '%', decimals: 1 },
      ).reason,
    ).toBe('Consistently fails: the target 16.0% is above the process limits 4.7% to 15.3%');
    expect(assuranceFor(undefined, 'higher-is-better', null).icon).toBe('not-applicable');
  });
});

describe('rebasing', () => {
  const before = [11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9];
  const after = [21, 19, 21, 19, 21, 19, 21, 19, 21, 19, 21, 19];
  const points = toPoints([...before, ...after]);
  const rebaseDate = points[12]?.date as string;

  it('segments are computed separately', () => {
    const r = analyseSpc({
      points,
      polarity: 'higher-is-better',
      settings: { rebases: [{ date: rebaseDate, reason: 'New triage process' }] },
    });
    expect(r.segments.map((s) => [s.from, s.to, s.limits.mean])).toEqual([
      [0, 11, 10],
      [12, 23, 20],
    ]);
    expect(r.segments[1]?.rebaseReason).toBe('New triage process');
    expect(r.points.every((p) => p.type === 'common-cause')).toBe(true);
  });

  it('without the rebase the step is a shift', () => {
    const r = analyseSpc({ points, polarity: 'higher-is-better' });
    expect(r.points.filter((p) => p.rules.includes('shift'))).toHaveLength(24);
  });

  it('a rebase date inside a period starts the next one; useless rebases are reported', () => {
    const mid = analyseSpc({
      points,
      polarity: 'higher-is-better',
      settings: { rebases: [{ date: '2021-03-15', reason: 'x' }] },
    });
    expect(mid.segments.map((s) => s.from)).toEqual([0, 12]); // 2021-03-15 is inside p11 (March 2021)
    const useless = analyseSpc({
      points,
      polarity: 'higher-is-better',
      settings: {
        rebases: [
          { date: '2019-01-01', reason: 'x' },
          { date: '2030-01-01', reason: 'y' },
        ],
      },
    });
    expect(useless.segments).toHaveLength(1);
    expect(useless.warnings).toEqual([
      'The rebase on 2019-01-01 is before the first point, so it changes nothing',
      'The rebase on 2030-01-01 is after the latest point; it will apply from the next point',
    ]);
  });
});

// -------------------------------------------------------------------------------------------------
// Properties, checked against plain re-statements of each rule.
// -------------------------------------------------------------------------------------------------

const arbSeries = fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 30 });
const swap: Record<SpcPointType, SpcPointType> = {
  'common-cause': 'common-cause',
  'special-cause-improvement': 'special-cause-concern',
  'special-cause-concern': 'special-cause-improvement',
  'special-cause-neutral': 'special-cause-neutral',
};

function oracle(values: number[], mean: number, upl: number, lpl: number, nu: number, nl: number) {
  const n = values.length;
  const side = values.map((v) => Math.sign(v - mean));
  const inWindow = (i: number, len: number, ok: (start: number) => boolean) => {
    for (let s = Math.max(0, i - len + 1); s <= i && s + len <= n; s++) if (ok(s)) return true;
    return false;
  };
  const beyond = values.map((v) => (v > nu ? 1 : v < nl ? -1 : 0));
  return values.map((v, i) => {
    const rules: SpcRule[] = [];
    if (v > upl || v < lpl) rules.push('outside-limits');
    const rising = (s: number) => values.slice(s, s + 7).every((x, k, a) => k === 0 || x > (a[k - 1] as number));
    const falling = (s: number) => values.slice(s, s + 7).every((x, k, a) => k === 0 || x < (a[k - 1] as number));
    if (inWindow(i, 7, (s) => rising(s) || falling(s))) rules.push('trend');
    if (side[i] !== 0 && inWindow(i, 7, (s) => side.slice(s, s + 7).every((x) => x === side[i]))) rules.push('shift');
    if (beyond[i] !== 0 && inWindow(i, 3, (s) => beyond.slice(s, s + 3).filter((b) => b === beyond[i]).length >= 2))
      rules.push('two-in-three');
    return rules;
  });
}

describe('properties', () => {
  it('flags exactly the points each rule describes', () => {
    fc.assert(
      fc.property(arbSeries, fc.boolean(), (values, screen) => {
        const r = analyseSpc({
          points: toPoints(values),
          polarity: 'higher-is-better',
          settings: { screenMovingRanges: screen },
        });
        const l = r.segments[0]?.limits;
        if (!l || l.upperLimit === null || l.lowerLimit === null || l.upperNear === null || l.lowerNear === null)
          return;
        const expected = oracle(values, l.mean, l.upperLimit, l.lowerLimit, l.upperNear, l.lowerNear);
        expect(r.points.map((p) => [...p.rules])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('flipping the polarity swaps improvement and concern', () => {
    fc.assert(
      fc.property(arbSeries, (values) => {
        const higher = analyseSpc({ points: toPoints(values), polarity: 'higher-is-better' });
        const lower = analyseSpc({ points: toPoints(values), polarity: 'lower-is-better' });
        expect(lower.points.map((p) => p.type)).toEqual(higher.points.map((p) => swap[p.type]));
      }),
    );
  });

  it('adding a constant to every point and to the target leaves types and assurance unchanged', () => {
    fc.assert(
      fc.property(
        arbSeries,
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -120, max: 120 }),
        (values, c, target) => {
          const a = analyseSpc({
            points: toPoints(values),
            polarity: 'higher-is-better',
            target: { kind: 'value', value: target },
          });
          const b = analyseSpc({
            points: toPoints(values.map((v) => v + c)),
            polarity: 'higher-is-better',
            target: { kind: 'value', value: target + c },
          });
          expect(b.points.map((p) => p.type)).toEqual(a.points.map((p) => p.type));
          expect(b.points.map((p) => p.rules)).toEqual(a.points.map((p) => p.rules));
          expect(b.assuranceIcon).toBe(a.assuranceIcon);
        },
      ),
    );
  });

  it('scaling every point and the target by a positive factor leaves types unchanged', () => {
    fc.assert(
      fc.property(arbSeries, fc.constantFrom(0.5, 2, 4, 1024), (values, k) => {
        const a = analyseSpc({
          points: toPoints(values),
          polarity: 'lower-is-better',
          target: { kind: 'value', value: 3 },
        });
        const b = analyseSpc({
          points: toPoints(values.map((v) => v * k)),
          polarity: 'lower-is-better',
          target: { kind: 'value', value: 3 * k },
        });
        expect(b.points.map((p) => p.type)).toEqual(a.points.map((p) => p.type));
        expect(b.assuranceIcon).toBe(a.assuranceIcon);
      }),
    );
  });

  it('the latest-point reading agrees with the full chart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.constantFrom<Polarity>('higher-is-better', 'lower-is-better', 'none'),
        fc.option(fc.integer({ min: 2, max: 20 }), { nil: undefined }),
        (values, cut, polarity, baselinePoints) => {
          const points = toPoints(values);
          const at = cut % values.length;
          const rebases = at === 0 ? [] : [{ date: (points[at] as SpcInputPoint).date, reason: 'change' }];
          const settings = { rebases, baselinePoints };
          const target = { kind: 'value', value: 10 } as const;
          const full = analyseSpc({ points, polarity, settings, target });
          const latest = readLatestSpcPoint({ values: values.slice(at), polarity, settings, target });
          const last = full.points[full.points.length - 1];
          const hasLimits = last?.upperLimit !== null;
          expect(latest.type).toBe(hasLimits ? last?.type : null);
          expect(latest.rules).toEqual(last?.rules);
          expect(latest.assuranceIcon).toBe(full.assuranceIcon);
          expect(latest.trialLimits).toBe(full.trialLimits);
          if (hasLimits) expect(latest.variationIcon).toBe(full.variationIcon);
        },
      ),
    );
  });
});
