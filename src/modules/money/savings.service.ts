import { and, eq } from 'drizzle-orm';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { z } from 'zod';
import { formatMoney } from '../../kernel/money.ts';
import { optionalId, requiredId, requiredText } from '../../kernel/inputs.ts';
import { ok, type DomainError, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { actions } from '../actions/index.ts';
import { findItem } from '../plans/index.ts';
import { savingLinkChoices } from './data/link-choices.repository.ts';
import * as repo from './data/programme.repository.ts';
import { periodOfDate } from './domain/financial-period.ts';
import { readAmounts } from './domain/read-amounts.ts';
import {
  DELIVERABILITY,
  SAVING_AMOUNTS,
  SAVING_LABELS,
  checkSavingYear,
  savingsTotals,
  shortfallOf,
  type SavingsTotals,
} from './domain/savings.ts';
import { refuseFields, yearOk, type FieldsRefusal } from './org-access.ts';
import { loadUnitAccess } from './unit-access.ts';

export const savingInput = z.object({
  reference: requiredText(phrase('moneyLabels.reference'), 20).transform((code) => code.toUpperCase()),
  title: requiredText(phrase('moneyLabels.savingTitle')),
  owner: requiredText(phrase('moneyLabels.owner')),
  unitId: requiredId(phraseText('moneyRefusals.savingUnit')),
  rag: z.enum(DELIVERABILITY, { message: phraseText('moneyRefusals.deliverability') }),
  planItemId: optionalId(phraseText('moneyRefusals.planItemId')),
  actionId: optionalId(phraseText('moneyRefusals.actionId')),
});

export interface SavingView extends Omit<repo.SavingRow, 'figures'> {
  figures: repo.SavingRow['figures'];
  shortfall: ReturnType<typeof shortfallOf> | null;
}

export interface SavingsView {
  startYear: number;
  years: number[];
  savings: SavingView[];
  totals: SavingsTotals;
  mayEdit: boolean;
}

/** Whether an action of this council has that id (another council's is not found). */
async function actionExists(db: Db, organisationId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.organisationId, organisationId), eq(actions.id, id)));
  return row !== undefined;
}

/** How many plan items and actions the picker lists at once: a search narrows a longer list. */
const LINK_CHOICES_LIMIT = 50;

export function createSavingsService({ db, clock }: ServiceDeps) {
  return {
    defaultYear: () => periodOfDate(clock.today()).startYear,

    async list(caller: Caller, wanted?: number, onlyId?: string): Promise<Result<SavingsView>> {
      const access = await loadUnitAccess(db, caller);
      if (!(await access.policy.can(caller, 'view:money', 'anywhere')))
        return forbidden(phraseText('moneyRefusals.mayNotSeeBudgets'));
      const startYear = wanted ?? periodOfDate(clock.today()).startYear;
      if (!yearOk(startYear)) return refuse('invalid', phraseText('moneyRefusals.chooseYear'));
      const readable = await access.unitsWhere('view:money');
      const rows = (await repo.listSavings(db, caller.organisationId, startYear, onlyId)).filter((row) =>
        readable.has(row.unitId),
      );
      return ok({
        startYear,
        years: await repo.yearsWith(db, caller.organisationId),
        savings: rows.map((row) => ({ ...row, shortfall: row.figures ? shortfallOf(row.figures) : null })),
        totals: savingsTotals(rows.flatMap((row) => (row.figures ? [{ ...row.figures, rag: row.rag }] : []))),
        mayEdit: (await access.unitsWhere('edit:money')).size > 0,
      });
    },

    /** The units the caller may add savings to, for the form's list. */
    async unitChoices(caller: Caller): Promise<{ id: string; name: string }[]> {
      const access = await loadUnitAccess(db, caller);
      const editable = await access.unitsWhere('edit:money');
      return access.units.filter((unit) => editable.has(unit.id)).map(({ id, name }) => ({ id, name }));
    },

    /**
     * The plan items and actions the form's picker offers: those matching the words (the first
     * ones by code when none), with the present choices kept. Only for someone who may add savings.
     */
    async linkChoices(caller: Caller, words: string, chosen: { planItemId: string; actionId: string }) {
      const access = await loadUnitAccess(db, caller);
      if ((await access.unitsWhere('edit:money')).size === 0) return { items: [], actions: [] };
      return savingLinkChoices(db, caller.organisationId, words.trim().slice(0, 100), LINK_CHOICES_LIMIT, chosen);
    },

    /**
     * Adds a saving (id null) or changes one, with its figures for the year, in one transaction.
     * The plan item and action are this council's, or refused as not found.
     */
    async save(
      caller: Caller,
      id: string | null,
      startYear: number,
      cells: Record<string, string>,
    ): Promise<Result<{ id: string }, FieldsRefusal>> {
      if (!yearOk(startYear)) return refuseFields('not_found', phraseText('notFound.financialYear'));
      const details = savingInput.safeParse(cells);
      const figures = readAmounts(SAVING_AMOUNTS, SAVING_LABELS, cells);
      const problems: DomainError[] = [
        ...(details.success
          ? []
          : details.error.issues.map((issue) => ({
              code: 'invalid' as const,
              message: issue.message,
              field: String(issue.path[0] ?? ''),
            }))),
        ...(figures.ok ? checkSavingYear(figures.figures) : figures.errors),
      ];
      const errors = problems.map((problem) => ({ field: problem.field ?? '', message: problem.message }));
      if (!details.success || !figures.ok || problems.length > 0)
        return refuseFields('invalid', problems[0]!.message, errors);
      const input = details.data;
      try {
        const result = await inTransaction(db, async (tx) => {
          const access = await loadUnitAccess(tx, caller);
          const old = id ? (await repo.listSavings(tx, caller.organisationId, startYear, id))[0] : undefined;
          if (id && !old) return notFound('saving');
          if (old && !(await access.can('edit:money', old.unitId)))
            return forbidden(phraseText('moneyRefusals.mayNotChangeSaving'));
          if (!access.unitById.has(input.unitId))
            return refuse('not_found', phraseText('moneyRefusals.unitOfCouncil'), 'unitId');
          if (!(await access.can('edit:money', input.unitId))) {
            return refuse('forbidden', phraseText('moneyRefusals.mayNotAddSaving'), 'unitId');
          }
          if (input.planItemId && !(await findItem(tx, caller.organisationId, input.planItemId))) {
            return refuse('not_found', phraseText('notFound.planItem'), 'planItemId');
          }
          if (input.actionId && !(await actionExists(tx, caller.organisationId, input.actionId))) {
            return refuse('not_found', phraseText('notFound.savingAction'), 'actionId');
          }
          const savingId = old ? old.id : await repo.insertSaving(tx, caller.organisationId, input);
          if (old) await repo.updateSaving(tx, caller.organisationId, old.id, input);
          await repo.upsertSavingYear(tx, caller.organisationId, savingId, startYear, figures.figures);
          const said = Object.fromEntries(SAVING_AMOUNTS.map((field) => [field, formatMoney(figures.figures[field])]));
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'saving',
            entityId: savingId,
            action: old ? 'update' : 'create',
            oldValue: old
              ? {
                  ...savingDetails(old),
                  ...(old.figures
                    ? Object.fromEntries(SAVING_AMOUNTS.map((f) => [f, formatMoney(old.figures![f])]))
                    : {}),
                }
              : null,
            newValue: { ...input, startYear, ...said },
          });
          return ok({ id: savingId });
        });
        if (result.ok) return result;
        const code = result.error.code as FieldsRefusal['code'];
        return refuseFields(
          code,
          result.error.message,
          result.error.field ? [{ field: result.error.field, message: result.error.message }] : [],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          const message = phraseText('moneyRefusals.savingExists', { reference: input.reference });
          return refuseFields('duplicate', message, [{ field: 'reference', message }]);
        }
        throw error;
      }
    },
  };
}

function savingDetails(row: repo.SavingRow) {
  const { reference, title, owner, unitId, rag, planItemId, actionId } = row;
  return { reference, title, owner, unitId, rag, planItemId, actionId };
}
