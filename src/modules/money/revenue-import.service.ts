import { ok, type Result } from '../../kernel/result.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { FileProblem, readTable, type FileFormat } from '../imports/index.ts';
import * as repo from './data/money.repository.ts';
import { readRevenueExtract, type ImportedLine, type ImportRow, type RowError } from './domain/revenue-import.ts';
import { auditable, auditYear } from './revenue.service.ts';
import { loadUnitAccess } from './unit-access.ts';

/** A month's extract is a few hundred rows; a year of them for a large council a few thousand. */
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000 };

export interface RevenueImportReport {
  /** False for a check (dry run) or when any row failed: then nothing was written. */
  written: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: RowError[];
}

export function createRevenueImportService({ db }: ServiceDeps) {
  return {
    /**
     * Reads the whole extract, checks every row and the control totals, and writes every line in
     * one transaction only when nothing failed. A check (dryRun) reports without writing.
     */
    async importExtract(
      caller: Caller,
      bytes: Buffer,
      options: { format: FileFormat; dryRun?: boolean; fileName?: string },
    ): Promise<Result<RevenueImportReport>> {
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
          return forbidden(phraseText('moneyRefusals.mayNotImportBudgets'));
        const centres = await repo.listCostCentres(tx, caller.organisationId);
        const mayEdit = new Set<string>();
        for (const unitId of new Set(centres.map((centre) => centre.unitId))) {
          if (await access.can('edit:money', unitId)) mayEdit.add(unitId);
        }
        const read = readRevenueExtract(header, rows, {
          bands: await repo.loadBands(tx, caller.organisationId),
          costCentreByCode: new Map(centres.map((centre) => [centre.code, centre])),
          mayEdit: (unitId) => mayEdit.has(unitId),
        });
        const report = { written: false, rows: rows.length, created: 0, updated: 0, errors: read.errors };
        if (read.errors.length > 0 || options.dryRun) return ok(report);
        if (read.lines.length === 0) return refuse('invalid', phraseText('moneyRefusals.noRows'), 'file');
        const counts = await writeLines(tx, caller, read.lines);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'revenue-import',
          entityId: caller.organisationId,
          action: 'import',
          newValue: { file: options.fileName ?? 'extract', rows: rows.length, ...counts },
        });
        return ok({ ...report, written: true, ...counts });
      });
    },
  };
}

/** Writes the lines period by period, each change to the trail with its old figures. */
async function writeLines(tx: Parameters<typeof repo.upsertLines>[0], caller: Caller, lines: ImportedLine[]) {
  const byPeriod = new Map<string, ImportedLine[]>();
  for (const line of lines) {
    const key = `${line.startYear}|${line.month}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), line]);
  }
  let created = 0;
  let updated = 0;
  for (const periodLines of byPeriod.values()) {
    const { startYear, month } = periodLines[0]!;
    const [yearId, yearAdded] = await repo.ensureYear(tx, caller.organisationId, startYear);
    if (yearAdded) await auditYear(tx, caller, yearId, startYear);
    const ids = periodLines.map((line) => line.costCentreId);
    const old = await repo.linesInPeriod(tx, caller.organisationId, yearId, month, ids);
    const inputs = periodLines.map(
      ({ line: _line, costCentreCode: _code, unitId: _unit, startYear: _y, month: _m, ...input }) => input,
    );
    const written = await repo.upsertLines(tx, caller.organisationId, yearId, month, inputs);
    for (const line of periodLines) {
      const before = old.get(line.costCentreId);
      const { costCentreId: _id, line: _line, unitId: _unit, costCentreCode, startYear: _y, month: _m, ...rest } = line;
      const after = auditable(rest);
      const beforeValues = before ? auditable(before) : null;
      if (beforeValues && JSON.stringify(beforeValues) === JSON.stringify(after)) continue;
      if (before) updated += 1;
      else created += 1;
      await recordAudit(tx, {
        organisationId: caller.organisationId,
        actor: actorOf(caller),
        entityType: 'budget-line',
        entityId: written.get(line.costCentreId)!,
        action: before ? 'update' : 'create',
        oldValue: beforeValues,
        newValue: { costCentre: costCentreCode, startYear, month, ...after },
        reason: phraseText('moneyAudit.revenueImported'),
      });
    }
  }
  return { created, updated };
}
