/**
 * Framework health: is the performance framework itself working, for a unit in a period? Five
 * indicators, each a share compared with the council's risk appetite. The caller supplies the
 * counts (or lists of yes/no); nothing here looks anything up.
 *
 * The issue sets two appetites (90% of objectives on target, 75% of key targets projected to be
 * achieved); the other three have no default and are reported as "no appetite set" until the
 * council sets one, rather than being judged against a figure nobody chose.
 * A value exactly equal to the appetite is within it.
 */
import { formatShare } from '../../../kernel/measurement/format.ts';
import { periodLabel, UK_FINANCIAL_YEAR } from '../../../kernel/measurement/periods.ts';
import type { FinancialYearConfig, Period } from '../../../kernel/measurement/periods.ts';

export type HealthIndicatorId =
  'plans-available' | 'data-available' | 'tracking-on-time' | 'objectives-on-target' | 'targets-projected-achieved';

/** How many met the standard, out of how many; or one yes/no per item. */
export type HealthCount = { met: number; total: number } | readonly boolean[];

export interface FrameworkHealthInput {
  period: Period;
  /** The organisational unit, e.g. 'Adult Social Care'. */
  unit: string;
  /** Plans available, against those due by the planning timetable. */
  plansAvailable: HealthCount;
  /** Measures with data for monthly tracking, against those expected. */
  dataAvailable: HealthCount;
  /** Tracking updates completed on time, against those due. */
  trackingOnTime: HealthCount;
  /** Plan objectives on target, against those assessed. */
  objectivesOnTarget: HealthCount;
  /** Key performance targets projected to be achieved, against all key targets. */
  targetsProjectedAchieved: HealthCount;
}

/** Appetite per indicator as a share 0..1; null when none is set. */
export type RiskAppetite = Record<HealthIndicatorId, number | null>;

export const DEFAULT_RISK_APPETITE: RiskAppetite = Object.freeze({
  'plans-available': null,
  'data-available': null,
  'tracking-on-time': null,
  'objectives-on-target': 0.9,
  'targets-projected-achieved': 0.75,
});

export type AppetitePosition = 'within' | 'outside' | 'no-data' | 'no-appetite';

export interface HealthIndicator {
  id: HealthIndicatorId;
  name: string;
  met: number;
  total: number;
  /** met ÷ total, or null when total is 0. */
  value: number | null;
  appetite: number | null;
  position: AppetitePosition;
  words: string;
}

export interface FrameworkHealth {
  period: Period;
  periodLabel: string;
  unit: string;
  indicators: HealthIndicator[];
  /** How many indicators are outside the appetite. */
  outsideAppetite: number;
  summary: string;
}

const NAMES: Record<HealthIndicatorId, string> = {
  'plans-available': 'Plans available on time',
  'data-available': 'Data available for monthly tracking',
  'tracking-on-time': 'Tracking completed on time',
  'objectives-on-target': 'Plan objectives on target',
  'targets-projected-achieved': 'Key targets projected to be achieved',
};

function toCount(count: HealthCount, id: HealthIndicatorId): { met: number; total: number } {
  if (Array.isArray(count)) {
    const list = count as readonly boolean[];
    return { met: list.filter(Boolean).length, total: list.length };
  }
  const { met, total } = count as { met: number; total: number };
  if (!Number.isInteger(met) || !Number.isInteger(total) || met < 0 || total < 0 || met > total) {
    throw new RangeError(`${NAMES[id]}: ${met} of ${total} is not a valid count`);
  }
  return { met, total };
}

export function assessIndicator(id: HealthIndicatorId, count: HealthCount, appetite: number | null): HealthIndicator {
  const { met, total } = toCount(count, id);
  const name = NAMES[id];
  const value = total === 0 ? null : met / total;
  const of = `${met} of ${total}`;
  let position: AppetitePosition;
  let words: string;
  if (value === null) {
    position = 'no-data';
    words = `${name}: none due, so no rate`;
  } else if (appetite === null) {
    position = 'no-appetite';
    words = `${name}: ${of} (${formatShare(value)}); no risk appetite set`;
  } else {
    // Compare the counts exactly (met ≥ appetite × total) so 9 of 10 is within a 90% appetite.
    position = met >= appetite * total - 1e-9 ? 'within' : 'outside';
    words = `${name}: ${of} (${formatShare(value)}), ${position === 'within' ? 'within' : 'outside'} the risk appetite of ${formatShare(appetite, 0)}`;
  }
  return { id, name, met, total, value, appetite, position, words };
}

export function assessFrameworkHealth(
  input: FrameworkHealthInput,
  appetite: Partial<RiskAppetite> = {},
  fy: FinancialYearConfig = UK_FINANCIAL_YEAR,
): FrameworkHealth {
  const appetites: RiskAppetite = { ...DEFAULT_RISK_APPETITE, ...appetite };
  for (const [id, a] of Object.entries(appetites)) {
    if (a !== null && !(a >= 0 && a <= 1))
      throw new RangeError(`Risk appetite for ${id} must be a share from 0 to 1, not ${a}`);
  }
  const counts: Record<HealthIndicatorId, HealthCount> = {
    'plans-available': input.plansAvailable,
    'data-available': input.dataAvailable,
    'tracking-on-time': input.trackingOnTime,
    'objectives-on-target': input.objectivesOnTarget,
    'targets-projected-achieved': input.targetsProjectedAchieved,
  };
  const indicators = (Object.keys(NAMES) as HealthIndicatorId[]).map((id) =>
    assessIndicator(id, counts[id], appetites[id]),
  );
  const outside = indicators.filter((i) => i.position === 'outside');
  const label = periodLabel(input.period, fy);
  const summary =
    outside.length === 0
      ? `${input.unit}, ${label}: no indicator outside the risk appetite`
      : `${input.unit}, ${label}: ${outside.length} indicator${outside.length === 1 ? '' : 's'} outside the risk appetite (${outside.map((i) => i.name.toLowerCase()).join('; ')})`;
  return {
    period: input.period,
    periodLabel: label,
    unit: input.unit,
    indicators,
    outsideAppetite: outside.length,
    summary,
  };
}

/**
 * Whether a measure's figure for its period counts as data available. Today, any value entered so
 * far counts. Judged for a past date (a report for an earlier period, `dueBy` that figure's due
 * date), only a value entered by the due date counts: a quarter's figures cannot exist on its last
 * day, so the due date, the framework's own standard for having data, is the fair cut-off; one
 * entered after it was not available when the period was reported on.
 */
export function figureAvailable(
  figure: { value: number | null; enteredOn: string } | undefined,
  dueBy: string | null,
): boolean {
  if (!figure || figure.value === null) return false;
  return dueBy === null || figure.enteredOn <= dueBy;
}
