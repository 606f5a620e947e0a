import { and, asc, eq } from 'drizzle-orm';
import { financialYearLabel } from '../../kernel/measurement/periods.ts';
import {
  approveLabel,
  currentStep,
  financialYearBounds,
  financialYearOf,
  isPlanStatus,
  PLAN_STATUSES,
  type PlanFilters,
  versionInForce as pickVersionInForce,
} from './domain/index.ts';
import type { Phrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { listPlanTypeDetails } from '../framework/index.ts';
import * as plansRepo from './data/plans.repository.ts';
import * as appraisalsRepo from './data/appraisals.repository.ts';
import { appraisalGate } from './appraisal-access.ts';
import { unitsRepository as unitsRepo } from '../organisation/index.ts';
import { people, unitAncestryIn } from '../organisation/index.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { type Caller } from '../../platform/services/caller.ts';
import { notFound } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { activePersonOrFormer, partnerOf, type PlanContext } from './plan-context.ts';
import type { Plan, PlanDetail, PlanEvent, PlanFormOptions, PlanListRow, StepState } from './plans.types.ts';

/** Reading plans: lists, filters, form options, a plan with its steps, actions and history, versions in force, approvals waiting. */
export function createPlanReading({ db }: ServiceDeps, context: PlanContext) {
  const { visiblePlan, loadType, actionsFor } = context;
  return {
    /** The plans the caller may read: someone else's individual plan only for their managers, HR and administrators. */
    async list(caller: Caller, filters: PlanFilters = {}): Promise<PlanListRow[]> {
      const rows = await plansRepo.listPlans(db, caller.organisationId, {
        planTypeId: filters.planTypeId,
        owningUnitId: filters.owningUnitId,
        status: filters.status,
        overlaps: filters.year === undefined ? undefined : financialYearBounds(filters.year),
        partnerId: partnerOf(caller) ?? undefined,
      });
      return appraisalGate(db, caller).readable(rows);
    },

    /**
     * What anyone may know of individual plans: how many people have an approved one, and how
     * many individual plans the caller cannot open (so a list can say some are not shown).
     */
    async individualPlanCounts(caller: Caller): Promise<{ peopleWithApprovedPlan: number; notShown: number }> {
      const gate = appraisalGate(db, caller);
      const typeIds = [...(await gate.privateTypeIds())];
      if (typeIds.length === 0) return { peopleWithApprovedPlan: 0, notShown: 0 };
      const rows = (
        await Promise.all(typeIds.map((planTypeId) => plansRepo.listPlans(db, caller.organisationId, { planTypeId })))
      ).flat();
      const readable = await gate.readable(rows);
      return {
        peopleWithApprovedPlan: await appraisalsRepo.peopleWithApprovedPrivatePlan(db, caller.organisationId, typeIds),
        notShown: rows.length - readable.length,
      };
    },

    /** What the list can be filtered by. */
    async filterOptions(caller: Caller) {
      const [types, units, bounds] = await Promise.all([
        listPlanTypeDetails(db, caller.organisationId),
        unitsRepo.listUnits(db, caller.organisationId),
        plansRepo.periodBounds(db, caller.organisationId),
      ]);
      const years: { value: number; label: string }[] = [];
      if (bounds) {
        for (let year = financialYearOf(bounds.first); year <= financialYearOf(bounds.last); year += 1) {
          years.push({ value: year, label: financialYearLabel(year) });
        }
      }
      return {
        planTypes: types.map((type) => ({ id: type.id, name: type.name })),
        units: units.map((unit) => ({ id: unit.id, name: unit.name, code: unit.code })),
        statuses: [...PLAN_STATUSES],
        years,
      };
    },

    /** Choices for the new and edit forms. */
    async formOptions(caller: Caller): Promise<PlanFormOptions> {
      const [types, units, staff, plans] = await Promise.all([
        listPlanTypeDetails(db, caller.organisationId),
        unitsRepo.listUnits(db, caller.organisationId),
        db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.organisationId, caller.organisationId), eq(people.status, 'active')))
          .orderBy(asc(people.name)),
        plansRepo.listPlans(db, caller.organisationId, {}),
      ]);
      return {
        planTypes: types,
        units: units.filter((unit) => unit.active).map((unit) => ({ id: unit.id, name: unit.name, code: unit.code })),
        people: staff,
        parentPlans: (await appraisalGate(db, caller).readable(plans)).filter(
          (plan) => plan.status !== 'archived' && plan.status !== 'superseded',
        ),
      };
    },
    async get(caller: Caller, id: string): Promise<Result<Plan>> {
      const plan = await visiblePlan(db, caller, id);
      return plan ? ok(plan) : notFound('plan');
    },

    /** Everything the plan page, the history page and the API's get need. */
    async detail(caller: Caller, id: string): Promise<Result<PlanDetail>> {
      const plan = await visiblePlan(db, caller, id);
      if (!plan) return notFound('plan');
      const planType = await loadType(db, caller, plan);
      const [unit, owner, parent, lineage] = await Promise.all([
        unitsRepo.findUnit(db, caller.organisationId, plan.owningUnitId),
        plan.ownerPersonId ? activePersonOrFormer(db, caller.organisationId, plan.ownerPersonId) : undefined,
        plan.parentPlanId ? plansRepo.findPlan(db, caller.organisationId, plan.parentPlanId) : undefined,
        plansRepo.listVersions(db, caller.organisationId, plan.lineageId),
      ]);
      const partnerId = partnerOf(caller);
      const versions = partnerId
        ? (
            await Promise.all(
              lineage.map(async (version) =>
                (await plansRepo.isSharedWithPartner(db, caller.organisationId, version.id, partnerId))
                  ? version
                  : null,
              ),
            )
          ).filter((version): version is Plan => version !== null)
        : lineage;
      const versionOf = new Map(versions.map((version) => [version.id, version.version]));
      const events = (await plansRepo.listEvents(db, caller.organisationId, [...versionOf.keys()])).map((row) => ({
        ...row,
        version: versionOf.get(row.planId) ?? 0,
      }));
      const state = isPlanStatus(plan.status) ? { status: plan.status, nextStep: plan.nextStep } : null;
      const waiting = state ? currentStep(state, planType.approvalSteps) : undefined;
      const taken = stepsTakenInLatestRound(events.filter((event) => event.planId === plan.id));
      const steps: StepState[] = planType.approvalSteps.map((step) => ({
        ...step,
        ...takenDetails(taken.get(step.position)),
        label: approveLabel(step),
        state:
          // An archived plan that had been approved keeps its steps as taken: archiving ends its
          // life, it does not undo its approval (approvedAt stays set).
          plan.status === 'approved' || plan.status === 'superseded' || (plan.status === 'archived' && plan.approvedAt)
            ? 'done'
            : waiting
              ? step.position < waiting.position
                ? 'done'
                : step.position === waiting.position
                  ? 'current'
                  : 'waiting'
              : 'waiting',
      }));
      return ok({
        plan,
        planType,
        owningUnit: unit ? { id: unit.id, name: unit.name } : null,
        owner: owner ?? null,
        parentPlan: parent
          ? { id: parent.id, title: parent.title, status: parent.status, version: parent.version }
          : null,
        sections: planType.templateSections.map((section) => ({
          ...section,
          text: plan.sections[section.key] ?? '',
        })),
        steps,
        versions,
        events,
        actions: await actionsFor(caller, plan, planType, createAccessPolicy(unitAncestryIn(db))),
      });
    },
    /** The plans whose next step the caller may take, with the words on its button (a phrase). */
    async awaitingMyApproval(caller: Caller): Promise<{ id: string; title: string; stepLabel: Phrase }[]> {
      if (partnerOf(caller)) return [];
      const candidates = [
        ...(await plansRepo.listPlans(db, caller.organisationId, { status: 'submitted' })),
        ...(await plansRepo.listPlans(db, caller.organisationId, { status: 'in-approval' })),
      ];
      const waiting: { id: string; title: string; stepLabel: Phrase }[] = [];
      // One policy for the list: plans of the same unit read its ancestry once.
      const access = createAccessPolicy(unitAncestryIn(db));
      for (const row of await appraisalGate(db, caller).readable(candidates)) {
        const plan = await plansRepo.findPlan(db, caller.organisationId, row.id);
        if (!plan) continue;
        const type = await loadType(db, caller, plan);
        const actions = await actionsFor(caller, plan, type, access);
        if (actions.approve) waiting.push({ id: plan.id, title: plan.title, stepLabel: actions.approve.label });
      }
      return waiting;
    },
    async versionInForce(caller: Caller, lineageId: string, dateIso: string): Promise<Result<Plan | null>> {
      let versions = await plansRepo.listVersions(db, caller.organisationId, lineageId);
      const partnerId = partnerOf(caller);
      if (partnerId) {
        const visible = await Promise.all(
          versions.map((version) => plansRepo.isSharedWithPartner(db, caller.organisationId, version.id, partnerId)),
        );
        versions = versions.filter((_version, index) => visible[index]);
      }
      versions = await appraisalGate(db, caller).readable(versions);
      if (versions.length === 0) return notFound('plan');
      return ok(pickVersionInForce(versions, dateIso) ?? null);
    },
  };
}

/** The step-approved events since the plan was last submitted, by step position. */
function stepsTakenInLatestRound(events: readonly PlanEvent[]): Map<number, PlanEvent> {
  const lastSubmitted = events.map((event) => event.action).lastIndexOf('submitted');
  const taken = new Map<number, PlanEvent>();
  for (const event of events.slice(lastSubmitted + 1)) {
    if (event.action === 'returned') taken.clear();
    if (event.action === 'step-approved' && event.stepPosition !== null) taken.set(event.stepPosition, event);
  }
  return taken;
}

function takenDetails(event: PlanEvent | undefined) {
  return {
    decisionDate: event?.decisionDate ?? null,
    minuteReference: event?.minuteReference ?? null,
    recordedBy: event?.actorPersonId && event.actorName ? { id: event.actorPersonId, name: event.actorName } : null,
  };
}
