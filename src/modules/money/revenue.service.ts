import { phraseText } from '../../kernel/phrase.ts';
import { formatMoney } from '../../kernel/money.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Db } from '../../platform/db/db.ts';
import * as repo from './data/money.repository.ts';
import {
  AMOUNT_FIELDS,
  assessLine,
  checkLine,
  readFigures,
  type AmountField,
  type BudgetLineInput,
  type LineAssessment,
} from './domain/budget-line.ts';
import { periodOfDate } from './domain/financial-period.ts';
import { summarise, type RevenueSummary } from './domain/revenue-summary.ts';
import type { VarianceBands } from './domain/variance.ts';
import { loadUnitAccess } from './unit-access.ts';

export interface Period {
  startYear: number;
  month: number;
}

export interface SummaryView {
  period: Period;
  bands: VarianceBands;
  years: number[];
  months: number[];
  summary: RevenueSummary;
}

export interface LineView {
  costCentre: repo.CostCentreRow;
  period: Period;
  bands: VarianceBands;
  line: (BudgetLineInput & LineAssessment) | null;
  mayEdit: boolean;
}

/** A line's form or API cells: amounts as text (pounds and pence) and the explanation. */
export type LineCells = Partial<Record<AmountField, string>> & { explanation?: string };

/** Whole-line failures carry every field's problem, so a form can mark each box. */
export interface LineRefusal {
  code: 'invalid' | 'not_found' | 'forbidden';
  message: string;
  errors: { field: string; message: string }[];
}

const periodOk = (period: Period) =>
  Number.isInteger(period.startYear) &&
  period.startYear >= 2000 &&
  period.startYear <= 2100 &&
  Number.isInteger(period.month) &&
  period.month >= 1 &&
  period.month <= 12;

export function createRevenueService({ db, clock }: ServiceDeps) {
  async function lineContext(tx: Db, caller: Caller, costCentreId: string, permission: 'view:money' | 'edit:money') {
    const costCentre = await repo.findCostCentre(tx, caller.organisationId, costCentreId);
    if (!costCentre) return { refusal: notFound('costCentre') };
    const access = await loadUnitAccess(tx, caller);
    if (!(await access.can(permission, costCentre.unitId))) {
      return {
        refusal: forbidden(
          permission === 'view:money'
            ? phraseText('moneyRefusals.mayNotSeeBudget')
            : phraseText('moneyRefusals.mayNotChangeBudget'),
        ),
      };
    }
    return { costCentre, access };
  }

  return {
    /** The period a summary opens on: the latest period with figures up to today, else today's. */
    currentPeriod(): Period {
      return periodOfDate(clock.today());
    },

    async bands(caller: Caller): Promise<VarianceBands> {
      return repo.loadBands(db, caller.organisationId);
    },

    async saveBands(caller: Caller, bands: VarianceBands): Promise<Result<VarianceBands>> {
      return inTransaction(db, async (tx) => {
        const access = await loadUnitAccess(tx, caller);
        if (!(await access.policy.can(caller, 'edit:money', 'organisation'))) {
          return forbidden(phraseText('moneyRefusals.councilWideBands'));
        }
        const old = await repo.loadBands(tx, caller.organisationId);
        await repo.saveBands(tx, caller.organisationId, bands);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'variance-bands',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: old,
          newValue: bands,
        });
        return ok(bands);
      });
    },

    /** Directorate → unit → cost centre for a period, only the cost centres the caller may read. */
    async summary(caller: Caller, wanted?: Partial<Period>): Promise<Result<SummaryView>> {
      const access = await loadUnitAccess(db, caller);
      if (!(await access.policy.can(caller, 'view:money', 'anywhere')))
        return forbidden(phraseText('moneyRefusals.mayNotSeeBudgets'));
      const years = await repo.listYears(db, caller.organisationId);
      const today = periodOfDate(clock.today());
      const startYear =
        wanted?.startYear ?? (years.includes(today.startYear) ? today.startYear : (years.at(-1) ?? today.startYear));
      const yearId = await repo.findYearId(db, caller.organisationId, startYear);
      const months = yearId ? await repo.monthsWithLines(db, caller.organisationId, yearId) : [];
      const fallbackMonth =
        months.filter((month) => startYear !== today.startYear || month <= today.month).at(-1) ?? months.at(-1) ?? 1;
      const period = { startYear, month: wanted?.month ?? fallbackMonth };
      if (!periodOk(period)) return refuse('invalid', phraseText('moneyRefusals.chooseYearAndPeriod'));
      const bands = await repo.loadBands(db, caller.organisationId);
      const lines = yearId ? await repo.summaryLines(db, caller.organisationId, yearId, period.month) : [];
      const readable = await access.unitsWhere('view:money');
      const visible = lines.filter((line) => readable.has(line.unitId));
      return ok({ period, bands, years, months, summary: summarise(bands, access.units, visible) });
    },

    async line(caller: Caller, costCentreId: string, period: Period): Promise<Result<LineView>> {
      if (!periodOk(period)) return notFound('financialPeriod');
      const context = await lineContext(db, caller, costCentreId, 'view:money');
      if ('refusal' in context) return context.refusal!;
      const bands = await repo.loadBands(db, caller.organisationId);
      const yearId = await repo.findYearId(db, caller.organisationId, period.startYear);
      const stored = yearId
        ? (await repo.linesInPeriod(db, caller.organisationId, yearId, period.month, [costCentreId])).get(costCentreId)
        : undefined;
      return ok({
        costCentre: context.costCentre,
        period,
        bands,
        line: stored ? { ...stored, ...assessLine(bands, stored) } : null,
        mayEdit: await context.access.can('edit:money', context.costCentre.unitId),
      });
    },

    /** Saves one cost centre's line for a period, with the same checks as an import. */
    async saveLine(
      caller: Caller,
      costCentreId: string,
      period: Period,
      cells: LineCells,
    ): Promise<Result<{ id: string }, LineRefusal>> {
      const refusal = (code: LineRefusal['code'], message: string, errors: LineRefusal['errors'] = []) =>
        ({ ok: false, error: { code, message, errors } }) as const;
      if (!periodOk(period)) return refusal('not_found', phraseText('notFound.financialPeriod'));
      const figures = readFigures(cells);
      const explanation = (cells.explanation ?? '').trim();
      const result = await inTransaction(db, async (tx) => {
        const context = await lineContext(tx, caller, costCentreId, 'edit:money');
        if ('refusal' in context) return context.refusal!;
        if (!figures.ok) return refuse('invalid', figures.errors[0]!.message);
        const bands = await repo.loadBands(tx, caller.organisationId);
        const input = { ...figures.figures, explanation };
        const problems = checkLine(bands, input);
        if (problems.length > 0) return refuse('invalid', problems[0]!.message);
        const [yearId, yearAdded] = await repo.ensureYear(tx, caller.organisationId, period.startYear);
        if (yearAdded) await auditYear(tx, caller, yearId, period.startYear);
        const old = (await repo.linesInPeriod(tx, caller.organisationId, yearId, period.month, [costCentreId])).get(
          costCentreId,
        );
        // A retired cost centre keeps its lines (which may still be corrected) but takes no new ones.
        if (!old && context.costCentre.retiredAt) {
          return refuse('invalid', phraseText('moneyRefusals.costCentreRetired', { code: context.costCentre.code }));
        }
        const ids = await repo.upsertLines(tx, caller.organisationId, yearId, period.month, [
          { ...input, costCentreId },
        ]);
        const id = ids.get(costCentreId)!;
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'budget-line',
          entityId: id,
          action: old ? 'update' : 'create',
          oldValue: old ? auditable(old) : null,
          newValue: { costCentre: context.costCentre.code, ...period, ...auditable(input) },
        });
        return ok({ id });
      });
      if (result.ok) return result;
      // Every field's problem, not just the first, for the form's error summary.
      const errors = !figures.ok
        ? figures.errors
        : result.error.code === 'invalid'
          ? checkLine(await repo.loadBands(db, caller.organisationId), { ...figures.figures, explanation })
          : [];
      return refusal(
        result.error.code as LineRefusal['code'],
        result.error.message,
        errors.map((error) => ({ field: error.field ?? '', message: error.message })),
      );
    },
  };
}

export async function auditYear(tx: Db, caller: Caller, yearId: string, startYear: number): Promise<void> {
  await recordAudit(tx, {
    organisationId: caller.organisationId,
    actor: actorOf(caller),
    entityType: 'financial-year',
    entityId: yearId,
    action: 'create',
    newValue: { startYear },
  });
}

/** Amounts in the trail as pounds and pence, so a reader sees "£1,234.56" rather than pence. */
export function auditable(line: BudgetLineInput): Record<string, string | null> {
  const said: Record<string, string | null> = {};
  for (const field of AMOUNT_FIELDS) said[field] = line[field] === null ? null : formatMoney(line[field]);
  return { ...said, explanation: line.explanation };
}
