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
 *
 * One use case per file: import-outline.ts (the shared check-then-write outline), import-values,
 * import-breakdowns, import-targets, import-measures and export-file.
 */
import { checkHeaders, type ImportKind } from './domain/columns.ts';
import { holdsPermission } from '../../kernel/access/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import * as repo from './data/imports.repository.ts';

import { type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import { FileProblem, readTable, refuseFile, type FileFormat } from './import-files.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { StatusRecalculation } from '../collection/index.ts';
import {
  type ImportContext,
  type ImportOptions,
  type ImportReport,
  type ImportRun,
  type Table,
} from './import-outline.ts';
import { WEB_LIMITS } from './import-outline.ts';
import { createBreakdownsImport } from './import-breakdowns.ts';
import { createMeasuresImport } from './import-measures.ts';
import { createTargetsImport } from './import-targets.ts';
import { createValuesImport } from './import-values.ts';
import { exportFile } from './export-file.ts';
import type { OfficialPosition } from './ports.ts';
import type { ProcessLimitsSource } from '../measures/index.ts';
import { say } from '../../platform/words/index.ts';
import { phraseText } from '../../kernel/phrase.ts';

export { CLI_LIMITS, WEB_LIMITS, type ImportOptions, type ImportReport } from './import-outline.ts';

export function createImportExportService(
  deps: ServiceDeps & {
    statuses: StatusRecalculation;
    official: OfficialPosition;
    processLimits: ProcessLimitsSource;
  },
) {
  const { db, clock } = deps;
  const context: ImportContext = { db, clock, statuses: deps.statuses, processLimits: deps.processLimits };
  const run: Record<ImportKind, ImportRun> = {
    values: createValuesImport(context),
    targets: createTargetsImport(context),
    breakdowns: createBreakdownsImport(context),
    measures: createMeasuresImport(context),
  };

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
          organisationSlug
            ? phraseText('importRefusals.noPersonWithEmailIn', { email, organisation: organisationSlug })
            : phraseText('importRefusals.noPersonWithEmail', { email }),
        );
      if (matches.length > 1) {
        return refuse(
          'invalid',
          phraseText('importRefusals.personInManyOrganisations', {
            email,
            organisations: matches.map((m) => m.slug).join(', '),
          }),
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
      if (!holdsPermission(caller, 'import:data')) return forbidden(phraseText('importRefusals.mayNotImport'));
      let table: Table;
      try {
        table = await readTable(bytes, options.format, options.limits ?? WEB_LIMITS);
      } catch (error) {
        if (error instanceof FileProblem) return refuseFile(error);
        throw error;
      }
      const headers = checkHeaders(kind, table.header);
      if (headers.problems.length > 0)
        return refuse('invalid', headers.problems.map((problem) => say(problem)).join('. '), 'file');
      try {
        return await run[kind](caller, table, headers.indexOf, options);
      } catch (error) {
        if (error instanceof FileProblem) return refuseFile(error);
        throw error;
      }
    },

    /** The active measures, breakdown categories, current targets or values the caller may see (export-file.ts), as a file the import reads back. */
    exportFile: (caller: Caller, kind: ImportKind, format: FileFormat) =>
      exportFile({ db, clock, official: deps.official }, caller, kind, format),
  };
}
