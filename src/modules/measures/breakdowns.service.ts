/**
 * The breakdown view of a measure: its categories (wards, age groups, …) with their values for
 * the latest periods that have any, each against the category's own target with its RAG status
 * (worked out by the engine's assessRag, as the whole measure's is).
 */
import { targetVersionForPeriod } from '../../kernel/measurement/target-history.ts';
import { assessRag, parsePeriodKey, periodLabel } from '../../kernel/measurement/index.ts';
import { say } from '../../platform/words/index.ts';
import { type RagStatus, type Target } from '../../kernel/measurement/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { latestBreakdownValues } from './data/breakdown-values.repository.ts';
import * as measuresRepo from './data/measures.repository.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Measure, MeasuresService } from './measures.service.ts';

export interface BreakdownCell {
  periodKey: string;
  value: number | null;
  /** Where the value is in the data-quality workflow (null: no value). */
  status: string | null;
  /** The category's target for the period, if it has one. */
  target: Target | null;
  /** Null when there is no value to rate. */
  rag: RagStatus | null;
  ragReason: string;
}

export interface BreakdownCategoryView {
  id: string;
  code: string;
  label: string;
  cells: BreakdownCell[];
}

export interface BreakdownView {
  measure: Measure;
  /** Oldest first. */
  periods: { key: string; label: string }[];
  /** One group per breakdown (ward, age group, …), in the order the measure lists them. */
  dimensions: { dimension: string; categories: BreakdownCategoryView[] }[];
}

/** Periods shown side by side. */
export const BREAKDOWN_PERIODS = 4;

export function createBreakdownsService(deps: ServiceDeps & { measures: MeasuresService }) {
  const { db, measures } = deps;

  return {
    /** The categories of a measure with their latest values; no dimensions when it has no breakdowns. */
    async view(caller: Caller, measureId: string, periods = BREAKDOWN_PERIODS): Promise<Result<BreakdownView>> {
      const found = await measures.get(caller, measureId);
      if (!found.ok) return found;
      const measure = found.value;
      const org = caller.organisationId;
      const categories = await measuresRepo.listBreakdowns(db, org, measureId);
      if (categories.length === 0) return ok({ measure, periods: [], dimensions: [] });
      const [values, versions] = await Promise.all([
        latestBreakdownValues(db, org, measureId, periods),
        measuresRepo.listTargets(db, org, measureId),
      ]);
      const keys = [...new Set(values.map((value) => value.periodKey))].sort();
      const shownPeriods = keys.flatMap((key) => {
        const parsed = parsePeriodKey(key);
        return parsed.ok && parsed.value.frequency === measure.frequency
          ? [{ key, period: parsed.value, label: periodLabel(parsed.value) }]
          : [];
      });
      const valueOf = new Map(values.map((value) => [`${value.breakdownId}|${value.periodKey}`, value]));
      const dimensions: BreakdownView['dimensions'] = [];
      for (const category of categories) {
        const cells = shownPeriods.map(({ key, period }): BreakdownCell => {
          const stored = valueOf.get(`${category.id}|${key}`);
          const applied = targetVersionForPeriod(versions, period, { breakdownId: category.id });
          const value = stored?.value ?? null;
          const rag =
            value === null
              ? null
              : assessRag({
                  value,
                  polarity: measure.polarity,
                  target: applied?.target ?? null,
                  thresholds: measure.ragThresholds,
                  format: { unit: measure.unit, decimals: measure.decimalPlaces },
                });
          return {
            periodKey: key,
            value,
            status: stored?.status ?? null,
            target: applied?.target ?? null,
            rag: rag?.status ?? null,
            ragReason: rag ? say(rag.reason) : '',
          };
        });
        const view = { id: category.id, code: category.code, label: category.label, cells };
        const group = dimensions.find((d) => d.dimension.toLowerCase() === category.dimension.toLowerCase());
        if (group) group.categories.push(view);
        else dimensions.push({ dimension: category.dimension, categories: [view] });
      }
      return ok({
        measure,
        periods: shownPeriods.map(({ key, label }) => ({ key, label })),
        dimensions,
      });
    },
  };
}
