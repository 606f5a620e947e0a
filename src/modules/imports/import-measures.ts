/** Importing measure definitions: new measures, and changes to existing ones. */
import { recordOf } from './domain/columns.ts';
import { definingChanges, unstableDefinitionRefusal, type MeasureDefinition } from '../measures/domain/index.ts';
import { measuresRepository as measuresRepo } from '../measures/index.ts';
import { refuse } from '../../platform/services/errors.ts';
import { checkMeasureRow } from './domain/rows.ts';
import { ok } from '../../kernel/result.ts';
import { phraseText } from '../../kernel/phrase.ts';
import * as repo from './data/imports.repository.ts';

import { type Caller } from '../../platform/services/caller.ts';
import {
  Issues,
  type ImportContext,
  type ImportOptions,
  type ImportRun,
  type Table,
  emptyReport,
  importAccess,
  permissionCheck,
  recordImportAudit,
  rowsOf,
  stableJson,
  checkThenWrite,
} from './import-outline.ts';

export function createMeasuresImport(ctx: ImportContext): ImportRun {
  const { db, clock } = ctx;

  async function checkMeasures(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const org = caller.organisationId;
    const report = emptyReport('measures', options);
    const issues = new Issues();
    const [measureRows, directory, staff] = await Promise.all([
      repo.allMeasures(db, org),
      repo.unitDirectory(db, org),
      repo.peopleDirectory(db, org),
    ]);
    const mayImport = permissionCheck(caller, importAccess(directory));
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
        issues.add(row.line, 'ownerEmail', phraseText('importRowRefusals.noPerson', { email: ownerEmail }));
        problems += 1;
      }
      const verifier = verifierEmail === '' ? undefined : personByEmail.get(verifierEmail.toLowerCase());
      if (verifierEmail !== '' && !verifier) {
        issues.add(row.line, 'verifierEmail', phraseText('importRowRefusals.noPerson', { email: verifierEmail }));
        problems += 1;
      }
      const unit = ownerUnitCode === '' ? undefined : unitByCode.get(ownerUnitCode.toLowerCase());
      if (ownerUnitCode !== '' && !unit) {
        issues.add(row.line, 'ownerUnitCode', phraseText('importRowRefusals.noUnit', { code: ownerUnitCode }));
        problems += 1;
      }
      const first = seen.get(definition.code.toLowerCase());
      if (first !== undefined) {
        issues.add(row.line, 'code', phraseText('importRowRefusals.repeatedMeasure', { first, code: definition.code }));
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
      if (!(await mayImport(resolved.ownerUnitId))) {
        issues.add(
          row.line,
          'ownerUnitCode',
          unit
            ? phraseText('importRowRefusals.mayNotImportForUnit', { code: unit.code })
            : phraseText('importRowRefusals.mayNotImportForCouncil'),
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
        issues.add(row.line, 'code', phraseText('importRowRefusals.retiredMeasure', { code: existing.code }));
        continue;
      }
      if (!(await mayImport(existing.ownerUnitId))) {
        issues.add(row.line, 'code', phraseText('importRowRefusals.mayNotChangeMeasure', { code: existing.code }));
        continue;
      }
      // A stable definition: what a measure counts and how it is judged cannot change under its values.
      const defining = definingChanges(existing, resolved);
      if (defining.length > 0 && (await measuresRepo.recentValues(db, org, existing.id, 1)).length > 0) {
        issues.add(row.line, defining[0]!, unstableDefinitionRefusal(defining, existing.code));
        continue;
      }
      updates.push({ definition: resolved, existing });
    }
    report.created = inserts.length;
    report.updated = updates.length;
    report.measures = inserts.length + updates.length + report.unchanged;
    return { report, issues, inserts, updates };
  }

  async function runMeasures(caller: Caller, table: Table, indexOf: Map<string, number>, options: ImportOptions) {
    const checked = await checkMeasures(caller, table, indexOf, options);
    const org = caller.organisationId;
    return checkThenWrite(db, checked, options, async (tx, report) => {
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
          return refuse('conflict', phraseText('importRefusals.measureChangedMeanwhile', { code: existing.code }));
      }
      await recordImportAudit(
        tx,
        caller,
        'measures',
        report,
        [...checked.inserts, ...checked.updates.map((u) => u.definition)].map((d) => d.code),
      );
      return ok({ ...report, written: true });
    });
  }

  return runMeasures;
}
