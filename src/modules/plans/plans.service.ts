import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { allowsAt, holdsRole, type Principal } from '../../kernel/access/index.ts';
import {
  approveLabel,
  type ApproveInput,
  canHappen,
  type CommentInput,
  currentStep,
  editRefusal,
  effectiveFrom,
  financialYearBounds,
  financialYearLabel,
  financialYearOf,
  isPlanStatus,
  mayTakeStep,
  newVersionRefusal,
  PLAN_STATUSES,
  type PlanFilters,
  type PlanInput,
  type PlanUpdateInput,
  type ReasonInput,
  rollForwardPeriod,
  rollForwardTitle,
  transition,
  unknownSections,
  versionInForce as pickVersionInForce,
  yearShift,
} from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import {
  type ApprovalStepDetail,
  listPlanTypeDetails,
  loadPlanTypeDetail,
  type PlanTypeDetail,
} from '../framework/index.ts';
import { copyPlanContents } from './data/plan-versions.repository.ts';
import * as plansRepo from './data/plans.repository.ts';
import { unitsRepository as unitsRepo } from '../organisation/index.ts';
import { people } from '../organisation/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

export type Plan = plansRepo.PlanRow;
export type PlanListRow = plansRepo.PlanListRow;
export type PlanEvent = plansRepo.PlanEventView;

export interface StepState extends ApprovalStepDetail {
  state: 'done' | 'current' | 'waiting';
  label: string;
}

export interface PlanActions {
  edit: boolean;
  submit: boolean;
  approve: { step: number; label: string; name: string } | null;
  return: boolean;
  amend: boolean;
  rollForward: boolean;
  archive: boolean;
  addItem: boolean;
  /** Why no new version can be started now, when that is the only thing in the way. */
  openVersion: { id: string; version: number } | null;
}

export interface PlanDetail {
  plan: Plan;
  planType: PlanTypeDetail;
  owningUnit: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  parentPlan: { id: string; title: string; status: string; version: number } | null;
  sections: { key: string; title: string; hint: string; text: string }[];
  steps: StepState[];
  versions: Plan[];
  events: (PlanEvent & { version: number })[];
  actions: PlanActions;
}

export interface PlanFormOptions {
  planTypes: PlanTypeDetail[];
  units: { id: string; name: string; code: string }[];
  people: { id: string; name: string }[];
  parentPlans: PlanListRow[];
}

/** Partner people see only plans holding an item shared with their partner. */
function partnerOf(caller: Principal): string | null {
  return caller.kind === 'person' ? caller.partnerId : null;
}

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const STALE = 'Someone else changed this plan while you were looking at it. Reload the page to see their changes.';

export function createPlansService({ db, clock }: ServiceDeps) {
  const today = () => londonDay.format(clock());

  async function visiblePlan(tx: Db, caller: Caller, id: string, lock = false): Promise<Plan | undefined> {
    const plan = lock
      ? await plansRepo.lockPlan(tx, caller.organisationId, id)
      : await plansRepo.findPlan(tx, caller.organisationId, id);
    if (!plan) return undefined;
    const partnerId = partnerOf(caller);
    if (partnerId && !(await plansRepo.isSharedWithPartner(tx, caller.organisationId, id, partnerId))) return undefined;
    return plan;
  }

  async function activePerson(tx: Db, organisationId: string, personId: string) {
    const [person] = await tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.id, personId), eq(people.status, 'active')));
    return person;
  }

  /** The references and the "sits under" rule, shared by create and update. */
  async function checkFields(
    tx: Db,
    caller: Caller,
    type: PlanTypeDetail,
    input: Pick<PlanInput, 'owningUnitId' | 'ownerPersonId' | 'parentPlanId'>,
    planId?: string,
  ): Promise<Result<string[]>> {
    const ancestry = await unitsRepo.unitAncestry(tx, caller.organisationId, input.owningUnitId);
    if (ancestry.length === 0) return refuse('invalid', 'Select a unit that exists', 'owningUnitId');
    if (!allowsAt(caller, 'edit:plans', ancestry)) {
      return forbidden('You can only look after plans for the part of the organisation you are responsible for');
    }
    if (input.ownerPersonId && !(await activePerson(tx, caller.organisationId, input.ownerPersonId))) {
      return refuse('invalid', 'Select an owner who works here', 'ownerPersonId');
    }
    const needsParent = type.level !== 1 && type.parentTypeIds.length > 0;
    if (!input.parentPlanId) {
      if (needsParent) {
        return refuse('invalid', `Select the plan this ${type.name} sits under`, 'parentPlanId');
      }
      return ok(ancestry);
    }
    const parent = await plansRepo.findPlan(tx, caller.organisationId, input.parentPlanId);
    if (!parent) return refuse('invalid', 'Select a parent plan that exists', 'parentPlanId');
    if (parent.status === 'archived') {
      return refuse('invalid', 'The parent plan is archived: select a current plan', 'parentPlanId');
    }
    if (!type.parentTypeIds.includes(parent.planTypeId)) {
      const parentType = await loadPlanTypeDetail(tx, caller.organisationId, parent.planTypeId);
      return refuse(
        'invalid',
        `A ${type.name} cannot sit under a ${parentType?.name ?? 'plan of that type'}`,
        'parentPlanId',
      );
    }
    if (planId) {
      const chain = await plansRepo.parentChain(tx, caller.organisationId, parent.id);
      const self = await plansRepo.findPlan(tx, caller.organisationId, planId);
      const lineage = self ? await plansRepo.listVersions(tx, caller.organisationId, self.lineageId) : [];
      const ownIds = new Set([planId, ...lineage.map((version) => version.id)]);
      if (chain.some((id) => ownIds.has(id))) {
        return refuse('cycle', 'A plan cannot sit under itself or a plan below it', 'parentPlanId');
      }
    }
    return ok(ancestry);
  }

  async function stepFacts(tx: Db, caller: Caller, plan: Plan, step: ApprovalStepDetail, ancestry: string[]) {
    return {
      isOwner: plan.ownerPersonId === caller.personId,
      planHasOwner: plan.ownerPersonId !== null,
      holdsStepRole: step.role !== null && holdsRole(caller, step.role, ancestry),
      isBodyMember:
        step.bodyId !== null && (await plansRepo.isBodyMember(tx, caller.organisationId, step.bodyId, caller.personId)),
      isPerformanceOfficer: holdsRole(caller, 'performance-officer', ancestry),
    };
  }

  async function audit(
    tx: Db,
    caller: Caller,
    planId: string,
    action: string,
    values: { old?: unknown; new?: unknown; reason?: string },
  ) {
    await recordAudit(tx, {
      organisationId: caller.organisationId,
      actor: actorOf(caller),
      entityType: 'plan',
      entityId: planId,
      action,
      ...(values.old === undefined ? {} : { oldValue: values.old }),
      ...(values.new === undefined ? {} : { newValue: values.new }),
      ...(values.reason === undefined ? {} : { reason: values.reason }),
    });
  }

  async function event(
    tx: Db,
    caller: Caller,
    planId: string,
    action: string,
    comment = '',
    step?: { position: number; name: string },
  ) {
    await plansRepo.insertEvent(tx, {
      organisationId: caller.organisationId,
      planId,
      actorPersonId: caller.personId,
      action,
      comment,
      at: clock(),
      stepPosition: step?.position ?? null,
      stepName: step?.name ?? null,
    });
  }

  /**
   * The plan has just been approved: it takes effect from the approval date (never before its
   * period starts), and the version(s) it replaces are superseded from that day.
   */
  async function takeEffect(tx: Db, caller: Caller, plan: Plan): Promise<Partial<Plan>> {
    const from = effectiveFrom(today(), plan.periodStart);
    const lineage = await plansRepo.listVersions(tx, caller.organisationId, plan.lineageId);
    for (const older of lineage) {
      if (older.id === plan.id || older.version > plan.version || older.status !== 'approved') continue;
      const locked = await plansRepo.lockPlan(tx, caller.organisationId, older.id);
      if (!locked) continue;
      const step = transition({ status: 'approved', nextStep: null }, { type: 'supersede' }, []);
      if (!step.ok) return {};
      const to = locked.effectiveFrom && locked.effectiveFrom > from ? locked.effectiveFrom : from;
      await plansRepo.updatePlan(tx, caller.organisationId, older.id, locked.rowVersion, {
        status: step.value.to.status,
        effectiveTo: to,
      });
      await event(tx, caller, older.id, 'superseded', `Superseded by version ${plan.version}`);
      await audit(tx, caller, older.id, 'supersede', {
        old: { status: 'approved', effectiveTo: locked.effectiveTo },
        new: { status: 'superseded', effectiveTo: to, byPlanId: plan.id },
      });
    }
    return { approvedAt: clock(), effectiveFrom: from, effectiveTo: null };
  }

  async function loadType(tx: Db, caller: Caller, plan: Plan): Promise<PlanTypeDetail> {
    const type = await loadPlanTypeDetail(tx, caller.organisationId, plan.planTypeId);
    if (!type) throw new Error(`plan ${plan.id} has a plan type that does not exist`);
    return type;
  }

  function staleCheck(plan: Plan, rowVersion: number | undefined): Result<null> {
    return rowVersion !== undefined && rowVersion !== plan.rowVersion
      ? refuse('conflict', STALE, 'rowVersion')
      : ok(null);
  }

  async function actionsFor(
    caller: Caller,
    plan: Plan,
    type: PlanTypeDetail,
    ancestry: string[],
  ): Promise<PlanActions> {
    const none: PlanActions = {
      edit: false,
      submit: false,
      approve: null,
      return: false,
      amend: false,
      rollForward: false,
      archive: false,
      addItem: false,
      openVersion: null,
    };
    if (partnerOf(caller) || !isPlanStatus(plan.status)) return none;
    const state = { status: plan.status, nextStep: plan.nextStep };
    const steps = type.approvalSteps;
    const isOwner = plan.ownerPersonId === caller.personId;
    const step = currentStep(state, steps);
    const stepAllowed = step ? mayTakeStep(step, await stepFacts(db, caller, plan, step, ancestry)).ok : false;
    const open = (await plansRepo.openVersions(db, caller.organisationId, plan.lineageId)).filter(
      (version) => version.id !== plan.id,
    );
    const mayVersion = allowsAt(caller, 'version:plans', ancestry);
    const newVersion = newVersionRefusal(plan.status) === null && mayVersion;
    const openVersion = open[0] ? { id: open[0].id, version: open[0].version } : null;
    return {
      edit: plan.status === 'draft' && allowsAt(caller, 'edit:plans', ancestry),
      submit: canHappen(state, 'submit', steps) && (isOwner || allowsAt(caller, 'submit:plans', ancestry)),
      approve: step && stepAllowed ? { step: step.position, label: approveLabel(step), name: step.name } : null,
      return: step !== undefined && (stepAllowed || isOwner),
      amend: newVersion && !openVersion,
      rollForward: newVersion && !openVersion,
      archive: canHappen(state, 'archive', steps) && mayVersion,
      addItem: plan.status === 'draft' && allowsAt(caller, 'edit:plans', ancestry),
      openVersion: newVersion ? openVersion : null,
    };
  }

  /** Amendment or roll forward: a new draft version carrying the items and links. */
  async function startVersion(
    caller: Caller,
    id: string,
    kind: 'amendment' | 'refresh',
    input: { reason: string; rowVersion?: number | undefined },
  ): Promise<Result<Plan>> {
    return inTransaction(db, async (tx) => {
      const source = await visiblePlan(tx, caller, id, true);
      if (!source || !isPlanStatus(source.status)) return notFound('Plan');
      const ancestry = await unitsRepo.unitAncestry(tx, caller.organisationId, source.owningUnitId);
      if (!allowsAt(caller, 'version:plans', ancestry)) {
        return forbidden(
          'You can only start new versions of plans for the part of the organisation you are responsible for',
        );
      }
      const stale = staleCheck(source, input.rowVersion);
      if (!stale.ok) return stale;
      const refusal = newVersionRefusal(source.status);
      if (refusal) return refuse('invalid_state', refusal);
      const lineage = await plansRepo.listVersions(tx, caller.organisationId, source.lineageId);
      const open = lineage.find((version) => ['draft', 'submitted', 'in-approval'].includes(version.status));
      if (open) {
        return refuse(
          'conflict',
          `Version ${open.version} of this plan is already open (${open.status}). Finish or archive it before starting another version.`,
        );
      }
      const version = Math.max(...lineage.map((row) => row.version)) + 1;
      const period =
        kind === 'refresh'
          ? rollForwardPeriod({ start: source.periodStart, end: source.periodEnd })
          : { start: source.periodStart, end: source.periodEnd };
      const oldPeriod = { start: source.periodStart, end: source.periodEnd };
      const title =
        kind === 'refresh'
          ? rollForwardTitle(source.title, oldPeriod, yearShift(oldPeriod, period) ?? 0)
          : source.title;
      const created = await plansRepo.insertPlan(tx, {
        organisationId: caller.organisationId,
        lineageId: source.lineageId,
        version,
        versionKind: kind,
        versionReason: input.reason,
        previousVersionId: source.id,
        planTypeId: source.planTypeId,
        parentPlanId: source.parentPlanId,
        title,
        periodStart: period.start,
        periodEnd: period.end,
        owningUnitId: source.owningUnitId,
        ownerPersonId: source.ownerPersonId,
        sections: source.sections,
        status: 'draft',
      });
      const copied = await copyPlanContents(tx, caller.organisationId, source.id, created.id);
      const what = kind === 'amendment' ? 'Amendment' : 'Roll forward';
      const because = input.reason ? `: ${input.reason}` : '';
      await event(
        tx,
        caller,
        created.id,
        kind === 'amendment' ? 'amendment-started' : 'roll-forward-started',
        `${what} of version ${source.version}${because}`,
      );
      await event(
        tx,
        caller,
        source.id,
        kind === 'amendment' ? 'amended' : 'rolled-forward',
        `Version ${version} started${because}`,
      );
      await audit(tx, caller, created.id, kind === 'amendment' ? 'amend' : 'roll-forward', {
        new: { fromPlanId: source.id, version, title, periodStart: period.start, periodEnd: period.end, copied },
        reason: input.reason,
      });
      return ok(created);
    }).catch((error: unknown) => {
      if (isUniqueViolation(error))
        return refuse('conflict', 'Someone else started a new version of this plan at the same time. Reload the page.');
      throw error;
    });
  }

  return {
    async list(caller: Caller, filters: PlanFilters = {}): Promise<PlanListRow[]> {
      return plansRepo.listPlans(db, caller.organisationId, {
        planTypeId: filters.planTypeId,
        owningUnitId: filters.owningUnitId,
        status: filters.status,
        overlaps: filters.year === undefined ? undefined : financialYearBounds(filters.year),
        partnerId: partnerOf(caller) ?? undefined,
      });
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
        parentPlans: plans.filter((plan) => plan.status !== 'archived' && plan.status !== 'superseded'),
      };
    },

    async get(caller: Caller, id: string): Promise<Result<Plan>> {
      const plan = await visiblePlan(db, caller, id);
      return plan ? ok(plan) : notFound('Plan');
    },

    /** Everything the plan page, the history page and the API's get need. */
    async detail(caller: Caller, id: string): Promise<Result<PlanDetail>> {
      const plan = await visiblePlan(db, caller, id);
      if (!plan) return notFound('Plan');
      const planType = await loadType(db, caller, plan);
      const ancestry = await unitsRepo.unitAncestry(db, caller.organisationId, plan.owningUnitId);
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
      const steps: StepState[] = planType.approvalSteps.map((step) => ({
        ...step,
        label: approveLabel(step),
        state:
          plan.status === 'approved' || plan.status === 'superseded'
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
        actions: await actionsFor(caller, plan, planType, ancestry),
      });
    },

    async create(caller: Caller, input: PlanInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const type = await loadPlanTypeDetail(tx, caller.organisationId, input.planTypeId);
        if (!type) return refuse('invalid', 'Select a type of plan that exists', 'planTypeId');
        if (!type.active)
          return refuse('invalid', `${type.name}s are no longer in use: select another type`, 'planTypeId');
        const checked = await checkFields(tx, caller, type, input);
        if (!checked.ok) return checked;
        const plan = await plansRepo.insertPlan(tx, {
          organisationId: caller.organisationId,
          lineageId: randomUUID(),
          version: 1,
          versionKind: 'original',
          planTypeId: type.id,
          parentPlanId: input.parentPlanId,
          title: input.title,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          owningUnitId: input.owningUnitId,
          ownerPersonId: input.ownerPersonId,
          sections: Object.fromEntries(type.templateSections.map((section) => [section.key, ''])),
          status: 'draft',
        });
        await event(tx, caller, plan.id, 'created');
        await audit(tx, caller, plan.id, 'create', { new: input });
        return ok(plan);
      });
    },

    async update(caller: Caller, id: string, input: PlanUpdateInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const existing = await visiblePlan(tx, caller, id, true);
        if (!existing || !isPlanStatus(existing.status)) return notFound('Plan');
        const ancestry = await unitsRepo.unitAncestry(tx, caller.organisationId, existing.owningUnitId);
        if (!allowsAt(caller, 'edit:plans', ancestry)) {
          return forbidden('You can only change plans for the part of the organisation you are responsible for');
        }
        const refusal = editRefusal(existing.status);
        if (refusal) return refuse('invalid_state', refusal);
        if (input.rowVersion !== existing.rowVersion) return refuse('conflict', STALE, 'rowVersion');
        const type = await loadType(tx, caller, existing);
        const unknown = unknownSections(
          input.sections,
          type.templateSections.map((section) => section.key),
        );
        if (unknown.length > 0) {
          return refuse('invalid', `${type.name}s have no section called ${unknown.join(', ')}`, 'sections');
        }
        if (
          existing.versionKind === 'amendment' &&
          (input.periodStart !== existing.periodStart || input.periodEnd !== existing.periodEnd)
        ) {
          return refuse(
            'invalid',
            'An amendment covers the same period as the version it amends. Roll the plan forward for a new period.',
            'periodStart',
          );
        }
        const checked = await checkFields(tx, caller, type, input, id);
        if (!checked.ok) return checked;
        const { rowVersion, ...fields } = input;
        const values = { ...fields, sections: { ...existing.sections, ...input.sections } };
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, rowVersion, values);
        if (!updated) return refuse('conflict', STALE, 'rowVersion');
        await event(tx, caller, id, 'edited');
        await audit(tx, caller, id, 'update', { old: oldValuesOf(existing, values), new: values });
        return ok(updated);
      });
    },

    async submit(caller: Caller, id: string, input: CommentInput = { comment: '' }): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('Plan');
        const ancestry = await unitsRepo.unitAncestry(tx, caller.organisationId, plan.owningUnitId);
        if (plan.ownerPersonId !== caller.personId && !allowsAt(caller, 'submit:plans', ancestry)) {
          return forbidden(
            "Only the plan's owner or someone who can submit plans for its part of the organisation can submit it",
          );
        }
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const moved = transition(
          { status: plan.status, nextStep: plan.nextStep },
          { type: 'submit' },
          type.approvalSteps,
        );
        if (!moved.ok) return moved;
        const effect = moved.value.becameApproved ? await takeEffect(tx, caller, plan) : {};
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: moved.value.to.status,
          nextStep: moved.value.to.nextStep,
          ...effect,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'submitted', input.comment);
        if (moved.value.becameApproved) {
          await event(
            tx,
            caller,
            id,
            'approved',
            `No approval steps are set for ${type.name}s, so it was approved on submission`,
          );
        }
        await audit(tx, caller, id, 'submit', {
          old: { status: plan.status },
          new: { status: updated.status, nextStep: updated.nextStep, effectiveFrom: updated.effectiveFrom },
          reason: input.comment,
        });
        return ok(updated);
      });
    },

    async approve(caller: Caller, id: string, input: ApproveInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('Plan');
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const moved = transition(
          { status: plan.status, nextStep: plan.nextStep },
          { type: 'approve', step: input.step },
          type.approvalSteps,
        );
        if (!moved.ok) return moved;
        const step = type.approvalSteps.find((candidate) => candidate.position === moved.value.step?.position);
        if (!step) throw new Error('approval transition without a step');
        const ancestry = await unitsRepo.unitAncestry(tx, caller.organisationId, plan.owningUnitId);
        const allowed = mayTakeStep(step, await stepFacts(tx, caller, plan, step, ancestry));
        if (!allowed.ok) return allowed;
        const effect = moved.value.becameApproved ? await takeEffect(tx, caller, plan) : {};
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: moved.value.to.status,
          nextStep: moved.value.to.nextStep,
          ...effect,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'step-approved', input.comment, step);
        if (moved.value.becameApproved)
          await event(tx, caller, id, 'approved', `In force from ${updated.effectiveFrom}`);
        await audit(tx, caller, id, 'approve', {
          old: { status: plan.status, nextStep: plan.nextStep },
          new: { status: updated.status, nextStep: updated.nextStep, step: step.position, stepName: step.name },
          reason: input.comment,
        });
        return ok(updated);
      });
    },

    async returnToDraft(caller: Caller, id: string, input: ReasonInput): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('Plan');
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const state = { status: plan.status, nextStep: plan.nextStep };
        const moved = transition(state, { type: 'return', reason: input.reason }, type.approvalSteps);
        if (!moved.ok) return moved;
        const step = currentStep(state, type.approvalSteps);
        const ancestry = await unitsRepo.unitAncestry(tx, caller.organisationId, plan.owningUnitId);
        const mayApprove = step ? mayTakeStep(step, await stepFacts(tx, caller, plan, step, ancestry)).ok : false;
        if (!mayApprove && plan.ownerPersonId !== caller.personId) {
          return forbidden(
            `Only someone who can approve "${step?.name ?? 'the current step'}", or the plan's owner, can return it`,
          );
        }
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: moved.value.to.status,
          nextStep: null,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'returned', input.reason, step);
        await audit(tx, caller, id, 'return', {
          old: { status: plan.status, nextStep: plan.nextStep },
          new: { status: 'draft' },
          reason: input.reason,
        });
        return ok(updated);
      });
    },

    /** In-year amendment: a draft copy of the same period, approved again through the steps. */
    amend(caller: Caller, id: string, input: ReasonInput): Promise<Result<Plan>> {
      return startVersion(caller, id, 'amendment', input);
    },

    /** Annual refresh: a draft copy for the next period, titles' year labels moved on. */
    rollForward(
      caller: Caller,
      id: string,
      input: { reason: string; rowVersion?: number | undefined },
    ): Promise<Result<Plan>> {
      return startVersion(caller, id, 'refresh', input);
    },

    async archive(caller: Caller, id: string, input: CommentInput = { comment: '' }): Promise<Result<Plan>> {
      return inTransaction(db, async (tx) => {
        const plan = await visiblePlan(tx, caller, id, true);
        if (!plan || !isPlanStatus(plan.status)) return notFound('Plan');
        const ancestry = await unitsRepo.unitAncestry(tx, caller.organisationId, plan.owningUnitId);
        if (!allowsAt(caller, 'version:plans', ancestry)) {
          return forbidden(
            'Only a performance officer or administrator for this part of the organisation can archive plans',
          );
        }
        const stale = staleCheck(plan, input.rowVersion);
        if (!stale.ok) return stale;
        const type = await loadType(tx, caller, plan);
        const moved = transition(
          { status: plan.status, nextStep: plan.nextStep },
          { type: 'archive' },
          type.approvalSteps,
        );
        if (!moved.ok) return moved;
        const day = today();
        // An approved version stops being in force on the day it is archived.
        const effectiveTo =
          plan.status === 'approved' && plan.effectiveFrom && !plan.effectiveTo
            ? plan.effectiveFrom > day
              ? plan.effectiveFrom
              : day
            : plan.effectiveTo;
        const updated = await plansRepo.updatePlan(tx, caller.organisationId, id, plan.rowVersion, {
          status: 'archived',
          nextStep: null,
          effectiveTo,
        });
        if (!updated) return refuse('conflict', STALE);
        await event(tx, caller, id, 'archived', input.comment);
        await audit(tx, caller, id, 'archive', {
          old: { status: plan.status, effectiveTo: plan.effectiveTo },
          new: { status: 'archived', effectiveTo },
          reason: input.comment,
        });
        return ok(updated);
      });
    },

    /** Which version of the plan was in force on the date (null: none was). */
    /** Plans whose next approval step this person may take: the home page's "waiting for you". */
    async awaitingMyApproval(caller: Caller): Promise<{ id: string; title: string; stepLabel: string }[]> {
      if (partnerOf(caller)) return [];
      const candidates = [
        ...(await plansRepo.listPlans(db, caller.organisationId, { status: 'submitted' })),
        ...(await plansRepo.listPlans(db, caller.organisationId, { status: 'in-approval' })),
      ];
      const waiting: { id: string; title: string; stepLabel: string }[] = [];
      for (const row of candidates) {
        const plan = await plansRepo.findPlan(db, caller.organisationId, row.id);
        if (!plan) continue;
        const type = await loadType(db, caller, plan);
        const ancestry = await unitsRepo.unitAncestry(db, caller.organisationId, plan.owningUnitId);
        const actions = await actionsFor(caller, plan, type, ancestry);
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
      if (versions.length === 0) return notFound('Plan');
      return ok(pickVersionInForce(versions, dateIso) ?? null);
    },
  };
}

async function activePersonOrFormer(db: Db, organisationId: string, personId: string) {
  const [person] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return person;
}
