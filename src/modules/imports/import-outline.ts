/**
 * The outline every import follows, and what the kinds share. An import is checked in full first:
 * headers, every row with the same domain rules as the pages and the API, duplicates within the
 * file, locked periods, permissions. Every bad row is reported with its line, column and reason.
 * Nothing is written unless every row is valid; then everything is written in one transaction
 * (checkThenWrite), the import gets one audit row summarising it, and stored statuses are
 * recomputed once per measure at the end. A dry run stops after the checks.
 */
import type { ImportKind } from './domain/columns.ts';
import { ancestryIn } from './domain/export-scope.ts';
import type { Frequency } from '../../kernel/measurement/vocabulary.ts';
import {
  comparePeriods,
  parsePeriodKey,
  periodFromOrdinal,
  periodKey as keyOf,
  periodOrdinal,
} from '../../kernel/measurement/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { type AccessPolicy, createAccessPolicy } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import * as repo from './data/imports.repository.ts';

import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import { readTable, type FileFormat, type FileLimits, type TableRow } from './import-files.ts';
import { currentReportingPeriod } from '../../kernel/measurement/periods.ts';
import { loadClosedPeriods, type StatusRecalculation } from '../collection/index.ts';
import type { ProcessLimitsSource } from '../measures/index.ts';
import { sayStored } from '../../platform/words/index.ts';
import { phraseText, readStoredPhrase } from '../../kernel/phrase.ts';

/** What every import use case is handed by the composition root. */
export interface ImportContext {
  db: Db;
  clock: Clock;
  statuses: StatusRecalculation;
  /** The latest process limits a target is checked against (filled by the performance module). */
  processLimits: ProcessLimitsSource;
}

export type Table = Awaited<ReturnType<typeof readTable>>;

/** The rows of a table one at a time (the checks of small files do not need batches). */
export async function* rowsOf(table: Table): AsyncGenerator<TableRow> {
  for await (const batch of table.batches) yield* batch;
}

export interface ImportIssue {
  line: number;
  column: string;
  message: string;
  /** A plausibility warning: the row is written once the importer acknowledges the warnings. */
  warning?: true;
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
  /** Rows accepted with a warning (a target the process cannot meet, say), in file order. */
  warnings: ImportIssue[];
  written: boolean;
}

export interface ImportOptions {
  format: FileFormat;
  dryRun: boolean;
  fileName?: string;
  /** Values: load the file as approved history (needs the approving right over every measure). */
  approveHistory?: boolean;
  /** Values: write figures that failed a plausibility check (they are reported, by line, otherwise). */
  acknowledgeWarnings?: boolean;
  limits?: FileLimits;
  /** Called every few thousand rows while reading, and at each writing step. */
  onProgress?: (progress: { phase: 'checking' | 'writing' | 'recomputing'; done: number; total?: number }) => void;
  /** Called with the milliseconds each step of a values import took (for benchmarks and profiling). */
  onTiming?: (step: 'read and check' | 'compare' | 'write' | 'recompute', ms: number) => void;
  /**
   * Awaited after the checks, before the writing transaction starts: where a test interleaves a
   * change (a period closed) deterministically, between what was checked and what is written.
   */
  afterChecks?: () => Promise<void>;
}

export const MAX_REPORTED_ISSUES = 500;

/**
 * Waits for the event loop to serve what is waiting (other requests' I/O) before going on: the
 * row checks are CPU work, and a microtask (a plain `await`) would not let anything else in.
 */
export const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Files sent to the web page or the API. */
export const WEB_LIMITS: FileLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxUnpackedBytes: 50 * 1024 * 1024,
};
/** Files imported from the command line. */
export const CLI_LIMITS: FileLimits = {
  maxBytes: 1024 * 1024 * 1024,
  maxRows: 2_000_000,
  maxUnpackedBytes: 512 * 1024 * 1024,
};
/** Statuses are recomputed for at most this many periods back from the current one. */
const RECOMPUTE_PERIODS_BACK = 24;

export const LOCKED = new Set(['approved', 'published']);

export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** Numbers written so that the import reads them back exactly (never 1e-7). */
export function plainNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

export class Issues {
  readonly list: ImportIssue[] = [];
  count = 0;
  /** The report holds words: a domain message (a stored phrase) is said as it is added. */
  add(line: number, column: string, message: string, warning = false): void {
    this.count += 1;
    if (this.list.length >= MAX_REPORTED_ISSUES) return;
    const said = sayStored(message);
    this.list.push(warning ? { line, column, message: said, warning } : { line, column, message: said });
  }
}

/** One kind's import: checks the rows of a table whose headers are already checked, then writes. */
export type ImportRun = (
  caller: Caller,
  table: Table,
  indexOf: Map<string, number>,
  options: ImportOptions,
) => Promise<Result<ImportReport>>;

/**
 * One access policy for an import, over the unit list it has just read: each unit's ancestry is
 * walked once, in memory, however many rows ask about it (as the export does).
 */
export function importAccess(directory: readonly { id: string; parentId: string | null }[]): AccessPolicy {
  const ancestryOf = ancestryIn(directory);
  return createAccessPolicy(async (_organisationId, unitId) => ancestryOf(unitId));
}

/** Whether the caller may import for a measure's unit (import:data there or above). */
export function permissionCheck(caller: Caller, access: AccessPolicy) {
  return (unitId: string | null): Promise<boolean> => access.can(caller, 'import:data', { unitId });
}

export const unknownMeasure = (code: string) =>
  code === ''
    ? phraseText('importRowRefusals.measureCodeMissing')
    : phraseText('importRowRefusals.noMeasure', { code });
export const notYours = (what: 'values' | 'targets' | 'breakdowns', code: string) =>
  phraseText(`importRowRefusals.notYours.${what}`, { code });

/** The measure a row names, or undefined once the reason it cannot be used is recorded. */
export async function measureOfRow<M extends { code: string; ownerUnitId: string | null }>(
  byCode: ReadonlyMap<string, M>,
  mayImport: (unitId: string | null) => Promise<boolean>,
  issues: Issues,
  line: number,
  code: string,
  what: 'values' | 'targets' | 'breakdowns',
): Promise<M | undefined> {
  const measure = code === '' ? undefined : byCode.get(code.toLowerCase());
  if (!measure) issues.add(line, 'measureCode', unknownMeasure(code));
  else if (!(await mayImport(measure.ownerUnitId))) issues.add(line, 'measureCode', notYours(what, measure.code));
  else return measure;
  return undefined;
}

export async function recordImportAudit(
  tx: Db,
  caller: Caller,
  kind: ImportKind,
  report: ImportReport,
  measureCodes: string[],
) {
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
    // A phrase, said by the audit page: the trail reads in the reader's words.
    reason: phraseText('importAudit.imported', { file: report.fileName }),
  });
}

/** Recomputes stored statuses once per measure, from its earliest imported period (bounded). */
export async function recomputeStatuses(
  { clock, statuses }: ImportContext,
  tx: Db,
  organisationId: string,
  earliest: Map<string, { key: string; frequency: Frequency }>,
) {
  const today = clock.today();
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

export function emptyReport(kind: ImportKind, options: ImportOptions): ImportReport {
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
    warnings: [],
    written: false,
  };
}

/**
 * Finds a breakdown category by its breakdown and code (any case). Each category has a slot
 * number after the measures' (measure index for the whole measure), used in duplicate keys.
 */
export function breakdownFinder(measureRows: repo.MeasureRow[], categories: repo.BreakdownRow[]) {
  const byMeasure = new Map<string, Map<string, { category: repo.BreakdownRow; slot: number }>>();
  const dimensions = new Map<string, Set<string>>();
  categories.forEach((category, index) => {
    const dimension = category.dimension.toLowerCase();
    const key = `${dimension}\u0000${category.code.toLowerCase()}`;
    let ofMeasure = byMeasure.get(category.measureId);
    if (!ofMeasure)
      byMeasure.set(category.measureId, (ofMeasure = new Map<string, { category: typeof category; slot: number }>()));
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
          message: phraseText('importRowRefusals.categoryCodeMissing', { breakdown: dimension, measure: measure.code }),
        };
      }
      if (dimension === '') {
        return {
          column: 'breakdown',
          message: phraseText('importRowRefusals.breakdownMissing', { code, measure: measure.code }),
        };
      }
      const found = byMeasure.get(measure.id)?.get(`${dimension.toLowerCase()}\u0000${code.toLowerCase()}`);
      if (found) return found;
      if (!dimensions.get(measure.id)?.has(dimension.toLowerCase())) {
        return {
          column: 'breakdown',
          message: phraseText('importRowRefusals.noBreakdown', { measure: measure.code, breakdown: dimension }),
        };
      }
      return {
        column: 'breakdownCode',
        message: phraseText('importRowRefusals.noCategory', { measure: measure.code, breakdown: dimension, code }),
      };
    },
  };
}

export function finish(report: ImportReport, issues: Issues): ImportReport {
  return { ...report, errors: issues.list, errorCount: issues.count };
}

/**
 * The closures re-read inside the writing transaction, holding them so none can be closed until it
 * commits: a period closed after the checks refuses the whole import (the first such period named).
 */
export async function refuseIfClosedMeanwhile(
  tx: Db,
  organisationId: string,
  periodKeys: Iterable<string>,
): Promise<Result<null>> {
  const closed = await loadClosedPeriods(tx, organisationId, { hold: true });
  for (const key of periodKeys) {
    const closure = closed.refusalFor(key);
    if (closure)
      return refuse(
        'conflict',
        phraseText('importRefusals.closedMeanwhile', { closure: readStoredPhrase(closure) ?? closure }),
      );
  }
  return ok(null);
}

export const changedMeanwhile = (what: 'values' | 'breakdowns') =>
  refuse('conflict', phraseText(`importRefusals.changedMeanwhile.${what}`));

/**
 * The check-then-write outline: the report of the checks is returned as it is when a row is bad,
 * on a dry run, or when there is nothing to write; otherwise `write` runs in one transaction.
 */
export async function checkThenWrite(
  db: Db,
  checked: { report: ImportReport; issues: Issues },
  options: ImportOptions,
  write: (tx: Db, report: ImportReport) => Promise<Result<ImportReport>>,
): Promise<Result<ImportReport>> {
  const report = finish(checked.report, checked.issues);
  if (report.errorCount > 0 || options.dryRun || report.created + report.updated === 0) return ok(report);
  await options.afterChecks?.();
  return inTransaction(db, (tx) => write(tx, report));
}
