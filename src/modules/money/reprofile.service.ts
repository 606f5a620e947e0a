/**
 * Reprofiling capital budget into later years (issue #18): asked for by someone who may edit the
 * scheme, decided by council-wide finance (edit:money across the organisation: the finance officer
 * or an administrator) who is not the requester. Only an approval moves the years' budgets, in the
 * same transaction as the decision and its audit records.
 */
import { z } from 'zod';
import { formatMoney, type Money } from '../../kernel/money.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/programme.repository.ts';
import * as reprofiles from './data/reprofile.repository.ts';
import { CAPITAL_AMOUNTS, type CapitalAmount, type CapitalYearInput } from './domain/capital.ts';
import { parseAmount } from './domain/amounts.ts';
import {
  applyReprofile,
  checkReprofileDecision,
  checkReprofileRequest,
  EMPTY_FUNDING,
  slippageAfterReprofile,
} from './domain/reprofile.ts';
import { councilWide, yearOk } from './org-access.ts';
import { loadUnitAccess } from './unit-access.ts';

export interface ReprofileRequestCells {
  fromYear: string;
  toYear: string;
  amount: string;
  reason: string;
}

export const reprofileDecisionInput = z.object({
  decision: z.enum(['approve', 'reject'], { message: phraseText('capitalReprofile.chooseDecision') }),
  reason: z.string().trim().max(2000, phraseText('capitalReprofile.reasonTooLong')).default(''),
});
export type ReprofileDecisionInput = z.infer<typeof reprofileDecisionInput>;

export interface ReprofileHistory {
  reprofiles: reprofiles.ReprofileRow[];
  mayRequest: boolean;
  mayDecide: boolean;
}

function yearOf(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && yearOk(year) ? year : null;
}

const emptyYear = (schemeId: string): CapitalYearInput & { schemeId: string } => ({
  ...EMPTY_FUNDING,
  spendToDate: EMPTY_FUNDING.budget,
  forecast: EMPTY_FUNDING.budget,
  slippage: EMPTY_FUNDING.budget,
  slippageReason: '',
  explanation: '',
  schemeId,
});

export function createReprofileService({ db }: ServiceDeps) {
  return {
    async history(caller: Caller, schemeId: string): Promise<Result<ReprofileHistory>> {
      const scheme = await repo.findScheme(db, caller.organisationId, schemeId);
      if (!scheme) return notFound('capitalScheme');
      const access = await loadUnitAccess(db, caller);
      if (!(await access.can('view:money', scheme.unitId)))
        return forbidden(phraseText('moneyRefusals.mayNotSeeScheme'));
      return ok({
        reprofiles: await reprofiles.listReprofiles(db, caller.organisationId, schemeId),
        mayRequest: await access.can('edit:money', scheme.unitId),
        mayDecide: (await councilWide(db, caller)).mayEdit,
      });
    },

    async request(caller: Caller, schemeId: string, cells: ReprofileRequestCells): Promise<Result<{ id: string }>> {
      const fromYear = yearOf(cells.fromYear);
      const toYear = yearOf(cells.toYear);
      if (fromYear === null) return refuse('invalid', phraseText('capitalReprofile.chooseFromYear'), 'fromYear');
      if (toYear === null) return refuse('invalid', phraseText('capitalReprofile.chooseToYear'), 'toYear');
      const amount = parseAmount(cells.amount, phrase('capitalReprofile.amountLabel'), 'amount');
      if (!amount.ok) return amount;
      const input = { fromYear, toYear, amount: amount.value, reason: cells.reason.trim() };
      return inTransaction(db, async (tx) => {
        const scheme = await repo.findScheme(tx, caller.organisationId, schemeId);
        if (!scheme) return notFound('capitalScheme');
        const access = await loadUnitAccess(tx, caller);
        if (!(await access.can('edit:money', scheme.unitId)))
          return forbidden(phraseText('capitalReprofile.mayNotRequest'));
        const from = (await repo.capitalYears(tx, caller.organisationId, fromYear, [schemeId])).get(schemeId);
        const problems = checkReprofileRequest(input, from?.budget ?? null);
        if (problems.length > 0) return refuse(problems[0]!.code, problems[0]!.message, problems[0]!.field);
        const id = await reprofiles.insertReprofile(tx, caller.organisationId, {
          ...input,
          schemeId,
          requestedBy: caller.personId,
          requestedByName: caller.name,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'capital-reprofile',
          entityId: id,
          action: 'request',
          newValue: { scheme: scheme.code, fromYear, toYear, amount: formatMoney(input.amount) },
          reason: input.reason,
        });
        return ok({ id });
      });
    },

    /** Decides a scheme's reprofile; one named under another scheme is not found. */
    async decide(
      caller: Caller,
      schemeId: string,
      id: string,
      decision: ReprofileDecisionInput,
    ): Promise<Result<{ schemeId: string; status: 'approved' | 'rejected' }>> {
      return inTransaction(db, async (tx) => {
        const request = await reprofiles.findReprofileForUpdate(tx, caller.organisationId, id);
        if (!request || request.schemeId !== schemeId) return notFound('reprofile');
        const scheme = await repo.findScheme(tx, caller.organisationId, request.schemeId);
        if (!scheme) return notFound('capitalScheme');
        if (!(await councilWide(tx, caller)).mayEdit) return forbidden(phraseText('capitalReprofile.mayNotDecide'));
        const approve = decision.decision === 'approve';
        const problems = checkReprofileDecision({
          status: request.status,
          requestedBy: request.requestedBy,
          decidedBy: caller.personId,
          approve,
          reason: decision.reason,
        });
        if (problems.length > 0) return refuse(problems[0]!.code, problems[0]!.message, problems[0]!.field);
        if (approve) {
          const moved = await moveBudget(tx, caller, scheme.code, request);
          if (!moved.ok) return moved;
        }
        const status = approve ? 'approved' : 'rejected';
        await reprofiles.decideReprofile(tx, caller.organisationId, id, {
          status,
          decidedBy: caller.personId,
          decidedByName: caller.name,
          decisionReason: decision.reason,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'capital-reprofile',
          entityId: id,
          action: approve ? 'approve' : 'reject',
          oldValue: { status: request.status },
          newValue: { status, scheme: scheme.code, amount: formatMoney(request.amount) },
          reason: decision.reason,
        });
        return ok({ schemeId: request.schemeId, status });
      });
    },
  };
}

/** Moves the budget (with its funding) between the two years, auditing each year's change. */
async function moveBudget(
  tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  caller: Caller,
  schemeCode: string,
  request: reprofiles.ReprofileRow,
): Promise<Result<null>> {
  const { organisationId } = caller;
  const from = (await repo.capitalYears(tx, organisationId, request.fromYear, [request.schemeId])).get(
    request.schemeId,
  );
  const to =
    (await repo.capitalYears(tx, organisationId, request.toYear, [request.schemeId])).get(request.schemeId) ?? null;
  // The from-year's budget may have been changed since the request: check again against it now.
  const recheck = checkReprofileRequest(request, from?.budget ?? null);
  if (!from || recheck.length > 0)
    return refuse('invalid_state', recheck[0]?.message ?? phraseText('capitalReprofile.noBudgetInFromYear'));
  const moved = applyReprofile(from, to ?? EMPTY_FUNDING, request.amount);
  if (!moved.ok) return refuse('invalid_state', moved.error.message);
  const newFrom = { ...from, ...moved.value.from, slippage: slippageAfterReprofile(from.slippage, request.amount) };
  const newTo = { ...(to ?? emptyYear(request.schemeId)), ...moved.value.to };
  const written = new Map<number, string>();
  for (const [year, figures] of [
    [request.fromYear, newFrom],
    [request.toYear, newTo],
  ] as const) {
    const ids = await repo.upsertCapitalYears(tx, organisationId, year, [figures]);
    written.set(year, ids.get(request.schemeId)!);
  }
  const said = (year: Record<CapitalAmount, Money>) =>
    Object.fromEntries(CAPITAL_AMOUNTS.map((field) => [field, formatMoney(year[field])]));
  for (const [year, old, now] of [
    [request.fromYear, from, newFrom],
    [request.toYear, to, newTo],
  ] as const) {
    await recordAudit(tx, {
      organisationId,
      actor: actorOf(caller),
      entityType: 'capital-scheme-year',
      entityId: written.get(year)!,
      action: old ? 'update' : 'create',
      oldValue: old ? said(old) : null,
      newValue: { scheme: schemeCode, startYear: year, ...said(now) },
      reason: phraseText('moneyAudit.reprofileApproved', {
        amount: formatMoney(request.amount),
        from: request.fromYear,
        to: request.toYear,
      }),
    });
  }
  return ok(null);
}
