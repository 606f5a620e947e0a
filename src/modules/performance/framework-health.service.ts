/**
 * Framework health per unit for the current period: are plans in force, data in, tracking on
 * time, objectives on target and key targets projected to be met, against the council's risk
 * appetite. Reads the STORED statuses, never recomputes them.
 */
import { dueDate, DEFAULT_COLLECTION_RULE } from '../collection/domain/index.ts';
import {
  assessFrameworkHealth,
  DEFAULT_RISK_APPETITE,
  figureAvailable,
  periodKey,
  periodStart,
  planInForce,
  type RiskAppetite,
  toRiskAppetite,
  toRollupOptions,
  topLevelUnits,
} from './domain/index.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { londonDateOf } from '../../platform/clock.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { PerformanceDeps } from './ports.ts';
import { words } from '../../platform/words/index.ts';
import { listUnits } from '../organisation/index.ts';
import * as repo from './data/performance.repository.ts';
import { loadPerformanceSettings } from './data/settings.repository.ts';
import { loadCurrentStatuses, periodsOn } from './measure-list.ts';
import type { HealthView } from './performance-views.types.ts';
import { HEALTH_RULES } from './performance-words.ts';
import { contributionsTo, rollUpItems } from './rollups.service.ts';

export function createFrameworkHealthService({ db, clock, contributions = [] }: PerformanceDeps) {
  return {
    /**
     * Framework health per unit for the current period (or the period current on `on`, a date in
     * the past), against the council's stored risk appetite and roll-up rule; `whatIf` overrides the
     * appetite for this view only.
     */
    async frameworkHealth(
      caller: Caller,
      whatIf: Partial<RiskAppetite> = {},
      on?: string,
    ): Promise<Result<HealthView>> {
      for (const [id, share] of Object.entries(whatIf)) {
        if (share !== null && !(typeof share === 'number' && share >= 0 && share <= 1)) {
          return refuse('invalid', `The risk appetite for ${id} must be a share from 0 to 1`, id);
        }
      }
      const organisationId = caller.organisationId;
      // Assessed on a date in the past when asked (a report for an earlier period), never a future one:
      // the periods, statuses and plans in force are those of that date; the actions and projects
      // contributing to objectives are judged as recorded by then, and a figure counts as data
      // available only if it was entered by its due date (figureAvailable).
      const past = on !== undefined && on < clock.today();
      const today = past ? on : clock.today();
      const council = (await loadPerformanceSettings(db, organisationId)).settings;
      const appetite: Partial<RiskAppetite> = { ...toRiskAppetite(council), ...whatIf };
      if (caller.partnerId) {
        // Framework health is about the council's own planning and data: nothing of it is shared.
        return ok({ asOf: today, appetite: { ...DEFAULT_RISK_APPETITE, ...appetite }, rules: HEALTH_RULES, units: [] });
      }
      const [index, units, plans, councilDueDays] = await Promise.all([
        loadCurrentStatuses(db, organisationId, periodsOn(today)),
        listUnits(db, organisationId),
        repo.listPlanSummaries(db, organisationId),
        repo.collectionDueWorkingDays(db, organisationId),
      ]);
      const { tops, topOf } = topLevelUnits(units);
      const groupOf = (unitId: string | null) => (unitId ? (topOf.get(unitId) ?? null) : null);
      const groups: { unitId: string | null; name: string }[] = [
        { unitId: '*', name: words.performance.wholeCouncil },
        ...tops.map((u) => ({ unitId: u.id, name: u.name })),
      ];
      const inGroup = (group: string | null, unitId: string | null) => group === '*' || groupOf(unitId) === group;

      // Plans: each (owning unit, plan type) planned for in the current or previous financial year
      // is expected to have an approved version in force today.
      const yearStart = periodStart(currentReportingPeriod('annual', today));
      const previousYearStart = `${Number(yearStart.slice(0, 4)) - 1}${yearStart.slice(4)}`;
      const expected = new Map<string, { unitId: string; inForce: boolean }>();
      for (const plan of plans) {
        if (plan.periodEnd < previousYearStart || plan.status === 'superseded') continue;
        const slot = `${plan.owningUnitId}|${plan.planTypeId}`;
        const entry = expected.get(slot) ?? { unitId: plan.owningUnitId, inForce: false };
        if (planInForce(plan, today)) entry.inForce = true;
        expected.set(slot, entry);
      }

      // Data and timeliness: each active measure's own current period.
      const measures = [...index.measures.values()];
      const values = await repo.currentValues(
        db,
        organisationId,
        measures.map((m) => ({ measureId: m.id, periodKey: periodKey(index.periods.get(m.frequency)!) })),
      );
      const valueOf = new Map(values.map((v) => [v.measureId, v]));
      const workingDays = councilDueDays ?? DEFAULT_COLLECTION_RULE.workingDaysAfterPeriodEnd;

      // Objectives: items of approved plans in force with at least one linked measure, or an action
      // or project contributing to them: "on target to be completed in time" counts both (§42).
      const inForcePlans = plans.filter((p) => planInForce(p, today));
      const items = await repo.itemsOfPlans(
        db,
        organisationId,
        inForcePlans.map((p) => p.id),
      );
      const links = await repo.measureLinksOfItems(
        db,
        organisationId,
        items.map((i) => i.id),
      );
      const contributed = await contributionsTo(
        db,
        organisationId,
        items.map((i) => i.id),
        contributions,
        past ? today : undefined,
      );
      const linked = new Set([...links.map((l) => l.itemId), ...contributed.map((c) => c.itemId)]);
      // Every active measure's status is loaded already (links are to active measures only).
      const statusIndex = index;
      const planUnit = new Map(inForcePlans.map((p) => [p.id, p.owningUnitId]));
      const objectives = items.filter((item) => linked.has(item.id));
      const objectiveUnit = new Map(objectives.map((item) => [item.id, planUnit.get(item.planId) ?? null]));
      const rolled = rollUpItems(items, links, statusIndex, toRollupOptions(council), objectives, contributed);

      const healthUnits = groups.map((group) => {
        const ms = measures.filter((m) => inGroup(group.unitId, m.ownerUnitId));
        const dataAvailable: boolean[] = [];
        const tracking: boolean[] = [];
        for (const m of ms) {
          const period = index.periods.get(m.frequency)!;
          const due = dueDate(period, {
            ...DEFAULT_COLLECTION_RULE,
            workingDaysAfterPeriodEnd: m.dueWorkingDays ?? workingDays,
          });
          const figure = valueOf.get(m.id);
          dataAvailable.push(
            figureAvailable(
              figure && { value: figure.value, enteredOn: londonDateOf(new Date(figure.enteredAt)) },
              past ? due : null,
            ),
          );
          const submitted = valueOf.get(m.id)?.submittedAt ?? null;
          // Due ones count; one submitted early counts too (and is on time).
          if (due < today || submitted !== null) tracking.push(submitted !== null && submitted.slice(0, 10) <= due);
        }
        const objectivesOnTarget = rolled
          .filter((view) => inGroup(group.unitId, objectiveUnit.get(view.id) ?? null))
          .filter((view) => view.status === 'red' || view.status === 'amber' || view.status === 'green')
          .map((view) => view.status === 'green');
        const keyTargets = ms
          .filter((m) => m.isKey)
          .map((m) => index.current.get(m.id)?.forecastProbability ?? null)
          .filter((p): p is number => p !== null)
          .map((p) => p >= 0.5);
        const plansAvailable = [...expected.values()]
          .filter((e) => inGroup(group.unitId, e.unitId))
          .map((e) => e.inForce);
        const health = assessFrameworkHealth(
          {
            period: currentReportingPeriod('monthly', today),
            unit: group.name,
            plansAvailable,
            dataAvailable,
            trackingOnTime: tracking,
            objectivesOnTarget,
            targetsProjectedAchieved: keyTargets,
          },
          appetite,
        );
        return { ...health, unitId: group.unitId === '*' ? null : group.unitId };
      });
      return ok({
        asOf: today,
        appetite: { ...DEFAULT_RISK_APPETITE, ...appetite },
        rules: HEALTH_RULES,
        units: healthUnits,
      });
    },
  };
}
