/** Importing breakdown categories (ward, age group…) of measures. */
import { recordOf } from './domain/columns.ts';
import { onUniqueViolation } from '../../platform/services/errors.ts';
import { ok } from '../../kernel/result.ts';
import { phraseText } from '../../kernel/phrase.ts';
import * as repo from './data/imports.repository.ts';

import { type Caller } from '../../platform/services/caller.ts';
import { breakdownInput } from '../measures/index.ts';
import {
  Issues,
  type ImportContext,
  type ImportOptions,
  type ImportRun,
  type Table,
  changedMeanwhile,
  emptyReport,
  importAccess,
  measureOfRow,
  permissionCheck,
  recordImportAudit,
  checkThenWrite,
} from './import-outline.ts';

export function createBreakdownsImport(ctx: ImportContext): ImportRun {
  const { db } = ctx;

  async function checkBreakdowns(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const org = caller.organisationId;
    const report = emptyReport('breakdowns', options);
    const issues = new Issues();
    const [measureRows, directory, categories] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.allBreakdowns(db, org),
    ]);
    const mayImport = permissionCheck(caller, importAccess(directory));
    const byCode = new Map(measureRows.map((measure) => [measure.code.toLowerCase(), measure]));
    const keyOf = (measureId: string, dimension: string, code: string) =>
      `${measureId}\u0000${dimension.toLowerCase()}\u0000${code.toLowerCase()}`;
    const stored = new Map(
      categories.map((category) => [keyOf(category.measureId, category.dimension, category.code), category]),
    );
    const FIELD_COLUMNS: Record<string, string> = { dimension: 'breakdown', code: 'breakdownCode' };
    const seen = new Map<string, number>();
    const inserts: { measureId: string; dimension: string; code: string; label: string; position: number }[] = [];
    const updates: { id: string; label: string; position: number }[] = [];
    const touched = new Set<string>();
    for await (const batch of table.batches) {
      for (const row of batch) {
        report.rows += 1;
        const record = recordOf('breakdowns', indexOf, row.cells);
        const measure = await measureOfRow(byCode, mayImport, issues, row.line, record.measureCode ?? '', 'breakdowns');
        if (!measure) continue;
        const parsed = breakdownInput.safeParse({
          dimension: record.breakdown,
          code: record.breakdownCode,
          label: record.label,
          position: record.position ?? '',
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? '');
            issues.add(row.line, FIELD_COLUMNS[field] ?? field, issue.message);
          }
          continue;
        }
        const { dimension, code: categoryCode, label, position = 0 } = parsed.data;
        const key = keyOf(measure.id, dimension, categoryCode);
        const first = seen.get(key);
        if (first !== undefined) {
          issues.add(
            row.line,
            'breakdownCode',
            phraseText('importRowRefusals.repeatedCategory', {
              first,
              measure: measure.code,
              breakdown: dimension,
              code: categoryCode,
            }),
          );
          continue;
        }
        seen.set(key, row.line);
        const existing = stored.get(key);
        if (existing && existing.label === label && existing.position === position) {
          report.unchanged += 1;
          continue;
        }
        if (measure.status === 'retired') {
          issues.add(
            row.line,
            'measureCode',
            phraseText('importRowRefusals.retiredBreakdowns', { code: measure.code }),
          );
          continue;
        }
        if (existing) updates.push({ id: existing.id, label, position });
        else inserts.push({ measureId: measure.id, dimension, code: categoryCode, label, position });
        touched.add(measure.code);
      }
    }
    report.created = inserts.length;
    report.updated = updates.length;
    report.measures = new Set([...seen.keys()].map((key) => key.split('\u0000')[0])).size;
    return { report, issues, inserts, updates, codes: [...touched] };
  }

  // --- targets -------------------------------------------------------------------------------------

  async function runBreakdowns(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const checked = await checkBreakdowns(caller, table, indexOf, options);
    const org = caller.organisationId;
    return checkThenWrite(db, checked, options, async (tx, report) => {
      await repo.insertBreakdowns(
        tx,
        checked.inserts.map((category) => ({ organisationId: org, ...category })),
      );
      for (const { id, ...values } of checked.updates) {
        if (!(await repo.updateBreakdown(tx, org, id, values))) return changedMeanwhile('breakdowns');
      }
      await recordImportAudit(tx, caller, 'breakdowns', report, checked.codes);
      return ok({ ...report, written: true });
    }).catch(onUniqueViolation(() => changedMeanwhile('breakdowns')));
  }

  return runBreakdowns;
}
