/** Importing values: checked in batches, compared with the stored ones, written with COPY. */
import { isUniqueViolation } from '../../platform/services/errors.ts';
import { recordOf } from './domain/columns.ts';
import { cellAt, createQuickValueChecker, valueColumnIndexes } from './domain/quick-values.ts';
import { checkValueRow, type CheckedValueRow } from './domain/rows.ts';
import type { Frequency } from '../../kernel/measurement/vocabulary.ts';
import {
  checkPlausibility,
  parsePeriodKey,
  periodLabel,
  PLAUSIBILITY_HISTORY,
} from '../../kernel/measurement/index.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { actorOf } from '../../platform/services/caller.ts';
import { say } from '../../platform/words/index.ts';
import { describeImplausible, loadClosedPeriods, periodNotEnded, stepRightsFor } from '../collection/index.ts';
import { ok } from '../../kernel/result.ts';
import { phrase, phraseText, storePhrase } from '../../kernel/phrase.ts';
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
  importAccess,
  permissionCheck,
  recomputeStatuses,
  recordImportAudit,
  unknownMeasure,
  checkThenWrite,
  letOthersIn,
  refuseIfClosedMeanwhile,
} from './import-outline.ts';

/** Statuses an import never sets by itself: signing off is people's work, not a file's. */
const SIGNED_OFF = new Set(['verified', 'approved', 'published']);

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
    // One policy for the import: import:data and approve:values are asked of the same unit ancestries.
    const access = importAccess(directory);
    const mayImport = permissionCheck(caller, access);
    /**
     * Whether the caller holds the approving right over a measure's values under the council's own
     * rule for who approves (a role at the unit, its head, a body…), as the sign-off page applies it.
     */
    const mayApprove = async (measure: { ownerUnitId: string | null; verifierPersonId: string | null }) =>
      (await stepRightsFor(db, caller, measure)).canApprove;
    const approving: (boolean | undefined)[] = [];
    const approveHistory = options.approveHistory === true;
    const today = ctx.clock.today();
    const notEnded = new Map<string, ReturnType<typeof periodNotEnded>>();
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
    const statusAt = indexOf.get('status') ?? -1;

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
        if (may === undefined) allowed[index] = may = await mayImport(measure.ownerUnitId);
        if (!may) {
          issues.add(row.line, 'measureCode', notYours('values', measure.code));
          continue;
        }
        if (approveHistory) {
          let mayApproveIt = approving[index];
          if (mayApproveIt === undefined) approving[index] = mayApproveIt = await mayApprove(measure);
          if (!mayApproveIt) {
            issues.add(
              row.line,
              'measureCode',
              phraseText('importRowRefusals.mayNotApproveHistory', { code: measure.code }),
            );
            continue;
          }
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
        // No value for a period that has not ended yet, except an estimate for the current period
        // of a measure that takes one (the same rule as the page and the API).
        const estimating = measure.allowsInPeriodEstimate;
        const futureKey = estimating ? `${checked.periodKey}|${checked.quality}` : checked.periodKey;
        let future = notEnded.get(futureKey);
        if (future === undefined) {
          const period = parsePeriodKey(checked.periodKey);
          future = period.ok
            ? periodNotEnded(period.value, today, { allowsInPeriodEstimate: estimating, quality: checked.quality })
            : null;
          notEnded.set(futureKey, future);
        }
        if (future) {
          issues.add(row.line, future.field, future.message);
          continue;
        }
        let status = checked.status;
        // Approved history: a blank status is the importer's approval; a stated one is kept as written.
        if (approveHistory) status = cellAt(cells, statusAt) === '' ? 'approved' : status;
        else if (SIGNED_OFF.has(status)) {
          issues.add(row.line, 'status', phraseText('importRowRefusals.signedOffStatus', { status }));
          continue;
        }
        const key = slot * SLOT_FACTOR + periodId;
        const first = seen.get(key);
        if (first !== undefined) {
          const period = parsePeriodKey(checked.periodKey);
          const what = category
            ? phrase('importRowRefusals.measureCategory', {
                measure: measure.code,
                breakdown: category.dimension,
                code: category.code,
              })
            : measure.code;
          issues.add(
            row.line,
            'periodKey',
            phraseText('importRowRefusals.repeatedValue', {
              first,
              what,
              period: period.ok ? periodLabel(period.value) : checked.periodKey,
            }),
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
        columns.status.push(status);
        lineOf.push(row.line);
        measureOf.push(index);
        keyOf.push(key);
      }
      options.onProgress?.({ phase: 'checking', done: report.rows });
      // Checking a batch is CPU work with no I/O: let other requests in before the next one.
      await letOthersIn();
    }
    seen.clear();
    return { report, issues, measureRows, columns, lineOf, measureOf, keyOf, breakdowns, checker };
  }

  /** Sorts the checked rows into unchanged, changed (unless locked: a problem) and new. */
  async function compareValues(
    caller: Caller,
    checked: Awaited<ReturnType<typeof checkValues>>,
    options: ImportOptions,
  ) {
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
    const closed = await loadClosedPeriods(db, org);
    const indexOfId = new Map(measureRows.map((measure, index) => [measure.id, index]));
    const stored = new Map<number, repo.ExistingValue>();
    for (const value of existing) {
      const index = indexOfId.get(value.measureId);
      const slot = value.breakdownId === null ? index : breakdowns.slotOf(value.breakdownId);
      const period = index === undefined ? null : checker.period(value.periodKey, measureRows[index]!.frequency);
      if (slot !== undefined && period) stored.set(slot * SLOT_FACTOR + period.id, value);
    }
    // Each slot's figures, stored and in the file, for the plausibility check of the rows written.
    const series = new Map<number, Map<string, number>>();
    const figureAt = (slot: number, periodKey: string, value: number | null) => {
      if (value === null) return;
      let figures = series.get(slot);
      if (!figures) series.set(slot, (figures = new Map<string, number>()));
      figures.set(periodKey, value);
    };
    for (const [key, value] of stored) figureAt(Math.floor(key / SLOT_FACTOR), value.periodKey, value.value);
    for (let i = 0; i < keyOf.length; i++)
      figureAt(Math.floor(keyOf[i]! / SLOT_FACTOR), columns.periodKey[i]!, columns.value[i]!);
    const ordered = new Map<number, { keys: string[]; values: number[] }>();
    const historyOf = (slot: number, periodKey: string): number[] => {
      let found = ordered.get(slot);
      if (!found) {
        const entries = [...(series.get(slot) ?? new Map<string, number>())].sort((a, b) => a[0].localeCompare(b[0]));
        found = { keys: entries.map((entry) => entry[0]), values: entries.map((entry) => entry[1]) };
        ordered.set(slot, found);
      }
      let end = 0;
      while (end < found.keys.length && found.keys[end]! < periodKey) end += 1;
      return found.values.slice(Math.max(0, end - PLAUSIBILITY_HISTORY), end);
    };
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
      const closure = closed.refusalFor(periodKey);
      if (closure) {
        issues.add(lineOf[i]!, 'periodKey', closure);
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
          phraseText('importRowRefusals.lockedValue', {
            what: measure.code,
            period: period.ok ? periodLabel(period.value) : periodKey,
          }),
        );
        continue;
      }
      const figure = columns.value[i]!;
      if (figure !== null && figure !== current?.value && !options.acknowledgeWarnings) {
        const found = checkPlausibility(figure, historyOf(Math.floor(keyOf[i]! / SLOT_FACTOR), periodKey), {
          min: measure.minValue ?? null,
          max: measure.maxValue ?? null,
        });
        if (found) {
          const format = { unit: measure.unit, decimalPlaces: measure.decimalPlaces };
          issues.add(
            lineOf[i]!,
            'value',
            phraseText('entryChecks.importWarning', { detail: describeImplausible(found, format) }),
            true,
          );
          continue;
        }
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
    const compared = await timed('compare', () => compareValues(caller, checked, options));
    const org = caller.organisationId;
    return checkThenWrite(db, checked, options, async (tx, report) => {
      const writtenRows = [...compared.inserts, ...compared.updates.map((update) => update.row)];
      const stillOpen = await refuseIfClosedMeanwhile(
        tx,
        org,
        writtenRows.map((row) => checked.columns.periodKey[row]!),
      );
      if (!stillOpen.ok) return stillOpen;
      const why = phrase(options.approveHistory ? 'importAudit.approvedHistory' : 'importAudit.importedFrom', {
        file: report.fileName,
      });
      // Each value's history keeps the words (the value page shows them as they are); the audit
      // trail keeps the phrase, which its page says.
      const writer = { organisationId: org, actorId: caller.personId, reason: say(why) };
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
      if (options.approveHistory) {
        await recordAudit(tx, {
          organisationId: org,
          actor: actorOf(caller),
          entityType: 'import',
          entityId: 'values',
          action: 'approve',
          newValue: { fileName: report.fileName, approved: total, measures: compared.codes.slice(0, 200) },
          reason: storePhrase(why),
        });
      }
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
