/**
 * Variance of a budget line and the council's variance bands. Variance is the latest forecast
 * outturn less the revised budget, so an overspend (or an income shortfall on a net budget) is
 * positive. Bands compare the size of the variance with the revised budget in whole basis points
 * (1% = 100), with integer arithmetic: a variance exactly on the threshold is within it.
 */
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { z } from 'zod';
import { subtractMoney, type Money } from '../../../kernel/money.ts';
import { domainError, fail, ok, type Result } from '../../../kernel/result.ts';

export const BANDS = ['green', 'amber', 'red'] as const;
export type Band = (typeof BANDS)[number];

export interface VarianceBands {
  /** A variance more than this share of the revised budget is amber, in basis points (200 = 2%). */
  amberOverBasisPoints: number;
  /** A variance more than this share is red (500 = 5%). */
  redOverBasisPoints: number;
}

/** Amber over 2%, red over 5% of the revised budget, until the council sets its own. */
export const DEFAULT_BANDS: VarianceBands = { amberOverBasisPoints: 200, redOverBasisPoints: 500 };

export function varianceOf(revisedBudget: Money, forecast: Money): Money {
  return subtractMoney(forecast, revisedBudget);
}

/** The variance as a percentage of the revised budget to two places, or null when the budget is nil. */
export function variancePercent(revisedBudget: Money, variance: Money): number | null {
  if (revisedBudget === 0) return null;
  // Rounded half away from zero on the exact ratio in hundredths of a percent.
  const scaled = (BigInt(variance) * 1_000_000n) / BigInt(Math.abs(revisedBudget));
  const rounded = scaled >= 0n ? (scaled + 50n) / 100n : (scaled - 50n) / 100n;
  return Number(rounded) / 100;
}

/** Whether |variance| is more than the share (in basis points) of |revised budget|, exactly. */
function over(revisedBudget: Money, variance: Money, basisPoints: number): boolean {
  const size = BigInt(Math.abs(variance));
  return size * 10_000n > BigInt(basisPoints) * BigInt(Math.abs(revisedBudget));
}

/**
 * The band of a variance. Any variance against a nil budget is red: there is no budget to be a
 * small share of, and spending where none was budgeted always needs explaining.
 */
export function bandOf(bands: VarianceBands, revisedBudget: Money, variance: Money): Band {
  if (over(revisedBudget, variance, bands.redOverBasisPoints)) return 'red';
  if (over(revisedBudget, variance, bands.amberOverBasisPoints)) return 'amber';
  return 'green';
}

/** An explanation is required once a variance passes the amber threshold. */
export function explanationRequired(bands: VarianceBands, revisedBudget: Money, variance: Money): boolean {
  return bandOf(bands, revisedBudget, variance) !== 'green';
}

const percent = (name: 'amber' | 'red') => {
  const band = phrase(`moneyRefusals.bandNames.${name}`);
  return z.coerce
    .number({ message: phraseText('moneyRefusals.thresholdInvalid', { band }) })
    .refine((value) => Number.isFinite(value), phraseText('moneyRefusals.thresholdInvalid', { band }))
    .refine((value) => value > 0 && value <= 100, phraseText('moneyRefusals.thresholdRange', { band }))
    .refine(
      (value) => Number.isInteger(Math.round(value * 100 * 1e6) / 1e6),
      phraseText('moneyRefusals.thresholdDecimals', { band }),
    );
};

/** The bands as a person enters them: percentages (2, 5 or 2.5). */
export const bandsInput = z.object({ amberOverPercent: percent('amber'), redOverPercent: percent('red') });

export function checkBands(input: z.infer<typeof bandsInput>): Result<VarianceBands> {
  const bands = {
    amberOverBasisPoints: Math.round(input.amberOverPercent * 100),
    redOverBasisPoints: Math.round(input.redOverPercent * 100),
  };
  if (bands.redOverBasisPoints <= bands.amberOverBasisPoints) {
    return fail(domainError('invalid', phraseText('moneyRefusals.redNotAboveAmber'), 'redOverPercent'));
  }
  return ok(bands);
}
