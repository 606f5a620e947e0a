/** Exporting measures, breakdown categories, current targets or values as a file the import reads back. */
import { holdsPermission } from '../../kernel/access/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import { phraseText } from '../../kernel/phrase.ts';
import * as repo from './data/imports.repository.ts';
import type { OfficialPosition } from './ports.ts';

import { COLUMNS, type ImportKind } from './domain/columns.ts';
import { ancestryIn, exportScope, exportsValue, type ExportScope } from './domain/export-scope.ts';
import { writeCsv, writeXlsx, XLSX_MIME, type FileFormat } from './import-files.ts';
import { plainNumber } from './import-outline.ts';

/** Which measures, and whose drafts, the caller may export (domain/export-scope.ts). */
async function scopeOf(db: Db, caller: Caller): Promise<ExportScope> {
  const org = caller.organisationId;
  const [measures, units, assigned] = await Promise.all([
    repo.activeMeasuresForScope(db, org),
    repo.unitDirectory(db, org),
    repo.assignedMeasureIds(db, org, caller.personId),
  ]);
  // One access policy over the unit list just read: each unit's ancestry walked once, in memory.
  const ancestryOf = ancestryIn(units);
  const access = createAccessPolicy(async (_organisationId, unitId) => ancestryOf(unitId));
  return exportScope(caller, measures, access, assigned);
}

/**
 * The active measures, their breakdown categories, current targets or values that the caller may
 * see, as a file the import reads back: measures of the units they may view, and only official
 * values unless they may see the measure's drafts. The web, the API and the command line all come
 * here with the person's own grants.
 */
export async function exportFile(
  { db, clock, official }: { db: Db; clock: Clock; official: OfficialPosition },
  caller: Caller,
  kind: ImportKind,
  format: FileFormat,
): Promise<Result<{ body: Buffer; fileName: string; contentType: string }>> {
  if (!holdsPermission(caller, 'view:organisation')) return forbidden(phraseText('importRefusals.mayNotExport'));
  const org = caller.organisationId;
  const scope = await scopeOf(db, caller);
  const inScope = (measureId: string) => scope.measures.has(measureId);
  const headers = COLUMNS[kind].map((column) => column.header);
  let rows: unknown[][];
  if (kind === 'measures') {
    rows = (await repo.measuresForExport(db, org))
      .filter(({ measure }) => inScope(measure.id))
      .map(({ measure, ownerEmail, verifierEmail, ownerUnitCode }) => {
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
          allowsInPeriodEstimate: measure.allowsInPeriodEstimate ? 'true' : 'false',
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
    rows = (await repo.breakdownsForExport(db, org))
      .filter(({ breakdown }) => inScope(breakdown.measureId))
      .map(({ breakdown, code }) => [
        code,
        breakdown.dimension,
        breakdown.code,
        breakdown.label,
        String(breakdown.position),
      ]);
  } else if (kind === 'targets') {
    rows = (await repo.targetsForExport(db, org))
      .filter(({ target }) => inScope(target.measureId))
      .map(({ target, code, breakdown, breakdownCode }) => [
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
    const officialFrom = await official.officialFrom(db, org);
    rows = (await repo.valuesForExport(db, org))
      .filter((value) => exportsValue(scope, value.measureId, value.status, officialFrom))
      .map((value) => [
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
  const fileName = `${kind}-${clock.today()}.${format}`;
  if (format === 'csv') return ok({ body: writeCsv(headers, rows), fileName, contentType: 'text/csv; charset=utf-8' });
  return ok({ body: await writeXlsx(kind, headers, rows), fileName, contentType: XLSX_MIME });
}
