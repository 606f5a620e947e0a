/**
 * Bulk import and export of measure definitions, breakdown categories, targets and values, as CSV
 * or XLSX.
 *
 * An import is checked in full first — headers, every row with the same domain rules as the
 * pages and the API, duplicates within the file, locked periods, permissions — and every bad row
 * is reported with its line, column and reason. Nothing is written unless every row is valid;
 * then everything is written in one transaction: values with COPY (each with an 'import' event
 * holding who, when and the old and new figures), the import gets one audit row summarising it,
 * and stored statuses are recomputed once per measure at the end. A dry run stops after the checks.
 */
import { allowsAt, holdsPermission } from '../../kernel/access/index.ts';
import { COLUMNS, checkHeaders, recordOf, type ImportKind } from './domain/columns.ts';
import { cellAt, createQuickValueChecker, valueColumnIndexes } from './domain/quick-values.ts';
import {
  checkMeasureRow,
  checkTargetRow,
  checkValueRow,
  type CheckedTargetRow,
  type CheckedValueRow,
} from './domain/rows.ts';
import { type MeasureDefinition } from '../measures/domain/index.ts';
import type { AggregationRule, Frequency, Polarity } from '../../kernel/measurement/vocabulary.ts';
import { comparePeriods, parsePeriodKey, periodFromOrdinal, periodKey as keyOf, periodLabel, periodOrdinal } from '../../kernel/measurement/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as writes from './data/import-writes.repository.ts';
import * as repo from './data/imports.repository.ts';
import { measuresRepository as measuresRepo } from '../measures/index.ts';
import { deferSeriesRefresh, refreshSeries } from '../measures/index.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, refuse } from '../../platform/services/errors.ts';
import {
  FileProblem,
  readTable,
  writeCsv,
  writeXlsx,
  XLSX_MIME,
  type FileFormat,
  type FileLimits,
  type TableRow,
} from './import-files.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { breakdownInput } from '../measures/index.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import { londonToday } from '../collection/index.ts';

type Table = Awaited<ReturnType<typeof readTable>>;

/** The rows of a table one at a time (the checks of small files do not need batches). */
async function* rowsOf(table: Table): AsyncGenerator<TableRow> {
  for await (const batch of table.batches) yield* batch;
}

export interface ImportIssue {
  line: number;
  column: string;
  message: string;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  /** Data rows read (the header not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Distinct measures the import touches. */
  measures: number;
  /** The first problems found (at most MAX_REPORTED_ISSUES), in file order. */
  errors: ImportIssue[];
  errorCount: number;
  written: boolean;
}

export interface ImportOptions {
  format: FileFormat;
  dryRun: boolean;
  fileName?: string;
  limits?: FileLimits;
  /** Called every few thousand rows while reading, and at each writing step. */
  onProgress?: (progress: { phase: 'checking' | 'writing' | 'recomputing'; done: number; total?: number }) => void;
  /** Called with the milliseconds each step of a values import took (for benchmarks and profiling). */
  onTiming?: (step: 'read and check' | 'compare' | 'write' | 'recompute', ms: number) => void;
}

export const MAX_REPORTED_ISSUES = 500;
/** Files sent to the web page or the API. */
export const WEB_LIMITS: FileLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 200_000 };
/** Files imported from the command line. */
export const CLI_LIMITS: FileLimits = { maxBytes: 1024 * 1024 * 1024, maxRows: 2_000_000 };
/** Statuses are recomputed for at most this many periods back from the current one. */
const RECOMPUTE_PERIODS_BACK = 24;

const LOCKED = new Set(['approved', 'published']);

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** Numbers written so that the import reads them back exactly (never 1e-7). */
function plainNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

class Issues {
  readonly list: ImportIssue[] = [];
  count = 0;
  add(line: number, column: string, message: string): void {
    this.count += 1;
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ line, column, message });
  }
}

export function createImportExportService(deps: ServiceDeps & { statuses: StatusRecalculation }) {
  const { db, clock } = deps;
  const statuses = deps.statuses;

  /** Whether the caller may import for a measure's unit (import:data there or above). */
  function permissionCheck(caller: Caller, directory: { id: string; parentId: string | null }[]) {
    const parents = new Map(directory.map((unit) => [unit.id, unit.parentId]));
    const cache = new Map<string | null, boolean>();
    return (unitId: string | null): boolean => {
      const cached = cache.get(unitId);
      if (cached !== undefined) return cached;
      const ancestry: string[] = [];
      for (let cursor = unitId; cursor && !ancestry.includes(cursor); cursor = parents.get(cursor) ?? null)
        ancestry.push(cursor);
      const allowed = allowsAt(caller, 'import:data', ancestry);
      cache.set(unitId, allowed);
      return allowed;
    };
  }

  const unknownMeasure = (code: string) => (code === '' ? 'Enter the measure code' : `No measure has the code ${code}`);
  const notYours = (what: string, code: string) =>
    `You cannot import ${what} for ${code}: it belongs to a part of the organisation you do not manage`;

  /** The measure a row names, or undefined once the reason it cannot be used is recorded. */
  function measureOfRow<M extends { code: string; ownerUnitId: string | null }>(
    byCode: ReadonlyMap<string, M>,
    mayImport: (unitId: string | null) => boolean,
    issues: Issues,
    line: number,
    code: string,
    what: string,
  ): M | undefined {
    const measure = code === '' ? undefined : byCode.get(code.toLowerCase());
    if (!measure) issues.add(line, 'measureCode', unknownMeasure(code));
    else if (!mayImport(measure.ownerUnitId)) issues.add(line, 'measureCode', notYours(what, measure.code));
    else return measure;
    return undefined;
  }

  async function audit(tx: Db, caller: Caller, kind: ImportKind, report: ImportReport, measureCodes: string[]) {
    await recordAudit(tx, {
      organisationId: caller.organisationId,
      actor: actorOf(caller),
      entityType: 'import',
      entityId: kind,
      action: `import-${kind}`,
      newValue: {
        fileName: report.fileName,
        rows: report.rows,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        measures: measureCodes.slice(0, 200),
        measureCount: measureCodes.length,
      },
      reason: `Imported ${report.fileName}`,
    });
  }

  /** Recomputes stored statuses once per measure, from its earliest imported period (bounded). */
  async function recompute(
    tx: Db,
    organisationId: string,
    earliest: Map<string, { key: string; frequency: Frequency }>,
  ) {
    const today = londonToday(clock());
    const groups = new Map<string, string[]>();
    for (const [measureId, { key, frequency }] of earliest) {
      const parsed = parsePeriodKey(key);
      if (!parsed.ok) continue;
      const current = currentReportingPeriod(frequency, today);
      const floorOrdinal = periodOrdinal(current) - RECOMPUTE_PERIODS_BACK;
      const from = periodFromOrdinal(Math.max(periodOrdinal(parsed.value), floorOrdinal), frequency);
      const fromKey = comparePeriods(from, current) > 0 ? keyOf(current) : keyOf(from);
      groups.set(fromKey, [...(groups.get(fromKey) ?? []), measureId]);
    }
    for (const [fromKey, ids] of groups) {
      for (let i = 0; i < ids.length; i += 500) {
        await statuses.recompute(tx, organisationId, ids.slice(i, i + 500), { fromPeriodKey: fromKey });
      }
    }
  }

  function emptyReport(kind: ImportKind, options: ImportOptions): ImportReport {
    return {
      kind,
      dryRun: options.dryRun,
      fileName: options.fileName ?? `${kind}.${options.format}`,
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      measures: 0,
      errors: [],
      errorCount: 0,
      written: false,
    };
  }

  // --- values --------------------------------------------------------------------------------------

  /**
   * Finds a breakdown category by its breakdown and code (any case). Each category has a slot
   * number after the measures' (measure index for the whole measure), used in duplicate keys.
   */
  function breakdownFinder(measureRows: repo.MeasureRow[], categories: repo.BreakdownRow[]) {
    const byMeasure = new Map<string, Map<string, { category: repo.BreakdownRow; slot: number }>>();
    const dimensions = new Map<string, Set<string>>();
    categories.forEach((category, index) => {
      const dimension = category.dimension.toLowerCase();
      const key = `${dimension}\u0000${category.code.toLowerCase()}`;
      let ofMeasure = byMeasure.get(category.measureId);
      if (!ofMeasure) byMeasure.set(category.measureId, (ofMeasure = new Map()));
      ofMeasure.set(key, { category, slot: measureRows.length + index });
      let named = dimensions.get(category.measureId);
      if (!named) dimensions.set(category.measureId, (named = new Set()));
      named.add(dimension);
    });
    const slotOf = new Map(categories.map((category, index) => [category.id, measureRows.length + index]));
    return {
      slotOf: (breakdownId: string) => slotOf.get(breakdownId),
      /**
       * The category a row's breakdown columns name: null for the whole measure (both blank),
       * or the problem, in the column it is in.
       */
      find(
        measure: repo.MeasureRow,
        dimension: string,
        code: string,
      ): { category: repo.BreakdownRow; slot: number } | null | { column: string; message: string } {
        if (dimension === '' && code === '') return null;
        if (code === '') {
          return {
            column: 'breakdownCode',
            message: `Enter the code of the ${dimension} category as well as the breakdown, or leave both blank for ${measure.code} as a whole`,
          };
        }
        if (dimension === '') {
          return {
            column: 'breakdown',
            message: `Enter the breakdown (like ward or age group) the category ${code} belongs to, or leave both blank for ${measure.code} as a whole`,
          };
        }
        const found = byMeasure.get(measure.id)?.get(`${dimension.toLowerCase()}\u0000${code.toLowerCase()}`);
        if (found) return found;
        if (!dimensions.get(measure.id)?.has(dimension.toLowerCase())) {
          return {
            column: 'breakdown',
            message: `${measure.code} has no breakdown by ${dimension}: add its categories on the measure page, or import them in a breakdowns file first`,
          };
        }
        return {
          column: 'breakdownCode',
          message: `${measure.code} has no ${dimension} category with the code ${code}: add it on the measure page, or import it in a breakdowns file first`,
        };
      },
    };
  }

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
      frequency: measure.frequency as Frequency,
      aggregation: measure.aggregation as AggregationRule,
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
      const period =
        index === undefined ? null : checker.period(value.periodKey, measureRows[index]!.frequency as Frequency);
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
        if (!first || periodKey < first.key)
          earliest.set(measure.id, { key: periodKey, frequency: measure.frequency as Frequency });
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

  async function checkBreakdowns(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const org = caller.organisationId;
    const report = emptyReport('breakdowns', options);
    const issues = new Issues();
    const [measureRows, directory, categories] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.allBreakdowns(db, org),
    ]);
    const mayImport = permissionCheck(caller, directory);
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
        const measure = measureOfRow(byCode, mayImport, issues, row.line, record.measureCode ?? '', 'breakdowns');
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
            `Repeats line ${first}: ${measure.code} ${dimension} ${categoryCode} is in the file twice`,
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
          issues.add(row.line, 'measureCode', `${measure.code} is retired: its breakdowns cannot change`);
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

  async function checkTargets(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const org = caller.organisationId;
    const report = emptyReport('targets', options);
    const issues = new Issues();
    const [measureRows, directory, current, categories] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.currentTargets(db, org),
      repo.allBreakdowns(db, org),
    ]);
    const mayImport = permissionCheck(caller, directory);
    const breakdowns = breakdownFinder(measureRows, categories);
    const byCode = new Map(measureRows.map((measure) => [measure.code.toLowerCase(), measure]));
    const slotOf = (
      measureId: string,
      t: { breakdownId: string | null; kind: string; financialYear: string; periodKey: string | null },
    ) => `${measureId}|${t.breakdownId ?? ''}|${t.kind}|${t.financialYear}|${t.periodKey ?? ''}`;
    const currentBySlot = new Map(current.map((t) => [slotOf(t.measureId, t), t]));
    const seen = new Map<string, number>();
    const inserts: (CheckedTargetRow & { measureId: string })[] = [];
    const revisions: (CheckedTargetRow & { measureId: string; old: repo.TargetRow })[] = [];
    const touched = new Map<string, { key: string; frequency: Frequency }>();
    const measuresInFile = new Set<string>();
    const changed = new Set<string>();
    for await (const batch of table.batches) {
      for (const row of batch) {
        report.rows += 1;
        const record = recordOf('targets', indexOf, row.cells);
        const measure = measureOfRow(byCode, mayImport, issues, row.line, record.measureCode ?? '', 'targets');
        if (!measure) continue;
        const found = breakdowns.find(measure, record.breakdown ?? '', record.breakdownCode ?? '');
        if (found !== null && 'message' in found) {
          issues.add(row.line, found.column, found.message);
          continue;
        }
        const result = checkTargetRow(record, {
          ...measure,
          polarity: measure.polarity as Polarity,
          frequency: measure.frequency as Frequency,
        });
        if (!result.ok) {
          for (const problem of result.problems) issues.add(row.line, problem.column, problem.message);
          continue;
        }
        const target = { ...result.value, breakdownId: found ? found.category.id : null };
        const what = found ? `${measure.code} ${found.category.dimension} ${found.category.code}` : measure.code;
        const slot = slotOf(measure.id, target);
        measuresInFile.add(measure.id);
        const first = seen.get(slot);
        if (first !== undefined) {
          issues.add(row.line, 'financialYear', `Repeats line ${first}: ${what} has this target twice in the file`);
          continue;
        }
        seen.set(slot, row.line);
        const old = currentBySlot.get(slot);
        if (old) {
          if (old.value === target.value && old.lower === target.lower && old.upper === target.upper) {
            report.unchanged += 1;
            continue;
          }
          if (target.reason === '') {
            issues.add(
              row.line,
              'reason',
              `Give the reason for changing ${what}'s current target for ${target.periodKey ?? target.financialYear}`,
            );
            continue;
          }
          revisions.push({ ...target, measureId: measure.id, old });
        } else inserts.push({ ...target, measureId: measure.id });
        changed.add(measure.id);
        // Stored statuses are for the measure as a whole: only its own targets change them.
        if (target.breakdownId === null) {
          touched.set(measure.id, {
            key: target.periodKey ?? target.financialYear,
            frequency: measure.frequency as Frequency,
          });
        }
      }
    }
    report.created = inserts.length;
    report.updated = revisions.length;
    report.measures = measuresInFile.size;
    const codes = measureRows.filter((m) => changed.has(m.id)).map((m) => m.code);
    return { report, issues, inserts, revisions, touched, codes };
  }

  // --- measures ------------------------------------------------------------------------------------

  async function checkMeasures(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const org = caller.organisationId;
    const report = emptyReport('measures', options);
    const issues = new Issues();
    const [measureRows, directory, staff] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.peopleDirectory(db, org),
    ]);
    const mayImport = permissionCheck(caller, directory);
    const byCode = new Map(measureRows.map((measure) => [measure.code.toLowerCase(), measure]));
    const personByEmail = new Map(staff.map((person) => [person.email.toLowerCase(), person]));
    const unitByCode = new Map(directory.map((unit) => [unit.code.toLowerCase(), unit]));
    const seen = new Map<string, number>();
    const inserts: MeasureDefinition[] = [];
    const updates: { definition: MeasureDefinition; existing: repo.MeasureRow }[] = [];
    for await (const row of rowsOf(table)) {
      report.rows += 1;
      const result = checkMeasureRow(recordOf('measures', indexOf, row.cells));
      if (!result.ok) {
        for (const problem of result.problems) issues.add(row.line, problem.column, problem.message);
        continue;
      }
      const { definition, ownerEmail, ownerUnitCode, verifierEmail } = result.value;
      let problems = 0;
      const owner = ownerEmail === '' ? undefined : personByEmail.get(ownerEmail.toLowerCase());
      if (ownerEmail !== '' && !owner) {
        issues.add(row.line, 'ownerEmail', `No one in the organisation has the e-mail address ${ownerEmail}`);
        problems += 1;
      }
      const verifier = verifierEmail === '' ? undefined : personByEmail.get(verifierEmail.toLowerCase());
      if (verifierEmail !== '' && !verifier) {
        issues.add(row.line, 'verifierEmail', `No one in the organisation has the e-mail address ${verifierEmail}`);
        problems += 1;
      }
      const unit = ownerUnitCode === '' ? undefined : unitByCode.get(ownerUnitCode.toLowerCase());
      if (ownerUnitCode !== '' && !unit) {
        issues.add(row.line, 'ownerUnitCode', `No unit has the code ${ownerUnitCode}`);
        problems += 1;
      }
      const first = seen.get(definition.code.toLowerCase());
      if (first !== undefined) {
        issues.add(row.line, 'code', `Repeats line ${first}: the code ${definition.code} is in the file twice`);
        problems += 1;
      }
      seen.set(definition.code.toLowerCase(), row.line);
      if (problems > 0) continue;
      const resolved: MeasureDefinition = {
        ...definition,
        ownerPersonId: owner?.id ?? null,
        verifierPersonId: verifier?.id ?? null,
        ownerUnitId: unit?.id ?? owner?.unitId ?? null,
      };
      if (!mayImport(resolved.ownerUnitId)) {
        issues.add(
          row.line,
          'ownerUnitCode',
          `You cannot import measures for ${unit ? `unit ${unit.code}` : 'the whole organisation'}: you do not manage it`,
        );
        continue;
      }
      const existing = byCode.get(definition.code.toLowerCase());
      if (!existing) {
        inserts.push(resolved);
        continue;
      }
      const changed = (Object.keys(resolved) as (keyof MeasureDefinition)[]).filter(
        (key) => stableJson(resolved[key]) !== stableJson(existing[key as keyof repo.MeasureRow]),
      );
      if (changed.length === 0) {
        report.unchanged += 1;
        continue;
      }
      if (existing.status === 'retired') {
        issues.add(row.line, 'code', `${existing.code} is retired: it cannot be changed`);
        continue;
      }
      if (!mayImport(existing.ownerUnitId)) {
        issues.add(
          row.line,
          'code',
          `You cannot change ${existing.code}: it belongs to a part of the organisation you do not manage`,
        );
        continue;
      }
      if (changed.includes('frequency') && (await measuresRepo.recentValues(db, org, existing.id, 1)).length > 0) {
        issues.add(
          row.line,
          'frequency',
          `The frequency of ${existing.code} cannot change once values have been entered: retire it and add a new measure`,
        );
        continue;
      }
      updates.push({ definition: resolved, existing });
    }
    report.created = inserts.length;
    report.updated = updates.length;
    report.measures = inserts.length + updates.length + report.unchanged;
    return { report, issues, inserts, updates };
  }

  return {
    /**
     * The person the command line acts as (by e-mail; organisation slug when the address is in
     * more than one): imports are audited under a real person with real permissions.
     */
    async callerByEmail(email: string, organisationSlug?: string): Promise<Result<string>> {
      const matches = (await repo.activePeopleByEmail(db, email)).filter(
        (p) => !organisationSlug || p.slug === organisationSlug,
      );
      if (matches.length === 0)
        return refuse(
          'not_found',
          `No active person has the e-mail address ${email}${organisationSlug ? ` in ${organisationSlug}` : ''}`,
        );
      if (matches.length > 1) {
        return refuse(
          'invalid',
          `${email} is in more than one organisation (${matches.map((m) => m.slug).join(', ')}): add --organisation <slug>`,
        );
      }
      return ok(matches[0]!.id);
    },

    /** Checks (and unless a dry run, writes) an import file. File-level problems are refusals; row problems are in the report. */
    async importFile(
      caller: Caller,
      kind: ImportKind,
      bytes: Buffer,
      options: ImportOptions,
    ): Promise<Result<ImportReport>> {
      if (!holdsPermission(caller, 'import:data')) return forbidden('You do not have permission to import data');
      let table: Table;
      try {
        table = await readTable(bytes, options.format, options.limits ?? WEB_LIMITS);
      } catch (error) {
        if (error instanceof FileProblem) return refuse('invalid', error.message, 'file');
        throw error;
      }
      const headers = checkHeaders(kind, table.header);
      if (headers.problems.length > 0) return refuse('invalid', headers.problems.join('. '), 'file');
      try {
        if (kind === 'values') return await runValues(caller, table, headers.indexOf, options);
        if (kind === 'targets') return await runTargets(caller, table, headers.indexOf, options);
        if (kind === 'breakdowns') return await runBreakdowns(caller, table, headers.indexOf, options);
        return await runMeasures(caller, table, headers.indexOf, options);
      } catch (error) {
        if (error instanceof FileProblem) return refuse('invalid', error.message, 'file');
        throw error;
      }
    },

    /** The organisation's active measures, their breakdown categories, current targets or values, as a file the import reads back. */
    async exportFile(
      caller: Caller,
      kind: ImportKind,
      format: FileFormat,
    ): Promise<Result<{ body: Buffer; fileName: string; contentType: string }>> {
      const org = caller.organisationId;
      const headers = COLUMNS[kind].map((column) => column.header);
      let rows: unknown[][];
      if (kind === 'measures') {
        rows = (await repo.measuresForExport(db, org)).map(({ measure, ownerEmail, verifierEmail, ownerUnitCode }) => {
          const rag = measure.ragThresholds;
          const cells: Record<string, unknown> = {
            ...measure,
            decimalPlaces: String(measure.decimalPlaces),
            baselineValue: plainNumber(measure.baselineValue),
            baselinePeriod: measure.baselinePeriod ?? '',
            ownerEmail: ownerEmail ?? '',
            ownerUnitCode: ownerUnitCode ?? '',
            verifierEmail: verifierEmail ?? '',
            isKey: measure.isKey ? 'true' : 'false',
            tags: measure.tags.join(', '),
            minValue: plainNumber(measure.minValue),
            maxValue: plainNumber(measure.maxValue),
            ragMethod: rag.kind,
            amberPercent: rag.kind === 'percentage' ? plainNumber(rag.amberPercent) : '',
            amberAmount: rag.kind === 'absolute' ? plainNumber(rag.amberAmount) : '',
            amberLower: rag.kind === 'bands' ? plainNumber(rag.amberLower) : '',
            amberUpper: rag.kind === 'bands' ? plainNumber(rag.amberUpper) : '',
            spcScreening: measure.spcSettings.screenMovingRanges ? 'true' : 'false',
            spcBaselinePoints: plainNumber(measure.spcSettings.baselinePoints),
            dueWorkingDays: plainNumber(measure.dueWorkingDays),
          };
          return headers.map((header) => cells[header] ?? '');
        });
      } else if (kind === 'breakdowns') {
        rows = (await repo.breakdownsForExport(db, org)).map(({ breakdown, code }) => [
          code,
          breakdown.dimension,
          breakdown.code,
          breakdown.label,
          String(breakdown.position),
        ]);
      } else if (kind === 'targets') {
        rows = (await repo.targetsForExport(db, org)).map(({ target, code, breakdown, breakdownCode }) => [
          code,
          breakdown ?? '',
          breakdownCode ?? '',
          target.kind,
          target.financialYear,
          target.periodKey ?? '',
          target.planPeriodStart ?? '',
          target.planPeriodEnd ?? '',
          plainNumber(target.value),
          plainNumber(target.lower),
          plainNumber(target.upper),
          target.effectiveFrom,
          '',
        ]);
      } else {
        rows = (await repo.valuesForExport(db, org)).map((value) => [
          value.code,
          value.breakdown ?? '',
          value.breakdownCode ?? '',
          value.periodKey,
          plainNumber(value.value),
          plainNumber(value.numerator),
          plainNumber(value.denominator),
          value.commentary,
          value.quality,
          value.evidenceUrl,
          value.status,
        ]);
      }
      const fileName = `${kind}-${londonToday(clock())}.${format}`;
      if (format === 'csv')
        return ok({ body: writeCsv(headers, rows), fileName, contentType: 'text/csv; charset=utf-8' });
      return ok({ body: await writeXlsx(kind, headers, rows), fileName, contentType: XLSX_MIME });
    },
  };

  function finish(report: ImportReport, issues: Issues): ImportReport {
    return { ...report, errors: issues.list, errorCount: issues.count };
  }

  const changedMeanwhile = (what: string) =>
    refuse(
      'conflict',
      `Someone changed some of these ${what} while the import was being checked. Nothing was imported: run the import again.`,
    );

  async function runValues(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const timed = async <T>(step: Parameters<NonNullable<ImportOptions['onTiming']>>[0], work: () => Promise<T>) => {
      const started = performance.now();
      const result = await work();
      options.onTiming?.(step, performance.now() - started);
      return result;
    };
    const checked = await timed('read and check', () => checkValues(caller, table, indexOf, options));
    const compared = await timed('compare', () => compareValues(caller, checked));
    const report = finish(checked.report, checked.issues);
    if (report.errorCount > 0 || options.dryRun || report.created + report.updated === 0) return ok(report);
    const org = caller.organisationId;
    const writer = { organisationId: org, actorId: caller.personId, reason: `Imported from ${report.fileName}` };
    const total = report.created + report.updated;
    return inTransaction(db, async (tx) => {
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
      await audit(tx, caller, 'values', report, compared.codes);
      options.onProgress?.({ phase: 'recomputing', done: 0, total: compared.earliest.size });
      await timed('recompute', () => recompute(tx, org, compared.earliest));
      return ok({ ...report, written: true });
    }).catch((error: unknown) => {
      // A value created by someone else after the checks (measure_values_key): nothing was written.
      if (isUniqueViolation(error)) return changedMeanwhile('values');
      throw error;
    });
  }

  async function runBreakdowns(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const checked = await checkBreakdowns(caller, table, indexOf, options);
    const report = finish(checked.report, checked.issues);
    if (report.errorCount > 0 || options.dryRun || report.created + report.updated === 0) return ok(report);
    const org = caller.organisationId;
    return inTransaction(db, async (tx) => {
      await repo.insertBreakdowns(
        tx,
        checked.inserts.map((category) => ({ organisationId: org, ...category })),
      );
      for (const { id, ...values } of checked.updates) {
        if (!(await repo.updateBreakdown(tx, org, id, values))) return changedMeanwhile('breakdown categories');
      }
      await audit(tx, caller, 'breakdowns', report, checked.codes);
      return ok({ ...report, written: true });
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) return changedMeanwhile('breakdown categories');
      throw error;
    });
  }

  async function runTargets(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const checked = await checkTargets(caller, table, indexOf, options);
    const report = finish(checked.report, checked.issues);
    if (report.errorCount > 0 || options.dryRun || report.created + report.updated === 0) return ok(report);
    const org = caller.organisationId;
    return inTransaction(db, async (tx) => {
      const now = clock();
      await repo.insertTargets(
        tx,
        checked.inserts.map(({ reason, ...target }) => ({
          organisationId: org,
          ...target,
          reason,
          setBy: caller.personId,
          setAt: now,
        })),
      );
      const today = londonToday(now);
      for (const { old, reason, ...target } of checked.revisions) {
        if (!(await measuresRepo.supersedeTarget(tx, org, old.id, now))) {
          return refuse(
            'conflict',
            'Someone revised one of these targets while the import was being checked. Nothing was imported: run it again.',
          );
        }
        const row = await measuresRepo.insertTarget(tx, {
          organisationId: org,
          ...target,
          effectiveFrom: target.effectiveFrom > today ? target.effectiveFrom : today,
          reason,
          setBy: caller.personId,
          setAt: now,
        });
        await measuresRepo.pointSupersededTo(tx, org, old.id, row.id);
      }
      await audit(tx, caller, 'targets', report, checked.codes);
      await recompute(tx, org, checked.touched);
      return ok({ ...report, written: true });
    });
  }

  async function runMeasures(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const checked = await checkMeasures(caller, table, indexOf, options);
    const report = finish(checked.report, checked.issues);
    if (report.errorCount > 0 || options.dryRun || report.created + report.updated === 0) return ok(report);
    const org = caller.organisationId;
    return inTransaction(db, async (tx) => {
      for (const definition of checked.inserts)
        await measuresRepo.insertMeasure(tx, { organisationId: org, ...definition });
      for (const { definition, existing } of checked.updates) {
        const updated = await measuresRepo.updateMeasure(
          tx,
          org,
          existing.id,
          existing.rowVersion,
          definition,
          clock(),
        );
        if (!updated)
          return refuse(
            'conflict',
            `Someone changed ${existing.code} while the import was being checked. Nothing was imported: run it again.`,
          );
      }
      await audit(
        tx,
        caller,
        'measures',
        report,
        [...checked.inserts, ...checked.updates.map((u) => u.definition)].map((d) => d.code),
      );
      return ok({ ...report, written: true });
    });
  }
}

export type ImportExportService = ReturnType<typeof createImportExportService>;
