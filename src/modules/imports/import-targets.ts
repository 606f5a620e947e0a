/** Importing targets: new ones, and revisions that supersede the target in force. */
import { recordOf } from './domain/columns.ts';
import type { Frequency } from '../../kernel/measurement/vocabulary.ts';
import { measuresRepository as measuresRepo, targetWarnings } from '../measures/index.ts';
import { loadClosedPeriods } from '../collection/index.ts';
import { fill, sayStored, words } from '../../platform/words/index.ts';
import { refuse } from '../../platform/services/errors.ts';
import { checkTargetRow, type CheckedTargetRow } from './domain/rows.ts';
import { ok } from '../../kernel/result.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import * as repo from './data/imports.repository.ts';

import { type Caller } from '../../platform/services/caller.ts';
import {
  Issues,
  MAX_REPORTED_ISSUES,
  type ImportContext,
  type ImportReport,
  type ImportOptions,
  type ImportRun,
  type Table,
  breakdownFinder,
  emptyReport,
  importAccess,
  measureOfRow,
  permissionCheck,
  recomputeStatuses,
  recordImportAudit,
  checkThenWrite,
  refuseIfClosedMeanwhile,
} from './import-outline.ts';

export function createTargetsImport(ctx: ImportContext): ImportRun {
  const { db, clock, processLimits } = ctx;

  /**
   * Each whole-measure target of the file checked against its measure's latest process limits:
   * accepted, with a warning naming its line when the process cannot meet it (or always does).
   */
  async function warnAgainstLimits(
    organisationId: string,
    report: ImportReport,
    rows: readonly { line: number; target: CheckedTargetRow & { measureId: string }; measure: repo.MeasureRow }[],
  ) {
    const whole = rows.filter((row) => row.target.breakdownId === null);
    if (whole.length === 0) return;
    const ids = [...new Set(whole.map((row) => row.measure.id))];
    const limits = await processLimits.latestProcessLimits(db, organisationId, ids, clock.today());
    for (const { line, target, measure } of whole) {
      for (const warning of targetWarnings(measure, target, limits.get(measure.id))) {
        if (report.warnings.length >= MAX_REPORTED_ISSUES) return;
        report.warnings.push({
          line,
          column: measure.polarity === 'within-range' ? 'lower' : 'value',
          message: fill(words.measureFigures.targetCheck.imported, { warning: sayStored(warning.message) }),
        });
      }
    }
  }

  async function checkTargets(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const org = caller.organisationId;
    const report = emptyReport('targets', options);
    const issues = new Issues();
    const [measureRows, directory, current, categories, closed] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.currentTargets(db, org),
      repo.allBreakdowns(db, org),
      loadClosedPeriods(db, org),
    ]);
    const mayImport = permissionCheck(caller, importAccess(directory));
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
    const accepted: { line: number; target: CheckedTargetRow & { measureId: string }; measure: repo.MeasureRow }[] = [];
    const measuresInFile = new Set<string>();
    const changed = new Set<string>();
    for await (const batch of table.batches) {
      for (const row of batch) {
        report.rows += 1;
        const record = recordOf('targets', indexOf, row.cells);
        const measure = await measureOfRow(byCode, mayImport, issues, row.line, record.measureCode ?? '', 'targets');
        if (!measure) continue;
        const found = breakdowns.find(measure, record.breakdown ?? '', record.breakdownCode ?? '');
        if (found !== null && 'message' in found) {
          issues.add(row.line, found.column, found.message);
          continue;
        }
        const result = checkTargetRow(record, {
          ...measure,
          polarity: measure.polarity,
          frequency: measure.frequency,
        });
        if (!result.ok) {
          for (const problem of result.problems) issues.add(row.line, problem.column, problem.message);
          continue;
        }
        const target = { ...result.value, breakdownId: found ? found.category.id : null };
        const what = found
          ? phrase('importRowRefusals.measureCategory', {
              measure: measure.code,
              breakdown: found.category.dimension,
              code: found.category.code,
            })
          : measure.code;
        const slot = slotOf(measure.id, target);
        measuresInFile.add(measure.id);
        const first = seen.get(slot);
        if (first !== undefined) {
          issues.add(row.line, 'financialYear', phraseText('importRowRefusals.repeatedTarget', { first, what }));
          continue;
        }
        seen.set(slot, row.line);
        const old = currentBySlot.get(slot);
        if (old && old.value === target.value && old.lower === target.lower && old.upper === target.upper) {
          report.unchanged += 1;
          continue;
        }
        // A period's own target (a profile) cannot change once the period is closed.
        const closure = target.periodKey ? closed.refusalFor(target.periodKey) : null;
        if (closure) {
          issues.add(row.line, 'periodKey', closure);
          continue;
        }
        if (old) {
          if (target.reason === '') {
            issues.add(
              row.line,
              'reason',
              phraseText('importRowRefusals.targetReasonMissing', {
                what,
                period: target.periodKey ?? target.financialYear,
              }),
            );
            continue;
          }
          revisions.push({ ...target, measureId: measure.id, old });
        } else inserts.push({ ...target, measureId: measure.id });
        accepted.push({ line: row.line, target: { ...target, measureId: measure.id }, measure });
        changed.add(measure.id);
        // Stored statuses are for the measure as a whole: only its own targets change them.
        if (target.breakdownId === null) {
          touched.set(measure.id, {
            key: target.periodKey ?? target.financialYear,
            frequency: measure.frequency,
          });
        }
      }
    }
    report.created = inserts.length;
    report.updated = revisions.length;
    report.measures = measuresInFile.size;
    await warnAgainstLimits(org, report, accepted);
    const codes = measureRows.filter((m) => changed.has(m.id)).map((m) => m.code);
    return { report, issues, inserts, revisions, touched, codes };
  }

  // --- measures ------------------------------------------------------------------------------------

  async function runTargets(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const checked = await checkTargets(caller, table, indexOf, options);
    const org = caller.organisationId;
    return checkThenWrite(db, checked, options, async (tx, report) => {
      const profiled = [...checked.inserts, ...checked.revisions].flatMap((target) =>
        target.periodKey ? [target.periodKey] : [],
      );
      const stillOpen = await refuseIfClosedMeanwhile(tx, org, profiled);
      if (!stillOpen.ok) return stillOpen;
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
      const today = clock.today();
      for (const { old, reason, ...target } of checked.revisions) {
        if (!(await measuresRepo.supersedeTarget(tx, org, old.id, now))) {
          return refuse('conflict', phraseText('importRefusals.targetRevisedMeanwhile'));
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
      await recordImportAudit(tx, caller, 'targets', report, checked.codes);
      await recomputeStatuses(ctx, tx, org, checked.touched);
      return ok({ ...report, written: true });
    });
  }

  return runTargets;
}
