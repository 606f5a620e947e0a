import { z } from 'zod';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { formatMoney } from '../../kernel/money.ts';
import { requiredId, requiredText } from '../../kernel/inputs.ts';
import { ok, type DomainError, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Db } from '../../platform/db/db.ts';
import { FileProblem, readTable, type FileFormat } from '../imports/index.ts';
import * as money from './data/money.repository.ts';
import * as repo from './data/programme.repository.ts';
import {
  CAPITAL_AMOUNTS,
  CAPITAL_LABELS,
  assessCapital,
  capitalTotals,
  checkCapitalYear,
  type CapitalAssessment,
  type CapitalTotals,
  type CapitalYearInput,
} from './domain/capital.ts';
import { readCapitalProgramme } from './domain/capital-import.ts';
import { periodOfDate } from './domain/financial-period.ts';
import { readAmounts } from './domain/read-amounts.ts';
import type { ImportRow, RowError } from './domain/revenue-import.ts';
import type { VarianceBands } from './domain/variance.ts';
import { refuseFields, yearOk, type FieldsRefusal } from './org-access.ts';
import { loadUnitAccess } from './unit-access.ts';

export const schemeInput = z.object({
  code: requiredText(phrase('moneyLabels.schemeCode'), 20)
    .transform((code) => code.toUpperCase())
    .refine((code) => /^[A-Z0-9][A-Z0-9._/-]*$/.test(code), phraseText('moneyRefusals.codeCharacters')),
  name: requiredText(phrase('moneyLabels.schemeName')),
  unitId: requiredId(phraseText('moneyRefusals.schemeUnit')),
});
export type SchemeInput = z.infer<typeof schemeInput>;

export interface SchemeYear {
  scheme: repo.SchemeRow;
  year: (CapitalYearInput & CapitalAssessment) | null;
}

export interface ProgrammeView {
  startYear: number;
  years: number[];
  bands: VarianceBands;
  schemes: SchemeYear[];
  totals: CapitalTotals;
}

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 };

/** Amounts in the trail as pounds and pence. */
function auditableCapital(year: CapitalYearInput): Record<string, string> {
  const said: Record<string, string> = {};
  for (const field of CAPITAL_AMOUNTS) said[field] = formatMoney(year[field]);
  return { ...said, slippageReason: year.slippageReason, explanation: year.explanation };
}

export function createCapitalService({ db, clock }: ServiceDeps) {
  async function readable(tx: Db, caller: Caller) {
    const access = await loadUnitAccess(tx, caller);
    return { access, units: await access.unitsWhere('view:money') };
  }

  return {
    async programme(caller: Caller, wanted?: number): Promise<Result<ProgrammeView>> {
      const { access, units } = await readable(db, caller);
      if (!(await access.policy.can(caller, 'view:money', 'anywhere')))
        return forbidden(phraseText('moneyRefusals.mayNotSeeBudgets'));
      const startYear = wanted ?? periodOfDate(clock.today()).startYear;
      if (!yearOk(startYear)) return refuse('invalid', phraseText('moneyRefusals.chooseYear'));
      const bands = await money.loadBands(db, caller.organisationId);
      const schemes = (await repo.listSchemes(db, caller.organisationId)).filter((scheme) => units.has(scheme.unitId));
      const stored = await repo.capitalYears(db, caller.organisationId, startYear);
      const rows = schemes.map((scheme) => {
        const year = stored.get(scheme.id);
        return { scheme, year: year ? { ...year, ...assessCapital(bands, year) } : null };
      });
      const withFigures = rows.flatMap((row) => (row.year ? [row.year] : []));
      const years = await repo.yearsWith(db, caller.organisationId);
      return ok({ startYear, years, bands, schemes: rows, totals: capitalTotals(bands, withFigures) });
    },

    async createScheme(caller: Caller, input: SchemeInput): Promise<Result<{ id: string }>> {
      try {
        return await inTransaction(db, async (tx) => {
          const access = await loadUnitAccess(tx, caller);
          if (!access.unitById.has(input.unitId))
            return refuse('not_found', phraseText('moneyRefusals.unitOfCouncil'), 'unitId');
          if (!(await access.can('edit:money', input.unitId))) {
            return refuse('forbidden', phraseText('moneyRefusals.mayNotAddScheme'), 'unitId');
          }
          const id = await repo.insertScheme(tx, caller.organisationId, input);
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'capital-scheme',
            entityId: id,
            action: 'create',
            newValue: input,
          });
          return ok({ id });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          return refuse('duplicate', phraseText('moneyRefusals.schemeExists', { code: input.code }), 'code');
        throw error;
      }
    },

    async scheme(
      caller: Caller,
      id: string,
      startYear: number,
    ): Promise<Result<SchemeYear & { startYear: number; bands: VarianceBands; mayEdit: boolean }>> {
      if (!yearOk(startYear)) return notFound('financialYear');
      const scheme = await repo.findScheme(db, caller.organisationId, id);
      if (!scheme) return notFound('capitalScheme');
      const access = await loadUnitAccess(db, caller);
      if (!(await access.can('view:money', scheme.unitId)))
        return forbidden(phraseText('moneyRefusals.mayNotSeeScheme'));
      const bands = await money.loadBands(db, caller.organisationId);
      const year = (await repo.capitalYears(db, caller.organisationId, startYear, [id])).get(id);
      return ok({
        scheme,
        startYear,
        bands,
        year: year ? { ...year, ...assessCapital(bands, year) } : null,
        mayEdit: await access.can('edit:money', scheme.unitId),
      });
    },

    async saveYear(
      caller: Caller,
      id: string,
      startYear: number,
      cells: Record<string, string>,
    ): Promise<Result<{ id: string }, FieldsRefusal>> {
      if (!yearOk(startYear)) return refuseFields('not_found', phraseText('notFound.financialYear'));
      const figures = readAmounts(CAPITAL_AMOUNTS, CAPITAL_LABELS, cells);
      const text = {
        slippageReason: (cells.slippageReason ?? '').trim(),
        explanation: (cells.explanation ?? '').trim(),
      };
      let problems: DomainError[] = [];
      const result = await inTransaction(db, async (tx) => {
        const scheme = await repo.findScheme(tx, caller.organisationId, id);
        if (!scheme) return notFound('capitalScheme');
        const access = await loadUnitAccess(tx, caller);
        if (!(await access.can('edit:money', scheme.unitId)))
          return forbidden(phraseText('moneyRefusals.mayNotChangeThisScheme'));
        if (!figures.ok) {
          problems = figures.errors;
          return refuse('invalid', figures.errors[0]!.message);
        }
        const input = { ...figures.figures, ...text };
        problems = checkCapitalYear(await money.loadBands(tx, caller.organisationId), input);
        if (problems.length > 0) return refuse('invalid', problems[0]!.message);
        const old = (await repo.capitalYears(tx, caller.organisationId, startYear, [id])).get(id);
        const written = await repo.upsertCapitalYears(tx, caller.organisationId, startYear, [
          { ...input, schemeId: id },
        ]);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'capital-scheme-year',
          entityId: written.get(id)!,
          action: old ? 'update' : 'create',
          oldValue: old ? auditableCapital(old) : null,
          newValue: { scheme: scheme.code, startYear, ...auditableCapital(input) },
        });
        return ok({ id: written.get(id)! });
      });
      if (result.ok) return result;
      return refuseFields(
        result.error.code as FieldsRefusal['code'],
        result.error.message,
        problems.map((problem) => ({ field: problem.field ?? '', message: problem.message })),
      );
    },

    /** Checks every row, and writes them all in one transaction only when none failed. */
    async importProgramme(
      caller: Caller,
      bytes: Buffer,
      options: { format: FileFormat; dryRun?: boolean; fileName?: string },
    ): Promise<Result<{ written: boolean; rows: number; created: number; updated: number; errors: RowError[] }>> {
      let header: string[];
      const rows: ImportRow[] = [];
      try {
        const table = await readTable(bytes, options.format, LIMITS);
        header = table.header;
        for await (const batch of table.batches) rows.push(...batch);
      } catch (error) {
        if (error instanceof FileProblem) return refuse('invalid', error.message, 'file');
        throw error;
      }
      return inTransaction(db, async (tx) => {
        const access = await loadUnitAccess(tx, caller);
        if (!(await access.policy.can(caller, 'edit:money', 'anywhere')))
          return forbidden(phraseText('moneyRefusals.mayNotImportCapital'));
        const schemes = await repo.listSchemes(tx, caller.organisationId);
        const editable = await access.unitsWhere('edit:money');
        const read = readCapitalProgramme(header, rows, {
          bands: await money.loadBands(tx, caller.organisationId),
          schemeByCode: new Map(schemes.map((scheme) => [scheme.code, scheme])),
          mayEdit: (unitId) => editable.has(unitId),
        });
        const report = { written: false, rows: rows.length, created: 0, updated: 0, errors: read.errors };
        if (read.errors.length > 0 || options.dryRun) return ok(report);
        if (read.years.length === 0) return refuse('invalid', phraseText('moneyRefusals.noRows'), 'file');
        let created = 0;
        let updated = 0;
        for (const year of read.years) {
          const old = (await repo.capitalYears(tx, caller.organisationId, year.startYear, [year.schemeId])).get(
            year.schemeId,
          );
          const { line: _line, schemeCode, startYear, schemeId, ...input } = year;
          const written = await repo.upsertCapitalYears(tx, caller.organisationId, startYear, [{ ...input, schemeId }]);
          if (old) updated += 1;
          else created += 1;
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'capital-scheme-year',
            entityId: written.get(schemeId)!,
            action: old ? 'update' : 'create',
            oldValue: old ? auditableCapital(old) : null,
            newValue: { scheme: schemeCode, startYear, ...auditableCapital(input) },
            reason: phraseText('moneyAudit.capitalImported'),
          });
        }
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'capital-import',
          entityId: caller.organisationId,
          action: 'import',
          newValue: { file: options.fileName ?? 'programme', rows: rows.length, created, updated },
        });
        return ok({ ...report, written: true, created, updated });
      });
    },
  };
}
