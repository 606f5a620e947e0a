/**
 * The warning a target gets when the process, as its SPC chart shows it, cannot meet it or meets
 * it whatever happens (kernel target-assurance.ts): accepted all the same, and named in words
 * with the limits, for the page, the API and the target import alike.
 */
import { formatValue } from '../../kernel/measurement/format.ts';
import {
  targetAgainstLimits,
  type LatestProcessLimits,
  type TargetFigures,
  type TargetWarningCode,
} from '../../kernel/measurement/target-assurance.ts';
import type { Polarity } from '../../kernel/measurement/vocabulary.ts';
import { fill, words } from '../../platform/words/index.ts';

export interface TargetWarning {
  code: TargetWarningCode;
  message: string;
  lowerLimit: number;
  upperLimit: number;
  trialLimits: boolean;
}

export interface MeasureForTargetCheck {
  polarity: Polarity;
  unit: string;
  decimalPlaces: number;
}

/** The warnings for a target of a measure with these latest process limits (none when hit and miss). */
export function targetWarnings(
  measure: MeasureForTargetCheck,
  target: TargetFigures,
  limits: LatestProcessLimits | null | undefined,
): TargetWarning[] {
  const found = targetAgainstLimits(target, measure.polarity, limits);
  if (!found) return [];
  const show = (value: number) => formatValue(value, measure.unit, measure.decimalPlaces);
  const ranged = measure.polarity === 'within-range';
  const shownTarget = ranged ? `${show(target.lower ?? 0)} to ${show(target.upper ?? 0)}` : show(target.value ?? 0);
  const template =
    words.measureFigures.targetCheck[found.code][ranged ? 'range' : found.beyond === 'lower' ? 'lower' : 'upper'];
  const warning = fill(template, {
    target: shownTarget,
    limit: show(found.beyond === 'lower' ? found.limits.lower : found.limits.upper),
    lower: show(found.limits.lower),
    upper: show(found.limits.upper),
  });
  return [
    {
      code: found.code,
      message: found.limits.trial ? fill(words.measureFigures.targetCheck.trial, { warning }) : warning,
      lowerLimit: found.limits.lower,
      upperLimit: found.limits.upper,
      trialLimits: found.limits.trial,
    },
  ];
}
