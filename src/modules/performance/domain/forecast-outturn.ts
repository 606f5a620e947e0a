/**
 * A year's outturn by the measure's rule, from the values already known and a path of values for
 * the periods still to come. The same function scores the forecast, the back-test's forecasts and
 * the back-test's outcomes, so every error is an error of the figure that is reported.
 */
import type { Outturn } from './forecast-backtest.ts';
import type { AggregationRule } from '../../../kernel/measurement/types.ts';

export interface YearValues {
  /** The known value at each position of the year (undefined where there is none). */
  values: readonly (number | undefined)[];
  /** For a ratio: the known denominators, position by position. */
  denominators: readonly (number | undefined)[] | null;
}

export interface YearOutturn {
  /** Positions of the year (0-based) with no value, in order: the path fills them. */
  missing: number[];
  outturn: Outturn;
}

const total = (xs: readonly number[]): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};

export function yearOutturn(rule: AggregationRule, year: YearValues, ratioScale: number): YearOutturn {
  const m = year.values.length;
  const missing: number[] = [];
  const known: number[] = [];
  const knownDenominators: number[] = [];
  year.values.forEach((v, i) => {
    if (v === undefined) missing.push(i);
    else {
      known.push(v);
      knownDenominators.push(year.denominators?.[i] ?? 0);
    }
  });
  const knownTotal = total(known);
  const finalIndex = missing.indexOf(m - 1);
  const finalKnown = year.values[m - 1];

  const outturn: Outturn = (path, denominatorPath) => {
    switch (rule) {
      case 'sum':
        return knownTotal + total(path);
      case 'mean':
        return (knownTotal + total(path)) / m;
      case 'latest':
        return finalIndex === -1 ? (finalKnown ?? null) : (path[finalIndex] as number);
      case 'min':
        return Math.min(...known, ...path);
      case 'max':
        return Math.max(...known, ...path);
      case 'ratio': {
        const denominator = total(knownDenominators) + total(denominatorPath ?? []);
        return denominator > 0 ? ((knownTotal + total(path)) / denominator) * ratioScale : null;
      }
    }
  };
  return { missing, outturn };
}
