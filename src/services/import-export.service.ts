/**
 * Bulk import and export of measure definitions, targets and values, as CSV or XLSX.
 *
 * An import is checked in full first — headers, every row with the same domain rules as the
 * pages and the API, duplicates within the file, locked periods, permissions — and every bad row
 * is reported with its line, column and reason. Nothing is written unless every row is valid;
 * then everything is written in one transaction with set-based statements, each value gets an
 * 'import' event, the import gets one audit row summarising it, and stored statuses are
 * recomputed once per measure at the end. A dry run stops after the checks.
 */
import { allowsAt, holdsPermission } from '../domain/access/index.ts';
import { COLUMNS, checkHeaders, recordOf, type ImportKind } from '../domain/imports/columns.ts';
import { checkMeasureRow, checkTargetRow, checkValueRow, type CheckedTargetRow } from '../domain/imports/rows.ts';
import type { MeasureDefinition } from '../domain/measures/measure.ts';
import type { AggregationRule, Frequency, Polarity } from '../domain/measures/vocabulary.ts';
import {
  comparePeriods,
  parsePeriodKey,
  periodFromOrdinal,
  periodKey as keyOf,
  periodLabel,
  periodOrdinal,
} from '../domain/performance/index.ts';
import { ok, type Result } from '../domain/result.ts';
import { recordAudit } from '../data/audit.ts';
import type { Db } from '../data/db.ts';
import * as repo from '../data/repositories/imports.repository.ts';
import * as measuresRepo from '../data/repositories/measures.repository.ts';
import { inTransaction } from '../data/transaction.ts';
import { actorOf, type Caller } from './context.ts';
import { forbidden, refuse } from './errors.ts';
import {
  FileProblem,
  readTable,
  writeCsv,
  writeXlsx,
  XLSX_MIME,
  type FileFormat,
  type FileLimits,
} from './import-files.ts';
import type { ServiceDeps } from './index.ts';
import { createPerformanceStatusService, currentReportingPeriod } from './performance-status.service.ts';
import { londonToday } from './collection.service.ts';

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
}

export const MAX_REPORTED_ISSUES = 500;
/** Files sent to the web page or the API. */
export const WEB_LIMITS: FileLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 200_000 };
/** Files imported from the command line. */
export const CLI_LIMITS: FileLimits = { maxBytes: 1024 * 1024 * 1024, maxRows: 2_000_000 };
/** Statuses are recomputed for at most this many periods back from the current one. */
const RECOMPUTE_PERIODS_BACK = 24;
const BATCH = 5_000;

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

export function createImportExportService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const performance = createPerformanceStatusService(deps);

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
        await performance.recompute(tx, organisationId, ids.slice(i, i + 500), { fromPeriodKey: fromKey });
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

  async function importValues(
    caller: Caller,
    table: Awaited<ReturnType<typeof readTable>>,
    indexOf: Map<string, number>,
    options: ImportOptions,
  ) {
    const org = caller.organisationId;
    const report = emptyReport('values', options);
    const issues = new Issues();
    const [measureRows, directory] = await Promise.all([repo.allMeasures(db, org), repo.unitDirectory(db, org)]);
    const mayImport = permissionCheck(caller, directory);
    const byCode = new Map(measureRows.map((measure, index) => [measure.code.toLowerCase(), { measure, index }]));
    const seen = new Map<number, number>();
    const checked: (repo.NewValue & { line: number })[] = [];
    for await (const row of table.rows) {
      report.rows += 1;
      if (report.rows % 10_000 === 0) options.onProgress?.({ phase: 'checking', done: report.rows });
      const record = recordOf('values', indexOf, row.cells);
      const code = record.measureCode ?? '';
      if (code === '') {
        issues.add(row.line, 'measureCode', 'Enter the measure code');
        continue;
      }
      const found = byCode.get(code.toLowerCase());
      if (!found) {
        issues.add(row.line, 'measureCode', `No measure has the code ${code}`);
        continue;
      }
      const { measure, index } = found;
      if (!mayImport(measure.ownerUnitId)) {
        issues.add(
          row.line,
          'measureCode',
          `You cannot import values for ${measure.code}: it belongs to a part of the organisation you do not manage`,
        );
        continue;
      }
      const result = checkValueRow(record, {
        ...measure,
        frequency: measure.frequency as Frequency,
        aggregation: measure.aggregation as AggregationRule,
      });
      if (!result.ok) {
        for (const problem of result.problems) issues.add(row.line, problem.column, problem.message);
        continue;
      }
      const period = parsePeriodKey(result.value.periodKey);
      if (!period.ok) continue; // checked above
      const key = index * 1_000_000 + periodOrdinal(period.value);
      const first = seen.get(key);
      if (first !== undefined) {
        issues.add(
          row.line,
          'periodKey',
          `Repeats line ${first}: ${measure.code} ${periodLabel(period.value)} is in the file twice`,
        );
        continue;
      }
      seen.set(key, row.line);
      checked.push({ ...result.value, measureId: measure.id, line: row.line });
    }
    options.onProgress?.({ phase: 'checking', done: report.rows });

    // Compare with what is stored: unchanged, changed (unless locked) or new.
    const [existing, locks] = await Promise.all([repo.existingValues(db, org), repo.openLockKeys(db, org)]);
    const stored = new Map(existing.map((value) => [`${value.measureId}|${value.periodKey}`, value]));
    const codeOf = new Map(measureRows.map((measure) => [measure.id, measure]));
    const inserts: repo.NewValue[] = [];
    const updates: repo.ChangedValue[] = [];
    const earliest = new Map<string, { key: string; frequency: Frequency }>();
    for (const row of checked) {
      const current = stored.get(`${row.measureId}|${row.periodKey}`);
      const measure = codeOf.get(row.measureId)!;
      if (current && sameValue(current, row)) {
        report.unchanged += 1;
        continue;
      }
      const locked =
        locks.has(`${row.measureId}|${row.periodKey}`) ||
        locks.has(`*|${row.periodKey}`) ||
        (current && LOCKED.has(current.status));
      if (locked) {
        const period = parsePeriodKey(row.periodKey);
        issues.add(
          row.line,
          'periodKey',
          `${measure.code} ${period.ok ? periodLabel(period.value) : row.periodKey} is locked after approval: a performance officer must reopen it before it can change`,
        );
        continue;
      }
      const { line: _line, ...value } = row;
      if (current) updates.push({ ...value, id: current.id, rowVersion: current.rowVersion });
      else inserts.push(value);
      const first = earliest.get(row.measureId);
      if (!first || row.periodKey < first.key)
        earliest.set(row.measureId, { key: row.periodKey, frequency: measure.frequency as Frequency });
    }
    report.created = inserts.length;
    report.updated = updates.length;
    report.measures = new Set(checked.map((row) => row.measureId)).size;
    return {
      report,
      issues,
      inserts,
      updates,
      earliest,
      codes: [...earliest.keys()].map((id) => codeOf.get(id)!.code),
    };
  }

  function sameValue(stored: repo.ExistingValue, row: repo.NewValue): boolean {
    return (
      stored.value === row.value &&
      stored.numerator === row.numerator &&
      stored.denominator === row.denominator &&
      stored.commentary.trim() === row.commentary &&
      stored.quality === row.quality &&
      stored.evidenceUrl === row.evidenceUrl &&
      stored.status === row.status
    );
  }

  // --- targets -------------------------------------------------------------------------------------

  async function importTargets(
    caller: Caller,
    table: Awaited<ReturnType<typeof readTable>>,
    indexOf: Map<string, number>,
    options: ImportOptions,
  ) {
    const org = caller.organisationId;
    const report = emptyReport('targets', options);
    const issues = new Issues();
    const [measureRows, directory, current] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.currentTargets(db, org),
    ]);
    const mayImport = permissionCheck(caller, directory);
    const byCode = new Map(measureRows.map((measure) => [measure.code.toLowerCase(), measure]));
    const slotOf = (measureId: string, t: { kind: string; financialYear: string; periodKey: string | null }) =>
      `${measureId}|${t.kind}|${t.financialYear}|${t.periodKey ?? ''}`;
    const currentBySlot = new Map(
      current.filter((t) => t.breakdownId === null).map((t) => [slotOf(t.measureId, t), t]),
    );
    const seen = new Map<string, number>();
    const inserts: (CheckedTargetRow & { measureId: string })[] = [];
    const revisions: (CheckedTargetRow & { measureId: string; old: repo.TargetRow })[] = [];
    const touched = new Map<string, { key: string; frequency: Frequency }>();
    for await (const row of table.rows) {
      report.rows += 1;
      const record = recordOf('targets', indexOf, row.cells);
      const code = record.measureCode ?? '';
      const measure = code === '' ? undefined : byCode.get(code.toLowerCase());
      if (!measure) {
        issues.add(row.line, 'measureCode', code === '' ? 'Enter the measure code' : `No measure has the code ${code}`);
        continue;
      }
      if (!mayImport(measure.ownerUnitId)) {
        issues.add(
          row.line,
          'measureCode',
          `You cannot import targets for ${measure.code}: it belongs to a part of the organisation you do not manage`,
        );
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
      const slot = slotOf(measure.id, result.value);
      const first = seen.get(slot);
      if (first !== undefined) {
        issues.add(
          row.line,
          'financialYear',
          `Repeats line ${first}: ${measure.code} has this target twice in the file`,
        );
        continue;
      }
      seen.set(slot, row.line);
      const old = currentBySlot.get(slot);
      if (old) {
        if (old.value === result.value.value && old.lower === result.value.lower && old.upper === result.value.upper) {
          report.unchanged += 1;
          continue;
        }
        if (result.value.reason === '') {
          issues.add(
            row.line,
            'reason',
            `Give the reason for changing ${measure.code}'s current target for ${result.value.periodKey ?? result.value.financialYear}`,
          );
          continue;
        }
        revisions.push({ ...result.value, measureId: measure.id, old });
      } else inserts.push({ ...result.value, measureId: measure.id });
      touched.set(measure.id, {
        key: result.value.periodKey ?? result.value.financialYear,
        frequency: measure.frequency as Frequency,
      });
    }
    report.created = inserts.length;
    report.updated = revisions.length;
    report.measures = touched.size;
    const codes = measureRows.filter((m) => touched.has(m.id)).map((m) => m.code);
    return { report, issues, inserts, revisions, touched, codes };
  }

  // --- measures ------------------------------------------------------------------------------------

  async function importMeasures(
    caller: Caller,
    table: Awaited<ReturnType<typeof readTable>>,
    indexOf: Map<string, number>,
    options: ImportOptions,
  ) {
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
    for await (const row of table.rows) {
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
      let table: Awaited<ReturnType<typeof readTable>>;
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
        return await runMeasures(caller, table, headers.indexOf, options);
      } catch (error) {
        if (error instanceof FileProblem) return refuse('invalid', error.message, 'file');
        throw error;
      }
    },

    /** The organisation's active measures, their current targets or their values, as a file the import reads back. */
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
      } else if (kind === 'targets') {
        rows = (await repo.targetsForExport(db, org)).map(({ target, code }) => [
          code,
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

  async function runValues(
    caller: Caller,
    table: Awaited<ReturnType<typeof readTable>>,
    indexOf: Map<string, number>,
    options: ImportOptions,
  ) {
    const checked = await importValues(caller, table, indexOf, options);
    const report = finish(checked.report, checked.issues);
    if (report.errorCount > 0 || options.dryRun || report.created + report.updated === 0) return ok(report);
    const reason = `Imported from ${report.fileName}`;
    return inTransaction(db, async (tx) => {
      let done = 0;
      for (let i = 0; i < checked.inserts.length; i += BATCH) {
        done += await repo.insertValues(
          tx,
          caller.organisationId,
          caller.personId,
          reason,
          checked.inserts.slice(i, i + BATCH),
        );
        options.onProgress?.({ phase: 'writing', done, total: report.created + report.updated });
      }
      for (let i = 0; i < checked.updates.length; i += BATCH) {
        const batch = checked.updates.slice(i, i + BATCH);
        const updated = await repo.updateValues(tx, caller.organisationId, caller.personId, reason, batch);
        if (updated !== batch.length) {
          return refuse(
            'conflict',
            'Someone changed some of these values while the import was being checked. Nothing was imported: run the import again.',
          );
        }
        done += updated;
        options.onProgress?.({ phase: 'writing', done, total: report.created + report.updated });
      }
      await audit(tx, caller, 'values', report, checked.codes);
      options.onProgress?.({ phase: 'recomputing', done: 0, total: checked.earliest.size });
      await recompute(tx, caller.organisationId, checked.earliest);
      return ok({ ...report, written: true });
    });
  }

  async function runTargets(
    caller: Caller,
    table: Awaited<ReturnType<typeof readTable>>,
    indexOf: Map<string, number>,
    options: ImportOptions,
  ) {
    const checked = await importTargets(caller, table, indexOf, options);
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

  async function runMeasures(
    caller: Caller,
    table: Awaited<ReturnType<typeof readTable>>,
    indexOf: Map<string, number>,
    options: ImportOptions,
  ) {
    const checked = await importMeasures(caller, table, indexOf, options);
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
