import { z } from 'zod';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { formatMoney, ZERO_MONEY } from '../../kernel/money.ts';
import { requiredText } from '../../kernel/inputs.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/programme.repository.ts';
import { checkMtfsYear, MTFS_AMOUNTS, MTFS_LABELS, mtfsYear, mtfsYearsFrom, type MtfsYear } from './domain/mtfs.ts';
import { readAmounts } from './domain/read-amounts.ts';
import { councilWide, refuseFields, yearOk, type FieldsRefusal } from './org-access.ts';

export const mtfsVersionInput = z.object({
  name: requiredText(phrase('moneyLabels.budgetRound'), 100),
  firstYear: z.coerce
    .number({ message: phraseText('moneyRefusals.firstYear') })
    .int(phraseText('moneyRefusals.firstYear'))
    .min(2000, phraseText('moneyRefusals.firstYear'))
    .max(2100, phraseText('moneyRefusals.firstYear')),
});
export type MtfsVersionInput = z.infer<typeof mtfsVersionInput>;

export interface MtfsView {
  version: repo.MtfsVersionRow;
  /** The three years; a year without figures yet is null. */
  years: { startYear: number; year: (MtfsYear & { assumptions: string }) | null }[];
  mayEdit: boolean;
}

export function createMtfsService({ db }: ServiceDeps) {
  return {
    async versions(caller: Caller): Promise<Result<{ versions: repo.MtfsVersionRow[]; mayEdit: boolean }>> {
      const access = await councilWide(db, caller);
      if (!access.mayView) return forbidden(phraseText('moneyRefusals.mayNotSeeBudgets'));
      return ok({ versions: await repo.listMtfsVersions(db, caller.organisationId), mayEdit: access.mayEdit });
    },

    async createVersion(caller: Caller, input: MtfsVersionInput): Promise<Result<{ id: string }>> {
      try {
        return await inTransaction(db, async (tx) => {
          if (!(await councilWide(tx, caller)).mayEdit)
            return forbidden(phraseText('moneyRefusals.councilWideMtfsAdd'));
          const id = await repo.insertMtfsVersion(tx, caller.organisationId, input);
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'mtfs-version',
            entityId: id,
            action: 'create',
            newValue: input,
          });
          return ok({ id });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          return refuse('duplicate', phraseText('moneyRefusals.mtfsExists', { name: input.name }), 'name');
        throw error;
      }
    },

    /** A version's three years, each with the savings tracker's totals for the year closing its gap. */
    async version(caller: Caller, id: string): Promise<Result<MtfsView>> {
      const access = await councilWide(db, caller);
      if (!access.mayView) return forbidden(phraseText('moneyRefusals.mayNotSeeBudgets'));
      const version = (await repo.listMtfsVersions(db, caller.organisationId)).find((row) => row.id === id);
      if (!version) return notFound('mtfs');
      const stored = new Map(
        (await repo.mtfsYearsOf(db, caller.organisationId, id)).map((row) => [row.startYear, row]),
      );
      const span = mtfsYearsFrom(version.firstYear);
      const savings = await repo.savingsByYear(db, caller.organisationId, span);
      return ok({
        version,
        mayEdit: access.mayEdit,
        years: span.map((startYear) => {
          const row = stored.get(startYear);
          const saved = savings.get(startYear) ?? { target: ZERO_MONEY, forecast: ZERO_MONEY };
          return {
            startYear,
            year: row
              ? { ...mtfsYear(startYear, row, saved.target, saved.forecast), assumptions: row.assumptions }
              : null,
          };
        }),
      });
    },

    async saveYear(
      caller: Caller,
      id: string,
      startYear: number,
      cells: Record<string, string>,
    ): Promise<Result<{ id: string }, FieldsRefusal>> {
      if (!yearOk(startYear)) return refuseFields('not_found', phraseText('notFound.financialYear'));
      const figures = readAmounts(MTFS_AMOUNTS, MTFS_LABELS, cells);
      const problems = figures.ok ? checkMtfsYear(figures.figures) : figures.errors;
      const assumptions = (cells.assumptions ?? '').trim();
      if (assumptions.length > 5000)
        problems.push({
          code: 'invalid',
          message: phraseText('moneyRefusals.assumptionsTooLong'),
          field: 'assumptions',
        });
      const result = await inTransaction(db, async (tx) => {
        if (!(await councilWide(tx, caller)).mayEdit) return forbidden(phraseText('moneyRefusals.councilWideMtfs'));
        const version = (await repo.listMtfsVersions(tx, caller.organisationId)).find((row) => row.id === id);
        if (!version || !mtfsYearsFrom(version.firstYear).includes(startYear)) return notFound('mtfsYear');
        if (!figures.ok || problems.length > 0) return refuse('invalid', problems[0]!.message);
        const old = (await repo.mtfsYearsOf(tx, caller.organisationId, id)).find((row) => row.startYear === startYear);
        const rowId = await repo.upsertMtfsYear(tx, caller.organisationId, id, {
          startYear,
          assumptions,
          ...figures.figures,
        });
        const said = (row: repo.StoredMtfsYear) => ({
          ...Object.fromEntries(MTFS_AMOUNTS.map((field) => [field, formatMoney(row[field])])),
          assumptions: row.assumptions,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'mtfs-year',
          entityId: rowId,
          action: old ? 'update' : 'create',
          oldValue: old ? said(old) : null,
          newValue: { version: version.name, startYear, ...said({ startYear, assumptions, ...figures.figures }) },
        });
        return ok({ id: rowId });
      });
      if (result.ok) return result;
      const code = result.error.code as FieldsRefusal['code'];
      return refuseFields(
        code,
        result.error.message,
        code === 'invalid' ? problems.map((problem) => ({ field: problem.field ?? '', message: problem.message })) : [],
      );
    },
  };
}
