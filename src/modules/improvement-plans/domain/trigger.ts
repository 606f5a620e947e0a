/**
 * When a key measure needs an improvement plan: its latest stored periods, as many as the council
 * says and one after another with no gap, each red or showing a special-cause concern (whichever
 * triggers the council uses). The run of triggering periods is an episode, named by the period it
 * started in, so its owner is asked once per episode, not every day it lasts.
 */
import { parsePeriodKey, periodOrdinal } from '../../../kernel/measurement/index.ts';

export const TRIGGERS = ['red', 'spc-concern'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface TriggerRule {
  /** How many consecutive periods (1 or more). */
  consecutivePeriods: number;
  triggers: readonly Trigger[];
}

export const DEFAULT_TRIGGER_RULE: TriggerRule = { consecutivePeriods: 2, triggers: ['red', 'spc-concern'] };

/** One stored status of a measure as a whole, for one period. */
export interface PeriodStatus {
  periodKey: string;
  rag: string;
  spcConcern: boolean;
}

export type TriggerOutcome =
  { needed: false } | { needed: true; episodeStartPeriod: string; latestPeriod: string; reasons: Trigger[] };

function triggersOf(status: PeriodStatus, rule: TriggerRule): Trigger[] {
  const found: Trigger[] = [];
  if (rule.triggers.includes('red') && status.rag === 'red') found.push('red');
  if (rule.triggers.includes('spc-concern') && status.spcConcern) found.push('spc-concern');
  return found;
}

function ordinalOf(key: string): number | null {
  const parsed = parsePeriodKey(key);
  return parsed.ok ? periodOrdinal(parsed.value) : null;
}

/**
 * Whether the measure needs a plan now. Statuses may come in any order; they are read newest
 * first, and the run back from the newest stops at the first period that does not trigger or is
 * not the one just before (a missing period breaks the run: nothing stored is not "red").
 */
export function needsImprovementPlan(statuses: readonly PeriodStatus[], rule: TriggerRule): TriggerOutcome {
  if (rule.consecutivePeriods < 1 || rule.triggers.length === 0) return { needed: false };
  const dated = statuses
    .map((status) => ({ status, ordinal: ordinalOf(status.periodKey) }))
    .filter((entry): entry is { status: PeriodStatus; ordinal: number } => entry.ordinal !== null)
    .sort((a, b) => b.ordinal - a.ordinal);
  const run: { status: PeriodStatus; ordinal: number; reasons: Trigger[] }[] = [];
  for (const entry of dated) {
    const previous = run[run.length - 1];
    if (previous && entry.ordinal !== previous.ordinal - 1) break;
    const reasons = triggersOf(entry.status, rule);
    if (reasons.length === 0) break;
    run.push({ ...entry, reasons });
  }
  if (run.length < rule.consecutivePeriods) return { needed: false };
  const reasons = TRIGGERS.filter((trigger) => run.some((entry) => entry.reasons.includes(trigger)));
  return {
    needed: true,
    episodeStartPeriod: run[run.length - 1]!.status.periodKey,
    latestPeriod: run[0]!.status.periodKey,
    reasons,
  };
}
