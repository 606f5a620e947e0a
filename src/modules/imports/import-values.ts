/** Importing values: checked in batches, compared with the stored ones, written with COPY. */
import { isUniqueViolation } from '../../platform/services/errors.ts';
import { recordOf } from './domain/columns.ts';
import { cellAt, createQuickValueChecker, valueColumnIndexes } from './domain/quick-values.ts';
import { checkValueRow, type CheckedValueRow } from './domain/rows.ts';
import type { Frequency } from '../../kernel/measurement/vocabulary.ts';
import { parsePeriodKey, periodLabel } from '../../kernel/measurement/index.ts';
import { ok } from '../../kernel/result.ts';
import * as writes from './data/import-writes.repository.ts';

import * as repo from './data/imports.repository.ts';

import { deferSeriesRefresh, refreshSeries } from '../measures/index.ts';
import { type Caller } from '../../platform/services/caller.ts';
import {
  Issues,
  type ImportContext,
  type ImportOptions,
  type ImportRun,
  type Table,
  breakdownFinder,
  changedMeanwhile,
  emptyReport,
  LOCKED,
  notYours,
  permissionCheck,
  recomputeStatuses,
  recordImportAudit,
  unknownMeasure,
  checkThenWrite,
} from './import-outline.ts';

export function createValuesImport(ctx: ImportContext): ImportRun {
  const { db } = ctx;

  /** Duplicate and comparison key of a (measure or category, period): slot × 2¹⁶ + period id. */
  const SLOT_FACTOR = 2 ** 16;

  async function checkValues(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const org = caller.organisationId;
    const report = emptyReport('values', options);
    const issues = new Issues();
    const [measureRows, directory, categories] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.allBreakdowns(db, org),
    ]);
    const mayImport = permissionCheck(caller, directory);
    const indexByCode = new Map(measureRows.map((measure, index) => [measure.code.toLowerCase(), index]));
    const forValues = measureRows.map((measure) => ({
      ...measure,
      frequency: measure.frequency,
      aggregation: measure.aggregation,
    }));
    const allowed: (boolean | undefined)[] = [];
    const breakdowns = breakdownFinder(measureRows, categories);
    const checker = createQuickValueChecker();
    const fields = valueColumnIndexes(indexOf);
    const codeAt = indexOf.get('measureCode') ?? -1;
    const breakdownAt = indexOf.get('breakdown') ?? -1;
    const breakdownCodeAt = indexOf.get('breakdownCode') ?? -1;

    // The checked rows, one array per field (a million row objects would cost more than the checks).
    const columns: writes.ValueColumns = {
      measureId: [],
      breakdownId: [],
      periodKey: [],
      value: [],
      numerator: [],
      denominator: [],
      commentary: [],
      quality: [],
      evidenceUrl: [],
      status: [],
    };
    const lineOf: number[] = [];
    const measureOf: number[] = [];
    const keyOf: number[] = [];
    const seen = new Map<number, number>();
    let lastCode: string | undefined;
    let lastIndex = -1;
    for await (const batch of table.batches) {
      for (const row of batch) {
        report.rows += 1;
        const cells = row.cells;
        const code = cellAt(cells, codeAt);
        if (code !== lastCode) {
          lastCode = code;
          lastIndex = indexByCode.get(code.toLowerCase()) ?? -1;
        }
        const index = lastIndex;
        if (index < 0) {
          issues.add(row.line, 'measureCode', unknownMeasure(code));
          continue;
        }
        const measure = measureRows[index]!;
        let may = allowed[index];
        if (may === undefined) allowed[index] = may = mayImport(measure.ownerUnitId);
        if (!may) {
          issues.add(row.line, 'measureCode', notYours('values', measure.code));
          continue;
        }
        let slot = index;
        let breakdownId: string | null = null;
        let category: repo.BreakdownRow | null = null;
        if (breakdownAt >= 0 || breakdownCodeAt >= 0) {
          const found = breakdowns.find(measure, cellAt(cells, breakdownAt), cellAt(cells, breakdownCodeAt));
          if (found !== null && 'message' in found) {
            issues.add(row.line, found.column, found.message);
            continue;
          }
          if (found) {
            slot = found.slot;
            breakdownId = found.category.id;
            category = found.category;
          }
        }
        const quick = checker.check(cells, fields, forValues[index]!);
        let checked: CheckedValueRow | undefined = quick;
        let periodId = quick ? quick.period.id : -1;
        if (!checked) {
          const full = checkValueRow(recordOf('values', indexOf, cells), forValues[index]!);
          if (!full.ok) {
            for (const problem of full.problems) issues.add(row.line, problem.column, problem.message);
            continue;
          }
          checked = full.value;
          const period = checker.period(checked.periodKey, forValues[index]!.frequency);
          if (!period) continue; // checkValueRow accepted it, so it names a period
          periodId = period.id;
        }
        const key = slot * SLOT_FACTOR + periodId;
        const first = seen.get(key);
        if (first !== undefined) {
          const period = parsePeriodKey(checked.periodKey);
          const what = category ? `${measure.code} ${category.dimension} ${category.code}` : measure.code;
          issues.add(
            row.line,
            'periodKey',
            `Repeats line ${first}: ${what} ${period.ok ? periodLabel(period.value) : checked.periodKey} is in the file twice`,
          );
          continue;
        }
        seen.set(key, row.line);
        columns.measureId.push(measure.id);
        columns.breakdownId.push(breakdownId);
        columns.periodKey.push(checked.periodKey);
        columns.value.push(checked.value);
        columns.numerator.push(checked.numerator);
        columns.denominator.push(checked.denominator);
        columns.commentary.push(checked.commentary);
        columns.quality.push(checked.quality);
        columns.evidenceUrl.push(checked.evidenceUrl);
        columns.status.push(checked.status);
        lineOf.push(row.line);
        measureOf.push(index);
        keyOf.push(key);
      }
      options.onProgress?.({ phase: 'checking', done: report.rows });
    }
    seen.clear();
    return { report, issues, measureRows, columns, lineOf, measureOf, keyOf, breakdowns, checker };
  }

  /** Sorts the checked rows into unchanged, changed (unless locked: a problem) and new. */
  async function compareValues(caller: Caller, checked: Awaited<ReturnType<typeof checkValues>>) {
    const org = caller.organisationId;
    const { report, issues, measureRows, columns, lineOf, measureOf, keyOf, breakdowns, checker } = checked;
    const touched = [...new Set(measureOf)];
    const [existing, locks] = await Promise.all([
      touched.length === 0
        ? Promise.resolve([])
        : repo.existingValues(
            db,
            org,
            touched.map((index) => measureRows[index]!.id),
          ),
      repo.openLockKeys(db, org),
    ]);
    const indexOfId = new Map(measureRows.map((measure, index) => [measure.id, index]));
    const stored = new Map<number, repo.ExistingValue>();
    for (const value of existing) {
      const index = indexOfId.get(value.measureId);
      const slot = value.breakdownId === null ? index : breakdowns.slotOf(value.breakdownId);
      const period = index === undefined ? null : checker.period(value.periodKey, measureRows[index]!.frequency);
      if (slot !== undefined && period) stored.set(slot * SLOT_FACTOR + period.id, value);
    }
    const inserts: number[] = [];
    const updates: writes.ChangedValue[] = [];
    const earliest = new Map<string, { key: string; frequency: Frequency }>();
    const changedMeasures = new Set<number>();
    for (let i = 0; i < keyOf.length; i++) {
      const current = stored.get(keyOf[i]!);
      const measure = measureRows[measureOf[i]!]!;
      const periodKey = columns.periodKey[i]!;
      if (current && sameValue(current, columns, i)) {
        report.unchanged += 1;
        continue;
      }
      const locked =
        locks.has(`${measure.id}|${periodKey}`) ||
        locks.has(`*|${periodKey}`) ||
        (current !== undefined && LOCKED.has(current.status));
      if (locked) {
        const period = parsePeriodKey(periodKey);
        issues.add(
          lineOf[i]!,
          'periodKey',
          `${measure.code} ${period.ok ? periodLabel(period.value) : periodKey} is locked after approval: a performance officer must reopen it before it can change`,
        );
        continue;
      }
      if (current) updates.push({ row: i, id: current.id, rowVersion: current.rowVersion });
      else inserts.push(i);
      changedMeasures.add(measureOf[i]!);
      // Stored statuses are for the measure as a whole: only its own values change them.
      if (columns.breakdownId[i] === null) {
        const first = earliest.get(measure.id);
        if (!first || periodKey < first.key) earliest.set(measure.id, { key: periodKey, frequency: measure.frequency });
      }
    }
    report.created = inserts.length;
    report.updated = updates.length;
    report.measures = touched.length;
    return {
      inserts,
      updates,
      earliest,
      codes: [...changedMeasures].map((index) => measureRows[index]!.code),
    };
  }

  function sameValue(stored: repo.ExistingValue, columns: writes.ValueColumns, i: number): boolean {
    return (
      stored.value === columns.value[i] &&
      stored.numerator === columns.numerator[i] &&
      stored.denominator === columns.denominator[i] &&
      stored.commentary.trim() === columns.commentary[i] &&
      stored.quality === columns.quality[i] &&
      stored.evidenceUrl === columns.evidenceUrl[i] &&
      stored.status === columns.status[i]
    );
  }

  // --- breakdown categories ------------------------------------------------------------------------

  async function runValues(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const timed = async <T>(step: Parameters<NonNullable<ImportOptions['onTiming']>>[0], work: () => Promise<T>) => {
      const started = performance.now();
      const result = await work();
      options.onTiming?.(step, performance.now() - started);
      return result;
    };
    const checked = await timed('read and check', () => checkValues(caller, table, indexOf, options));
    const compared = await timed('compare', () => compareValues(caller, checked));
    const org = caller.organisationId;
    return checkThenWrite(db, checked, options, async (tx, report) => {
      const writer = { organisationId: org, actorId: caller.personId, reason: `Imported from ${report.fileName}` };
      const total = report.created + report.updated;
      const written = await timed('write', async () => {
        // Each COPY block would otherwise rebuild its measures' packed series (decision 0010).
        await deferSeriesRefresh(tx);
        options.onProgress?.({ phase: 'writing', done: 0, total });
        await writes.insertValues(tx, writer, checked.columns, compared.inserts, {
          onProgress: (done) => options.onProgress?.({ phase: 'writing', done, total }),
        });
        const updated = await writes.updateValues(tx, writer, checked.columns, compared.updates);
        await refreshSeries(tx, [...compared.earliest.keys()]);
        options.onProgress?.({ phase: 'writing', done: total, total });
        return updated === compared.updates.length;
      });
      if (!written) return changedMeanwhile('values');
      await recordImportAudit(tx, caller, 'values', report, compared.codes);
      options.onProgress?.({ phase: 'recomputing', done: 0, total: compared.earliest.size });
      await timed('recompute', () => recomputeStatuses(ctx, tx, org, compared.earliest));
      return ok({ ...report, written: true });
    }).catch((error: unknown) => {
      // A value created by someone else after the checks (measure_values_key): nothing was written.
      if (isUniqueViolation(error)) return changedMeanwhile('values');
      throw error;
    });
  }

  return runValues;
}
