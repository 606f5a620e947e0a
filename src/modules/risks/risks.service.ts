/**
 * Risks: read (with filters), create with a first assessment, change details, reassess (a new
 * assessment; earlier ones are kept), and close. Controls and moves between registers are in
 * risk-changes.service.ts. Every write is one transaction with its audit row.
 */
import { and, eq } from 'drizzle-orm';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { fail, ok, type DomainError, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import {
  nextReviewAfter,
  reviewDateProblem,
  scoreOf,
  scoreProblems,
  type NewRiskInput,
  type ReassessInput,
  type RiskDetailsInput,
  type RiskLinksInput,
  type Scores,
  type ScoresInput,
} from './domain/index.ts';
import { ensureCurrentMatrix, loadCategories } from './data/matrix.repository.ts';
import {
  listRegisters,
  loadAssessments,
  loadChoices,
  loadControls,
  loadEvents,
  loadLinks,
  loadRisks,
  searchLinkable,
  type RiskRow,
} from './data/risks.repository.ts';
import { riskAssessments, riskEvents, riskLinks, risks } from './data/risks.schema.ts';
import { fromRefusal, linkProblem, mayEdit, mayRead, ownerProblem, refusal, registerOf } from './risk-checks.ts';
import { loadRiskContext, matchesFilters, riskViewOf, scoreView, type RiskFilters } from './risk-view.ts';

export const scoresOf = (input: ScoresInput): Scores => ({
  inherent: { likelihood: input.inherentLikelihood, impact: input.inherentImpact },
  current: { likelihood: input.currentLikelihood, impact: input.currentImpact },
  target: { likelihood: input.targetLikelihood, impact: input.targetImpact },
});

/** The risk and whether the caller may change it (edit:risks over its register's unit), for a write. */
export async function riskForChange(
  tx: Db,
  caller: Caller,
  riskId: string,
): Promise<{ ok: true; risk: RiskRow; unitId: string } | { ok: false; error: DomainError }> {
  const [risk] = /^[0-9a-f-]{36}$/i.test(riskId) ? await loadRisks(tx, caller.organisationId, { riskId }) : [];
  if (!risk) return { ok: false, error: { code: 'not_found', message: phraseText('notFound.risk') } };
  const register = (await listRegisters(tx, caller.organisationId)).find((r) => r.id === risk.registerId)!;
  if (!(await mayEdit(tx, caller, register.unitId))) {
    return { ok: false, error: refusal('forbidden', phrase('risks.errors.notAllowed')) };
  }
  return { ok: true, risk, unitId: register.unitId };
}

/** Writes an assessment on the council's current matrix after checking it; the risk's history grows by one. */
async function assess(
  tx: Db,
  caller: Caller,
  riskId: string,
  scores: Scores,
  commentary: string,
  now: Date,
  today: string,
) {
  const current = await ensureCurrentMatrix(tx, caller.organisationId);
  const problems = scoreProblems(current.matrix, scores);
  if (problems.length) return fail(fromRefusal(problems[0]!));
  await tx.insert(riskAssessments).values({
    organisationId: caller.organisationId,
    riskId,
    matrixId: current.id,
    inherentLikelihood: scores.inherent.likelihood,
    inherentImpact: scores.inherent.impact,
    currentLikelihood: scores.current.likelihood,
    currentImpact: scores.current.impact,
    targetLikelihood: scores.target.likelihood,
    targetImpact: scores.target.impact,
    commentary,
    assessedBy: caller.personId,
    assessedByName: caller.name,
    assessedOn: today,
    assessedAt: now,
  });
  return ok({ matrixVersion: current.version });
}

async function detailsProblem(tx: Db, caller: Caller, input: RiskDetailsInput, today: string) {
  const organisationId = caller.organisationId;
  const { categories } = await loadCategories(tx, organisationId);
  if (!categories.some((c) => c.code === input.category)) {
    return refusal('invalid', phrase('risks.errors.categoryUnknown', { category: input.category }), 'category');
  }
  const review = reviewDateProblem(input.nextReviewOn, today);
  if (review) return fromRefusal(review);
  return (
    (await ownerProblem(tx, organisationId, input.ownerPersonId, 'ownerPersonId')) ??
    (await linkProblem(tx, organisationId, linksOf(input)))
  );
}

/** The links an input names; a list left out is empty (a new risk) or, for a change, kept (see `keptLinks`). */
const linksOf = (input: Partial<RiskLinksInput>): RiskLinksInput => ({
  itemIds: input.itemIds ?? [],
  measureIds: input.measureIds ?? [],
  actionIds: input.actionIds ?? [],
});

/** A change that leaves a list out keeps the risk's present links of that kind. */
async function keptLinks(tx: Db, organisationId: string, riskId: string, input: Partial<RiskLinksInput>) {
  const present = await loadLinks(tx, organisationId, riskId);
  const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);
  return {
    before: { itemIds: idsOf(present.items), measureIds: idsOf(present.measures), actionIds: idsOf(present.actions) },
    after: {
      itemIds: input.itemIds ?? idsOf(present.items),
      measureIds: input.measureIds ?? idsOf(present.measures),
      actionIds: input.actionIds ?? idsOf(present.actions),
    },
  };
}

async function replaceLinks(tx: Db, organisationId: string, riskId: string, links: RiskLinksInput) {
  await tx.delete(riskLinks).where(and(eq(riskLinks.organisationId, organisationId), eq(riskLinks.riskId, riskId)));
  const rows = [
    ...[...new Set(links.itemIds)].map((itemId) => ({ organisationId, riskId, itemId })),
    ...[...new Set(links.measureIds)].map((measureId) => ({ organisationId, riskId, measureId })),
    ...[...new Set(links.actionIds)].map((actionId) => ({ organisationId, riskId, actionId })),
  ];
  if (rows.length) await tx.insert(riskLinks).values(rows);
}

const detailColumns = (input: RiskDetailsInput) => ({
  reference: input.reference,
  title: input.title,
  cause: input.cause,
  event: input.event,
  effect: input.effect,
  ownerPersonId: input.ownerPersonId,
  type: input.type,
  category: input.category,
  reviewFrequency: input.reviewFrequency,
  nextReviewOn: input.nextReviewOn,
});

/** A duplicate reference caught by the unique index under concurrency, as a refusal. */
async function guardReference<T>(reference: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail(refusal('duplicate', phrase('risks.errors.referenceTaken', { reference }), 'reference'));
    }
    throw error;
  }
}

/** How many of each kind the link picker offers for one search. */
const LINKABLE_LIMIT = 25;

export function createRisksService({ db, clock }: ServiceDeps) {
  return {
    async list(caller: Caller, filters: RiskFilters = {}) {
      if (!mayRead(caller)) return forbidden(phraseText('risks.errors.notAllowedToSee'));
      const organisationId = caller.organisationId;
      const [rows, context] = await Promise.all([
        loadRisks(db, organisationId),
        loadRiskContext(db, organisationId, clock.today()),
      ]);
      const views = rows.map((r) => riskViewOf(r, context));
      return ok({ risks: views.filter((v) => matchesFilters(v, filters)), context });
    },

    async get(caller: Caller, riskId: string) {
      if (!mayRead(caller)) return forbidden(phraseText('risks.errors.notAllowedToSee'));
      const organisationId = caller.organisationId;
      const [row] = /^[0-9a-f-]{36}$/i.test(riskId) ? await loadRisks(db, organisationId, { riskId }) : [];
      if (!row) return notFound('risk');
      const [context, controls, assessments, events, links, registers] = await Promise.all([
        loadRiskContext(db, organisationId, clock.today()),
        loadControls(db, organisationId, riskId),
        loadAssessments(db, organisationId, riskId),
        loadEvents(db, organisationId, riskId),
        loadLinks(db, organisationId, riskId),
        listRegisters(db, organisationId),
      ]);
      const register = registers.find((r) => r.id === row.registerId)!;
      const risk = riskViewOf(row, context);
      const history = assessments.map((a) => {
        const stored = context.matrices.get(a.matrixId) ?? context.current;
        const on = (likelihood: number, impact: number) => scoreView(stored.matrix, { likelihood, impact });
        return {
          id: a.id,
          assessedOn: a.assessedOn,
          assessedAt: a.assessedAt,
          by: a.assessedByName,
          commentary: a.commentary,
          matrixVersion: stored.version,
          inherent: on(a.inherentLikelihood, a.inherentImpact),
          current: on(a.currentLikelihood, a.currentImpact),
          target: on(a.targetLikelihood, a.targetImpact),
        };
      });
      const registerName = new Map(registers.map((r) => [r.id, r.name]));
      return ok({
        risk,
        register,
        controls,
        history,
        events: events.map((e) => ({
          ...e,
          fromName: e.fromRegisterId ? (registerName.get(e.fromRegisterId) ?? '') : '',
          toName: e.toRegisterId ? (registerName.get(e.toRegisterId) ?? '') : '',
        })),
        links,
        registers,
        canEdit: await mayEdit(db, caller, register.unitId),
        context,
      });
    },

    /** People, units, registers and categories the forms offer. */
    async choices(caller: Caller) {
      const [chosen, registers, { categories }] = await Promise.all([
        loadChoices(db, caller.organisationId),
        listRegisters(db, caller.organisationId),
        loadCategories(db, caller.organisationId),
      ]);
      return { ...chosen, registers, categories };
    },

    async create(caller: Caller, registerId: string, input: NewRiskInput): Promise<Result<{ id: string }>> {
      const today = clock.today();
      return guardReference(input.reference, () =>
        inTransaction(db, async (tx) => {
          const organisationId = caller.organisationId;
          const found = await registerOf(tx, organisationId, registerId);
          if (!found.ok) return fail(found.error);
          if (!(await mayEdit(tx, caller, found.register.unitId))) {
            return fail(refusal('forbidden', phrase('risks.errors.notAllowed')));
          }
          const problem = await detailsProblem(tx, caller, input, today);
          if (problem) return fail(problem);
          const [row] = await tx
            .insert(risks)
            .values({ organisationId, registerId, ...detailColumns(input), createdAt: clock() })
            .returning({ id: risks.id });
          const riskId = row!.id;
          await replaceLinks(tx, organisationId, riskId, linksOf(input));
          const scores = scoresOf(input);
          const assessed = await assess(tx, caller, riskId, scores, input.commentary, clock(), today);
          if (!assessed.ok) return assessed;
          await recordAudit(tx, {
            organisationId,
            actor: actorOf(caller),
            entityType: 'risk',
            entityId: riskId,
            action: 'create',
            newValue: { ...input, registerId, matrixVersion: assessed.value.matrixVersion },
          });
          return ok({ id: riskId });
        }),
      );
    },

    async update(caller: Caller, riskId: string, input: RiskDetailsInput): Promise<Result<{ id: string }>> {
      const today = clock.today();
      return guardReference(input.reference, () =>
        inTransaction(db, async (tx) => {
          const found = await riskForChange(tx, caller, riskId);
          if (!found.ok) return fail(found.error);
          if (found.risk.status === 'closed') return fail(refusal('invalid_state', phrase('risks.errors.closed')));
          const problem = await detailsProblem(tx, caller, input, today);
          if (problem) return fail(problem);
          await tx.update(risks).set(detailColumns(input)).where(eq(risks.id, riskId));
          const links = await keptLinks(tx, caller.organisationId, riskId, input);
          await replaceLinks(tx, caller.organisationId, riskId, links.after);
          // The scores are the assessments' to keep; the audit row holds the details changed.
          const { inherent: _i, current: _c, target: _t, ...before } = found.risk;
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'risk',
            entityId: riskId,
            action: 'update',
            oldValue: { ...before, ...links.before },
            newValue: { ...input, ...links.after },
          });
          return ok({ id: riskId });
        }),
      );
    },

    /** The plan items, measures and actions matching the words, for the link picker (a few of each). */
    async linkable(caller: Caller, words: string) {
      if (!mayRead(caller)) return forbidden(phraseText('risks.errors.notAllowedToSee'));
      const trimmed = words.trim().slice(0, 100);
      if (!trimmed) return ok({ items: [], measures: [], actions: [] });
      return ok(await searchLinkable(db, caller.organisationId, trimmed, LINKABLE_LIMIT));
    },

    /** Replaces what the risk concerns: its objectives (plan items), measures and actions. */
    async setLinks(caller: Caller, riskId: string, input: RiskLinksInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await riskForChange(tx, caller, riskId);
        if (!found.ok) return fail(found.error);
        if (found.risk.status === 'closed') return fail(refusal('invalid_state', phrase('risks.errors.closed')));
        const problem = await linkProblem(tx, caller.organisationId, input);
        if (problem) return fail(problem);
        const links = await keptLinks(tx, caller.organisationId, riskId, input);
        await replaceLinks(tx, caller.organisationId, riskId, links.after);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk',
          entityId: riskId,
          action: 'link',
          oldValue: links.before,
          newValue: links.after,
        });
        return ok({ id: riskId });
      });
    },

    /** A new assessment; the next review moves on by the risk's frequency unless a date is given. */
    async reassess(caller: Caller, riskId: string, input: ReassessInput): Promise<Result<{ id: string }>> {
      const today = clock.today();
      return inTransaction(db, async (tx) => {
        const found = await riskForChange(tx, caller, riskId);
        if (!found.ok) return fail(found.error);
        if (found.risk.status === 'closed') return fail(refusal('invalid_state', phrase('risks.errors.closed')));
        const nextReviewOn = input.nextReviewOn ?? nextReviewAfter(today, found.risk.reviewFrequency);
        const review = reviewDateProblem(nextReviewOn, today);
        if (review) return fail(fromRefusal(review));
        const scores = scoresOf(input);
        const assessed = await assess(tx, caller, riskId, scores, input.commentary, clock(), today);
        if (!assessed.ok) return assessed;
        await tx.update(risks).set({ nextReviewOn }).where(eq(risks.id, riskId));
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk',
          entityId: riskId,
          action: 'reassess',
          oldValue: { inherent: found.risk.inherent, current: found.risk.current, target: found.risk.target },
          newValue: {
            ...scores,
            commentary: input.commentary,
            nextReviewOn,
            current: scores.current,
            score: scoreOf(scores.current),
          },
        });
        return ok({ id: riskId });
      });
    },

    async close(caller: Caller, riskId: string, reason: string): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await riskForChange(tx, caller, riskId);
        if (!found.ok) return fail(found.error);
        if (found.risk.status === 'closed') return fail(refusal('invalid_state', phrase('risks.errors.alreadyClosed')));
        await tx
          .update(risks)
          .set({ status: 'closed', closedReason: reason, closedOn: clock.today() })
          .where(eq(risks.id, riskId));
        await tx.insert(riskEvents).values({
          organisationId: caller.organisationId,
          riskId,
          kind: 'closed',
          reason,
          byPersonId: caller.personId,
          byName: caller.name,
          at: clock(),
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk',
          entityId: riskId,
          action: 'close',
          oldValue: { status: 'open' },
          newValue: { status: 'closed' },
          reason,
        });
        return ok({ id: riskId });
      });
    },
  };
}
