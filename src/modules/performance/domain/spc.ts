/**
 * Statistical process control (XmR charts) following NHS England's "Making Data Count", with the
 * edge cases settled in spc.md: segments between recorded rebase dates are computed separately;
 * each point is typed common cause or special cause improvement / concern (neutral without a
 * polarity); the latest point gives the variation icon and the latest segment's limits give the
 * assurance icon.
 */
import { formatValue } from '../../../kernel/measurement/format.ts';
import { calculateSegmentLimits, MIN_POINTS_FOR_FIRM_LIMITS } from './spc-limits.ts';
import type { LimitOptions, SegmentLimits } from './spc-limits.ts';
import { detectSpecialCauses, RULE_BITS, rulesOf } from './spc-rules.ts';
import type { SegmentFlags, SpcRule } from './spc-rules.ts';
import type { Polarity, Target, ValueFormat } from '../../../kernel/measurement/types.ts';

export type SpcPointType =
  'common-cause' | 'special-cause-improvement' | 'special-cause-concern' | 'special-cause-neutral';

/** The MDC variation icons: common cause, or special cause improvement/concern/neutral, high or low. */
export type VariationIcon =
  | 'common-cause'
  | 'improvement-high'
  | 'improvement-low'
  | 'concern-high'
  | 'concern-low'
  | 'neutral-high'
  | 'neutral-low'
  | 'none';

export type AssuranceIcon = 'consistently-meets' | 'consistently-fails' | 'hit-and-miss' | 'not-applicable';

/** A recorded change to the process: the chart starts a new segment at the first point on or after the date. */
export interface Rebase {
  date: string;
  reason: string;
}

export interface SpcSettings extends LimitOptions {
  rebases?: readonly Rebase[];
}

export interface SpcInputPoint {
  /** Identifies the point, e.g. a period key. */
  key: string;
  /** The period's start date (ISO); rebases are matched against it; points must be in date order. */
  date: string;
  value: number;
}

export interface SpcInput {
  points: readonly SpcInputPoint[];
  polarity: Polarity;
  target?: Target | null;
  settings?: SpcSettings;
  /** For the words of warnings and assurance; defaults to plain numbers. */
  format?: ValueFormat;
}

export interface SpcPoint {
  key: string;
  date: string;
  value: number;
  segment: number;
  mean: number;
  upperLimit: number | null;
  lowerLimit: number | null;
  upperNear: number | null;
  lowerNear: number | null;
  movingRange: number | null;
  /** This point's moving range was screened out of the average moving range. */
  movingRangeExcluded: boolean;
  /** Every rule flagging the point, strongest first (a shared, frozen list). */
  rules: readonly SpcRule[];
  type: SpcPointType;
  /** 'high' or 'low' for a special-cause point (by the rule that typed it); null for common cause. */
  direction: 'high' | 'low' | null;
}

export interface SpcSegment {
  index: number;
  /** Indices into points, inclusive. */
  from: number;
  to: number;
  startKey: string;
  endKey: string;
  /** Why this segment starts (absent for the first). */
  rebaseReason?: string;
  limits: Omit<SegmentLimits, 'movingRanges' | 'movingRangeExcluded'>;
}

export interface SpcResult {
  points: SpcPoint[];
  segments: SpcSegment[];
  variationIcon: VariationIcon;
  assuranceIcon: AssuranceIcon;
  assuranceReason: string;
  /** True when the latest segment's limits are trial limits (fewer than 12 points). */
  trialLimits: boolean;
  warnings: string[];
}

function checkOrder(points: readonly SpcInputPoint[]): void {
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] as SpcInputPoint;
    const cur = points[i] as SpcInputPoint;
    if (!(cur.date > prev.date))
      throw new RangeError(`SPC points must be in date order: ${cur.key} comes after ${prev.key}`);
    if (!Number.isFinite(cur.value)) throw new RangeError(`SPC point ${cur.key} has no numeric value`);
  }
  if (points[0] !== undefined && !Number.isFinite(points[0].value))
    throw new RangeError(`SPC point ${points[0].key} has no numeric value`);
}

/** Start indices of the segments, with the reason each later segment starts. */
function segmentStarts(points: readonly SpcInputPoint[], rebases: readonly Rebase[], warnings: string[]) {
  const starts = new Map<number, string>([[0, '']]);
  const sorted = [...rebases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const rebase of sorted) {
    const at = points.findIndex((p) => p.date >= rebase.date);
    if (at <= 0) {
      warnings.push(
        at === 0
          ? `The rebase on ${rebase.date} is before the first point, so it changes nothing`
          : `The rebase on ${rebase.date} is after the latest point; it will apply from the next point`,
      );
      continue;
    }
    const existing = starts.get(at);
    starts.set(at, existing ? `${existing}; ${rebase.reason}` : rebase.reason);
  }
  return [...starts.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * Which way a special-cause point points, by the strongest rule (spc.md, "Types"): outside the
 * limits, its side of the mean; in a trend, the trend's direction; otherwise its side of the mean.
 */
function specialDirection(rules: number, side: number, trend: number, turningPoint: boolean): 'high' | 'low' | null {
  if (rules === 0) return null;
  const bySide = side > 0 ? 'high' : side < 0 ? 'low' : null;
  if ((rules & RULE_BITS['outside-limits']) !== 0) return bySide;
  if (trend !== 0) {
    // A turning point belongs to a rising and a falling trend: its side of the mean decides,
    // and if it sits on the mean, the trend it ends.
    if (turningPoint && bySide !== null) return bySide;
    return trend > 0 ? 'high' : 'low';
  }
  return bySide;
}

function directionAt(flags: SegmentFlags, i: number): 'high' | 'low' | null {
  return specialDirection(
    flags.rules[i] as number,
    flags.side[i] as number,
    flags.trend[i] as number,
    flags.turningPoint[i] === 1,
  );
}

/** Limits and special-cause flags of one segment (segments never affect one another). */
function analyseSegment(
  values: readonly number[],
  settings: LimitOptions,
): { limits: SegmentLimits; flags: SegmentFlags } {
  const limits = calculateSegmentLimits(values, settings);
  return { limits, flags: detectSpecialCauses(values, limits) };
}

function pointType(direction: 'high' | 'low' | null, polarity: Polarity): SpcPointType {
  if (direction === null) return 'common-cause';
  if (polarity === 'higher-is-better')
    return direction === 'high' ? 'special-cause-improvement' : 'special-cause-concern';
  if (polarity === 'lower-is-better')
    return direction === 'low' ? 'special-cause-improvement' : 'special-cause-concern';
  // No polarity, or a range (where neither higher nor lower is better in itself).
  return 'special-cause-neutral';
}

export function variationIconFor(point: Pick<SpcPoint, 'type' | 'direction'> | undefined): VariationIcon {
  if (point === undefined) return 'none';
  if (point.type === 'common-cause' || point.direction === null) return 'common-cause';
  const kind =
    point.type === 'special-cause-improvement'
      ? 'improvement'
      : point.type === 'special-cause-concern'
        ? 'concern'
        : 'neutral';
  return `${kind}-${point.direction}`;
}

function beyond(a: number, b: number): boolean {
  return a > b + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Assurance: can the process, as it runs, meet the target? Strict comparisons: a target exactly on
 * a limit is hit and miss. For a target range (our extension of MDC, which only covers a single
 * target) the process consistently meets it when both limits lie inside the range, and
 * consistently fails when the limits lie wholly outside it.
 */
export function assuranceFor(
  limits: Pick<SegmentLimits, 'upperLimit' | 'lowerLimit'> | undefined,
  polarity: Polarity,
  target: Target | null | undefined,
  format: ValueFormat = { unit: 'number', decimals: 2 },
): { icon: AssuranceIcon; reason: string } {
  const show = (v: number) => formatValue(v, format.unit, format.decimals);
  if (!target) return { icon: 'not-applicable', reason: 'No assurance: the measure has no target' };
  if (polarity === 'none')
    return { icon: 'not-applicable', reason: 'No assurance: the measure has no preferred direction' };
  const upl = limits?.upperLimit ?? null;
  const lpl = limits?.lowerLimit ?? null;
  if (upl === null || lpl === null)
    return { icon: 'not-applicable', reason: 'No assurance: too few points for process limits' };
  const between = `the process limits ${show(lpl)} to ${show(upl)}`;

  if (target.kind === 'range') {
    if (polarity !== 'within-range')
      return { icon: 'not-applicable', reason: 'No assurance: a target range needs a within-range measure' };
    if (beyond(lpl, target.lower) && beyond(target.upper, upl)) {
      return { icon: 'consistently-meets', reason: `Consistently meets: ${between} lie inside the target range` };
    }
    if (beyond(target.lower, upl) || beyond(lpl, target.upper)) {
      return { icon: 'consistently-fails', reason: `Consistently fails: ${between} lie outside the target range` };
    }
    return { icon: 'hit-and-miss', reason: `Hit and miss: the target range overlaps ${between}` };
  }
  if (polarity === 'within-range')
    return { icon: 'not-applicable', reason: 'No assurance: a within-range measure needs a target range' };

  const t = show(target.value);
  const higher = polarity === 'higher-is-better';
  // Higher is better: a target above the upper limit cannot be reached; below the lower limit it is always met.
  const fails = higher ? beyond(target.value, upl) : beyond(lpl, target.value);
  const meets = higher ? beyond(lpl, target.value) : beyond(target.value, upl);
  if (fails)
    return {
      icon: 'consistently-fails',
      reason: `Consistently fails: the target ${t} is ${higher ? 'above' : 'below'} ${between}`,
    };
  if (meets)
    return {
      icon: 'consistently-meets',
      reason: `Consistently meets: the target ${t} is ${higher ? 'below' : 'above'} ${between}`,
    };
  return { icon: 'hit-and-miss', reason: `Hit and miss: the target ${t} is within ${between}` };
}

export function analyseSpc(input: SpcInput): SpcResult {
  const { points: inputs, polarity } = input;
  const settings = input.settings ?? {};
  const format = input.format ?? { unit: 'number', decimals: 2 };
  checkOrder(inputs);
  const warnings: string[] = [];
  if (inputs.length === 0) {
    return {
      points: [],
      segments: [],
      variationIcon: 'none',
      assuranceIcon: 'not-applicable',
      assuranceReason: 'No assurance: no data',
      trialLimits: true,
      warnings: ['No data to chart'],
    };
  }

  const starts = segmentStarts(inputs, settings.rebases ?? [], warnings);
  const points: SpcPoint[] = [];
  const segments: SpcSegment[] = [];
  starts.forEach(([from, reason], s) => {
    const to = (starts[s + 1]?.[0] ?? inputs.length) - 1;
    const slice = inputs.slice(from, to + 1);
    const values = slice.map((p) => p.value);
    const { limits, flags } = analyseSegment(values, settings);
    for (let i = 0; i < slice.length; i++) {
      const p = slice[i] as SpcInputPoint;
      const mask = flags.rules[i] as number;
      const direction = directionAt(flags, i);
      points.push({
        key: p.key,
        date: p.date,
        value: p.value,
        segment: s,
        mean: limits.mean,
        upperLimit: limits.upperLimit,
        lowerLimit: limits.lowerLimit,
        upperNear: limits.upperNear,
        lowerNear: limits.lowerNear,
        movingRange: limits.movingRanges[i] ?? null,
        movingRangeExcluded: limits.movingRangeExcluded[i] ?? false,
        rules: rulesOf(mask),
        type: pointType(direction, polarity),
        direction,
      });
    }
    const { movingRanges: _mr, movingRangeExcluded: _ex, ...summary } = limits;
    const segment: SpcSegment = {
      index: s,
      from,
      to,
      startKey: (inputs[from] as SpcInputPoint).key,
      endKey: (inputs[to] as SpcInputPoint).key,
      limits: summary,
    };
    if (s > 0) segment.rebaseReason = reason;
    segments.push(segment);

    const range = from === to ? segment.startKey : `${segment.startKey} to ${segment.endKey}`;
    if (limits.averageMovingRange === null) {
      warnings.push(`No process limits for ${range}: at least 2 points are needed`);
    } else if (limits.trial) {
      warnings.push(
        `Trial limits for ${range}: based on ${limits.pointsUsed} point${limits.pointsUsed === 1 ? '' : 's'}; ${MIN_POINTS_FOR_FIRM_LIMITS} or more are needed for firm limits`,
      );
    }
    if (settings.baselinePoints !== undefined && settings.baselinePoints > values.length) {
      warnings.push(
        `The baseline of ${settings.baselinePoints} points is longer than ${range}; all ${values.length} points were used`,
      );
    }
  });

  const latestSegment = segments[segments.length - 1] as SpcSegment;
  const assurance = assuranceFor(latestSegment.limits, polarity, input.target, format);
  return {
    points,
    segments,
    variationIcon: variationIconFor(points[points.length - 1]),
    assuranceIcon: assurance.icon,
    assuranceReason: assurance.reason,
    trialLimits: latestSegment.limits.trial,
    warnings,
  };
}

export interface LatestSpcInput {
  /** The values of the latest segment only (from the last rebase on), in time order. */
  values: readonly number[];
  polarity: Polarity;
  target?: Target | null;
  settings?: LimitOptions;
  format?: ValueFormat;
}

export interface LatestSpcReading {
  /** Type of the latest point; null with fewer than 2 points (no limits to judge against). */
  type: SpcPointType | null;
  direction: 'high' | 'low' | null;
  rules: readonly SpcRule[];
  variationIcon: VariationIcon;
  assuranceIcon: AssuranceIcon;
  assuranceReason: string;
  trialLimits: boolean;
  limits: Omit<SegmentLimits, 'movingRanges' | 'movingRangeExcluded'> | null;
}

/**
 * The reading for the latest point only: the same result as the last point of analyseSpc, without
 * building the whole chart. Only the latest segment matters, because segments are independent.
 * This is what a dashboard needs for thousands of measures at once.
 */
export function readLatestSpcPoint(input: LatestSpcInput): LatestSpcReading {
  const { values, polarity } = input;
  const n = values.length;
  if (n === 0) {
    return {
      type: null,
      direction: null,
      rules: [],
      variationIcon: 'none',
      assuranceIcon: 'not-applicable',
      assuranceReason: 'No assurance: no data',
      trialLimits: true,
      limits: null,
    };
  }
  const { limits, flags } = analyseSegment(values, input.settings ?? {});
  const { movingRanges: _mr, movingRangeExcluded: _ex, ...summary } = limits;
  const assurance = assuranceFor(limits, polarity, input.target, input.format);
  const hasLimits = limits.averageMovingRange !== null;
  const direction = directionAt(flags, n - 1);
  const type = hasLimits ? pointType(direction, polarity) : null;
  return {
    type,
    direction: hasLimits ? direction : null,
    rules: rulesOf(flags.rules[n - 1] as number),
    variationIcon: type === null ? 'none' : variationIconFor({ type, direction }),
    assuranceIcon: assurance.icon,
    assuranceReason: assurance.reason,
    trialLimits: limits.trial,
    limits: summary,
  };
}
