/**
 * The register as a spreadsheet: exported as CSV (formula-guarded) or XLSX, and imported from
 * either. An import is checked row by row in full first; every bad row is reported with its row
 * and column, and nothing is written unless every row is good, then all in one transaction.
 */
import { phrase, phraseText, storePhrase, type Phrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { writeCsv } from '../../platform/files/csv.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { FileProblem, readTable, writeXlsx, type FileFormat } from '../imports/index.ts';
import type { Db } from '../../platform/db/db.ts';
import * as repo from './data/recommendations.repository.ts';
import {
  COLUMN_OF_FIELD,
  EXPORT_HEADERS,
  headerOf,
  IMPORT_COLUMNS,
  locateColumns,
  type ImportColumnKey,
} from './domain/file-columns.ts';
import { recommendationInput, type RecommendationInput } from './domain/inputs.ts';
import { ageingOf } from './domain/rules.ts';
import { PRIORITIES, RESPONSES } from './domain/vocabulary.ts';
import { historyPhrase } from './recommendation-checks.ts';
import { checkNew, valuesOf } from './recommendations.service.ts';

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportOutcome {
  imported: number;
  errors: RowError[];
}

export const FILE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 5000 };

/** Every column the header row lacks, one sentence each, as one phrase ("… column (…). … column (…)"). */
function missingColumns(missing: readonly string[]): Phrase {
  // Only called when the header lacks a column, so there is at least one sentence to join.
  return missing
    .map((column) => phrase('recommendations.file.columnMissing', { column }))
    .reduce((said, next) => phrase('recommendations.file.andThen', { first: said, rest: next }));
}

/** "Partly accepted", "PARTLY-ACCEPTED" and "partly-accepted" are the same answer. */
const asCode = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '-');

function oneOf(value: string, allowed: readonly string[]): string {
  const code = asCode(value);
  return allowed.includes(code) ? code : value;
}

interface Lookups {
  reports: Map<string, repo.ReportRow>;
  people: Map<string, { id: string; name: string; status: string }>;
  units: Map<string, string>;
}

async function lookups(db: Db, organisationId: string): Promise<Lookups> {
  const [reports, people, units] = await Promise.all([
    repo.listReports(db, organisationId),
    repo.allPeople(db, organisationId),
    repo.activeUnits(db, organisationId),
  ]);
  const byReport = new Map<string, repo.ReportRow>();
  for (const report of reports) {
    byReport.set(report.title.trim().toLowerCase(), report);
    if (report.reference.trim()) byReport.set(report.reference.trim().toLowerCase(), report);
  }
  return {
    reports: byReport,
    people: new Map(people.map((person) => [person.email.toLowerCase(), person])),
    units: new Map(units.map((unit) => [unit.code.toLowerCase(), unit.id])),
  };
}

export function createRecommendationFilesService({ db, clock }: ServiceDeps) {
  /** One row as a recommendation's input, or its errors (each naming its column). */
  function parseRow(
    cells: readonly string[],
    at: Record<ImportColumnKey, number | undefined>,
    found: Lookups,
    line: number,
  ): { input: RecommendationInput; reportDate: string } | RowError[] {
    const cell = (key: ImportColumnKey) => {
      const index = at[key];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const errors: RowError[] = [];
    const error = (key: ImportColumnKey, message: string) => errors.push({ row: line, column: headerOf(key), message });
    const report = found.reports.get(cell('report').toLowerCase());
    if (!report) error('report', phraseText('recommendations.file.unknownReport', { value: cell('report') }));
    const person = found.people.get(cell('owner').toLowerCase());
    if (!person) error('owner', phraseText('recommendations.file.unknownPerson', { value: cell('owner') }));
    else if (person.status !== 'active')
      error('owner', phraseText('recommendations.file.leftPerson', { value: person.name }));
    const unitCode = cell('unit');
    const unitId = unitCode ? found.units.get(unitCode.toLowerCase()) : null;
    if (unitId === undefined) error('unit', phraseText('recommendations.file.unknownUnit', { value: unitCode }));
    // An unknown report or owner is already reported against its column above; the nil id stands in
    // so the schema reports only what else is wrong with the row.
    const parsed = recommendationInput.safeParse({
      reportId: report?.id ?? '00000000-0000-0000-0000-000000000000',
      reference: cell('reference'),
      priority: oneOf(cell('priority'), PRIORITIES),
      text: cell('text'),
      ownerPersonId: person?.id ?? '00000000-0000-0000-0000-000000000000',
      unitId: unitId ?? '',
      dueDate: cell('dueDate'),
      response: cell('response') ? oneOf(cell('response'), RESPONSES) : '',
      responseReason: cell('responseReason'),
      agreedAction: cell('agreedAction'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = COLUMN_OF_FIELD[String(issue.path[0])];
        if (key && !errors.some((existing) => existing.column === headerOf(key))) error(key, issue.message);
      }
    }
    if (errors.length > 0 || !parsed.success || !report) return errors;
    return { input: parsed.data, reportDate: report.reportDate };
  }

  return {
    async importFile(caller: Caller, bytes: Buffer, format: FileFormat): Promise<Result<ImportOutcome>> {
      let table: Awaited<ReturnType<typeof readTable>>;
      const rows: { line: number; cells: string[] }[] = [];
      try {
        table = await readTable(bytes, format, FILE_LIMITS);
        for await (const batch of table.batches) rows.push(...batch);
      } catch (problem) {
        if (problem instanceof FileProblem) return refuse('invalid', problem.message, 'file');
        throw problem;
      }
      const columns = locateColumns(table.header);
      if (!columns.ok) {
        return refuse('invalid', storePhrase(missingColumns(columns.missing)), 'file');
      }
      if (rows.length === 0) return refuse('invalid', phraseText('recommendations.file.noRows'), 'file');
      return inTransaction(db, async (tx) => {
        const found = await lookups(tx, caller.organisationId);
        const errors: RowError[] = [];
        const good: RecommendationInput[] = [];
        for (const row of rows) {
          const parsed = parseRow(row.cells, columns.at, found, row.line);
          if (Array.isArray(parsed)) {
            errors.push(...parsed);
            continue;
          }
          // The same checks as a recommendation typed in: dates, response, who may change the unit.
          const checked = await checkNew(tx, caller, parsed.input, parsed.reportDate);
          if (!checked.ok) {
            const key = COLUMN_OF_FIELD[checked.error.field ?? ''] ?? 'report';
            errors.push({ row: row.line, column: headerOf(key), message: checked.error.message });
            continue;
          }
          good.push(parsed.input);
        }
        // Nothing is written when any row is wrong: the outcome lists every error instead.
        if (errors.length > 0) return ok({ imported: 0, errors });
        const created = await repo.insertRecommendations(
          tx,
          good.map((input) => valuesOf(caller.organisationId, input)),
        );
        await repo.insertHistory(
          tx,
          created.map((row) => ({
            organisationId: caller.organisationId,
            recommendationId: row.id,
            kind: 'created',
            summary: historyPhrase('created'),
            actorLabel: caller.name,
          })),
        );
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'recommendation',
          entityId: caller.organisationId,
          action: 'import',
          newValue: { count: created.length, ids: created.map((row) => row.id) },
        });
        return ok({ imported: created.length, errors: [] });
      });
    },

    /** The register as a file: the rows the list's filters select (all of them with none). */
    async exportFile(
      caller: Caller,
      format: FileFormat,
      filter: repo.RegisterFilter = {},
    ): Promise<{ body: Buffer; fileName: string }> {
      const rows = await repo.listRecommendations(db, caller.organisationId, filter);
      const emails = new Map((await repo.allPeople(db, caller.organisationId)).map((p) => [p.id, p.email]));
      const unitCodes = new Map((await repo.activeUnits(db, caller.organisationId)).map((u) => [u.id, u.code]));
      const today = clock.today();
      const cells = rows.map((row) => {
        const ageing = ageingOf(
          { raisedOn: row.reportDate, dueDate: row.dueDate, status: row.status, finishedOn: row.finishedOn },
          today,
        );
        return [
          row.reportReference || row.reportTitle,
          row.reference,
          row.priority,
          row.text,
          emails.get(row.ownerPersonId) ?? '',
          row.unitId ? (unitCodes.get(row.unitId) ?? '') : '',
          row.dueDate ?? '',
          row.response ?? '',
          row.responseReason,
          row.agreedAction,
          row.source,
          row.reportDate,
          row.originalDueDate ?? '',
          row.status,
          ageing.daysOpen,
          ageing.daysOverdue,
          row.closureEvidence,
          row.closureLink,
        ];
      });
      const fileName = `recommendations-${today}.${format}`;
      const body =
        format === 'csv' ? writeCsv(EXPORT_HEADERS, cells) : await writeXlsx('Recommendations', EXPORT_HEADERS, cells);
      return { body, fileName };
    },
  };
}

/** The column headers an import file needs, for the page that explains the format. */
export const importHeaders = IMPORT_COLUMNS.map((column) => ({ header: column.header, required: column.required }));
