import { and, eq } from 'drizzle-orm';
import { holdsRole, type Principal } from '../../kernel/access/index.ts';
import {
  approveLabel,
  canHappen,
  currentStep,
  effectiveFrom,
  isPlanStatus,
  mayTakeStep,
  newVersionRefusal,
  type PlanInput,
  rolledPeriod,
  type RollForwardMove,
  rollForwardTitle,
  transition,
  yearShift,
} from './domain/index.ts';
import { phrase, phraseText, readStoredPhrase, storePhrase, type Phrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { type AccessPolicy, createAccessPolicy } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { type ApprovalStepDetail, loadPlanTypeDetail, type PlanTypeDetail } from '../framework/index.ts';
import { copyPlanContents } from './data/plan-versions.repository.ts';
import * as plansRepo from './data/plans.repository.ts';
import { people, unitAncestryIn } from '../organisation/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Plan, PlanActions } from './plans.types.ts';
import { appraisalGate } from './appraisal-access.ts';
import { approvalRound, separationProblem } from './approval-rules.ts';

export const STALE = phraseText('planRefusals.stale');

/** Partner people see only plans holding an item shared with their partner. */
export function partnerOf(caller: Principal): string | null {
  return caller.kind === 'person' ? caller.partnerId : null;
}

/**
 * What the plans' use cases share: finding a plan the caller may see, checking fields and approval
 * steps, recording events and audit rows, starting a new version. Built once per service.
 */
export function createPlanContext({ db, clock }: ServiceDeps) {
  const today = () => clock.today();

  async function visiblePlan(tx: Db, caller: Caller, id: string, lock = false): Promise<Plan | undefined> {
    const plan = lock
      ? await plansRepo.lockPlan(tx, caller.organisationId, id)
      : await plansRepo.findPlan(tx, caller.organisationId, id);
    if (!plan) return undefined;
    const partnerId = partnerOf(caller);
    if (partnerId && !(await plansRepo.isSharedWithPartner(tx, caller.organisationId, id, partnerId))) return undefined;
    // Appraisals are private: someone else's individual plan is as if it did not exist.
    if (!(await appraisalGate(tx, caller).mayRead(plan))) return undefined;
    return plan;
  }

  async function activePerson(tx: Db, organisationId: string, personId: string) {
    const [person] = await tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.id, personId), eq(people.status, 'active')));
    return person;
  }

  /**
   * The references and the "sits under" rule, shared by create and update. `access` is the service
   * call's policy (bound to `tx`), so a unit already asked about is not read again.
   */
  async function checkFields(
    tx: Db,
    caller: Caller,
    access: AccessPolicy,
    type: PlanTypeDetail,
    input: Pick<PlanInput, 'owningUnitId' | 'ownerPersonId' | 'parentPlanId'>,
    planId?: string,
  ): Promise<Result<readonly string[]>> {
    const ancestry = await access.ancestryOf(caller, input.owningUnitId);
    if (ancestry.length === 0) return refuse('invalid', phraseText('planChecks.unitExists'), 'owningUnitId');
    if (!(await access.can(caller, 'edit:plans', { unitId: input.owningUnitId }))) {
      return forbidden(phraseText('planRefusals.mayNotLookAfter'));
    }
    if (input.ownerPersonId && !(await activePerson(tx, caller.organisationId, input.ownerPersonId))) {
      return refuse('invalid', phraseText('planRefusals.ownerWorksHere'), 'ownerPersonId');
    }
    const needsParent = type.level !== 1 && type.parentTypeIds.length > 0;
    if (!input.parentPlanId) {
      if (needsParent) {
        return refuse('invalid', phraseText('planRefusals.parentPlanNeeded', { type: type.name }), 'parentPlanId');
      }
      return ok(ancestry);
    }
    const parent = await plansRepo.findPlan(tx, caller.organisationId, input.parentPlanId);
    if (!parent) return refuse('invalid', phraseText('planChecks.parentPlanExists'), 'parentPlanId');
    if (parent.status === 'archived') {
      return refuse('invalid', phraseText('planRefusals.parentPlanArchived'), 'parentPlanId');
    }
    if (!type.parentTypeIds.includes(parent.planTypeId)) {
      const parentType = await loadPlanTypeDetail(tx, caller.organisationId, parent.planTypeId);
      return refuse(
        'invalid',
        phraseText('planRefusals.cannotSitUnder', {
          type: type.name,
          parent: parentType?.name ?? phrase('planRefusals.planOfThatType'),
        }),
        'parentPlanId',
      );
    }
    if (planId) {
      const chain = await plansRepo.parentChain(tx, caller.organisationId, parent.id);
      const self = await plansRepo.findPlan(tx, caller.organisationId, planId);
      const lineage = self ? await plansRepo.listVersions(tx, caller.organisationId, self.lineageId) : [];
      const ownIds = new Set([planId, ...lineage.map((version) => version.id)]);
      if (chain.some((id) => ownIds.has(id))) {
        return refuse('cycle', phraseText('planRefusals.underItself'), 'parentPlanId');
      }
    }
    return ok(ancestry);
  }

  /** What an approval step asks of the caller; `access` is the call's policy, for the plan's unit ancestry. */
  async function stepFacts(tx: Db, caller: Caller, plan: Plan, step: ApprovalStepDetail, access: AccessPolicy) {
    const ancestry = await access.ancestryOf(caller, plan.owningUnitId);
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

  /** `comment` is a person's own words, or a phrase the service writes (said when the history is shown). */
  async function event(
    tx: Db,
    caller: Caller,
    planId: string,
    action: string,
    comment: string | Phrase = '',
    step?: { position: number; name: string },
    decision?: { decisionDate: string; minuteReference: string } | null,
  ) {
    await plansRepo.insertEvent(tx, {
      organisationId: caller.organisationId,
      planId,
      actorPersonId: caller.personId,
      action,
      comment: historyComment(comment),
      at: clock(),
      stepPosition: step?.position ?? null,
      stepName: step?.name ?? null,
      decisionDate: decision?.decisionDate ?? null,
      minuteReference: decision?.minuteReference ?? null,
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
      await event(tx, caller, older.id, 'superseded', phrase('planHistory.supersededBy', { version: plan.version }));
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
    access: AccessPolicy,
  ): Promise<PlanActions> {
    const none: PlanActions = {
      edit: false,
      submit: false,
      approve: null,
      approveRefusal: null,
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
    const stepAllowed = step ? mayTakeStep(step, await stepFacts(db, caller, plan, step, access)).ok : false;
    // Someone allowed to take the step in general may still be kept off it by the "different person" rule.
    const separated =
      step && stepAllowed
        ? separationProblem(step, caller.personId, await approvalRound(db, caller.organisationId, plan.id))
        : null;
    const open = (await plansRepo.openVersions(db, caller.organisationId, plan.lineageId)).filter(
      (version) => version.id !== plan.id,
    );
    const atUnit = { unitId: plan.owningUnitId };
    const mayVersion = await access.can(caller, 'version:plans', atUnit);
    const mayEdit = plan.status === 'draft' && (await access.can(caller, 'edit:plans', atUnit));
    const newVersion = newVersionRefusal(plan.status) === null && mayVersion;
    const openVersion = open[0] ? { id: open[0].id, version: open[0].version } : null;
    return {
      edit: mayEdit,
      submit: canHappen(state, 'submit', steps) && (isOwner || (await access.can(caller, 'submit:plans', atUnit))),
      approve:
        step && stepAllowed && !separated
          ? {
              step: step.position,
              label: approveLabel(step),
              name: step.name,
              body: step.kind === 'body' ? (step.bodyName ?? step.name) : null,
            }
          : null,
      approveRefusal: separated,
      return: step !== undefined && (stepAllowed || isOwner),
      amend: newVersion && !openVersion,
      rollForward: newVersion && !openVersion,
      archive: canHappen(state, 'archive', steps) && mayVersion,
      addItem: mayEdit,
      openVersion: newVersion ? openVersion : null,
    };
  }

  /** Amendment or roll forward: a new draft version carrying the items and links. */
  async function startVersion(
    caller: Caller,
    id: string,
    kind: 'amendment' | 'refresh',
    input: { reason: string; move?: RollForwardMove; rowVersion?: number | undefined },
  ): Promise<Result<Plan>> {
    return inTransaction(db, async (tx) => {
      const source = await visiblePlan(tx, caller, id, true);
      if (!source || !isPlanStatus(source.status)) return notFound('plan');
      const access = createAccessPolicy(unitAncestryIn(tx));
      if (!(await access.can(caller, 'version:plans', { unitId: source.owningUnitId }))) {
        return forbidden(phraseText('planRefusals.mayNotStartVersion'));
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
          phraseText('planRefusals.versionOpen', { version: open.version, status: open.status }),
        );
      }
      const version = Math.max(...lineage.map((row) => row.version)) + 1;
      const period =
        kind === 'refresh'
          ? rolledPeriod({ start: source.periodStart, end: source.periodEnd }, input.move ?? 'annual-refresh')
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
      const newVersionOf = input.reason
        ? kind === 'amendment'
          ? 'planHistory.amendmentOfBecause'
          : 'planHistory.rollForwardOfBecause'
        : kind === 'amendment'
          ? 'planHistory.amendmentOf'
          : 'planHistory.rollForwardOf';
      await event(
        tx,
        caller,
        created.id,
        kind === 'amendment' ? 'amendment-started' : 'roll-forward-started',
        phrase(newVersionOf, { version: source.version, reason: input.reason }),
      );
      await event(
        tx,
        caller,
        source.id,
        kind === 'amendment' ? 'amended' : 'rolled-forward',
        phrase(input.reason ? 'planHistory.versionStartedBecause' : 'planHistory.versionStarted', {
          version,
          reason: input.reason,
        }),
      );
      await audit(tx, caller, created.id, kind === 'amendment' ? 'amend' : 'roll-forward', {
        new: {
          fromPlanId: source.id,
          version,
          title,
          periodStart: period.start,
          periodEnd: period.end,
          copied,
          ...(kind === 'refresh' ? { move: input.move ?? 'annual-refresh' } : {}),
        },
        reason: input.reason,
      });
      return ok(created);
    }).catch(onUniqueViolation(() => refuse('conflict', phraseText('planRefusals.versionRace'))));
  }

  return {
    today,
    visiblePlan,
    activePerson,
    checkFields,
    stepFacts,
    audit,
    event,
    takeEffect,
    loadType,
    staleCheck,
    actionsFor,
    startVersion,
  };
}

export type PlanContext = ReturnType<typeof createPlanContext>;

/**
 * A history comment as it is kept: the service's own words as a stored phrase; a person's comment
 * as they wrote it, unless it happens to read as a stored phrase, when it is wrapped in one that
 * says it word for word (so it is never taken for the catalogue's words).
 */
export function historyComment(comment: string | Phrase): string {
  if (typeof comment !== 'string') return storePhrase(comment);
  return readStoredPhrase(comment) === null ? comment : storePhrase(phrase('planHistory.asWritten', { text: comment }));
}

export async function activePersonOrFormer(db: Db, organisationId: string, personId: string) {
  const [person] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return person;
}
