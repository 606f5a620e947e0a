/**
 * The engine's performance budget: 5,000 monthly measures with 120 points each, summarised in
 * well under 2 s on one core. Run with `npx vitest bench --project unit src/domain/performance`
 * (not part of the test run: timings depend on the machine).
 */
import { bench, describe } from 'vitest';
import { periodFromOrdinal, summariseMeasureStatus } from './index.ts';
import type { AggregationRule, MeasureDefinition, MeasurePoint } from './index.ts';

const MEASURES = 5000;
const POINTS = 120;
const LAST = 2025 * 12 + 5; // September 2025
const RULES: AggregationRule[] = ['sum', 'mean', 'ratio', 'latest', 'min', 'max'];

// A fixed pseudo-random sequence (the engine itself never uses randomness).
let seed = 1;
const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

const measures = Array.from({ length: MEASURES }, (_, i) => {
  const rule = RULES[i % RULES.length] as AggregationRule;
  const points: MeasurePoint[] = Array.from({ length: POINTS }, (_, k) => {
    const ordinal = LAST - POINTS + 1 + k;
    const value = 100 + 10 * Math.sin((ordinal % 12) / 2) + next() * 10 + k * 0.05;
    const denominator = 1000 + next() * 50;
    return {
      period: periodFromOrdinal(ordinal, 'monthly'),
      value: rule === 'ratio' ? (value / denominator) * 100 : value,
      numerator: value,
      denominator,
    };
  });
  const measure: MeasureDefinition = {
    frequency: 'monthly',
    polarity: i % 2 ? 'higher-is-better' : 'lower-is-better',
    aggregation: rule,
    format: { unit: '%', decimals: 1 },
    thresholds: { kind: 'percentage', amberPercent: 5 },
    targets: { kind: 'fixed', target: { kind: 'value', value: 105 } },
    ratioScale: 100,
  };
  return { measure, points };
});
const period = periodFromOrdinal(LAST, 'monthly');

describe('summariseMeasureStatus', () => {
  bench(
    `${MEASURES} measures × ${POINTS} monthly points`,
    () => {
      for (const { measure, points } of measures)
        summariseMeasureStatus({ measure, points, period, asOf: '2025-10-20' });
    },
    { iterations: 3, warmupIterations: 0 },
  );
});
