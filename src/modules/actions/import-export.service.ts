/**
 * Actions in and out of spreadsheets (CSV or XLSX). An import is checked in full first, every bad
 * row reported with its line and column, and written only when every row is good: all of it in one
 * transaction with one audit row. The export writes the same columns (plus status), with text that
 * looks like a formula guarded in CSV.
 */
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import {
  FileProblem,
  type FileFormat,
  readTable,
  WEB_LIMITS,
  writeCsv,
  writeXlsx,
  XLSX_MIME,
} from '../imports/index.ts';
import { actionInput } from './domain/index.ts';
import * as repo from './data/actions.repository.ts';
import { mayEditAt, mayRead, readablePlans } from './action-access.ts';
import { summaryOf } from './action-view.ts';
import { loadDeliverySettings } from './delivery-settings.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { fill, words } from '../../platform/words/index.ts';

/** The columns, in order: an export can be edited and imported back (new codes only). */
export const ACTION_COLUMNS = [
  'code',
  'title',
  'description',
  'plan',
  'owner_email',
  'escalation_owner_email',
  'start_date',
  'due_date',
  'key',
  'item_codes',
  'measure_codes',
] as const;
const REQUIRED = new Set(['code', 'title', 'plan', 'owner_email', 'escalation_owner_email', 'start_date', 'due_date']);
const EXPORT_ONLY = ['revised_due_date', 'percent_complete', 'status', 'derived_status', 'overdue'] as const;

/** The summary of a refused file, in words (the API's problem and the page's error summary). */
export function importRefused(count: number): string {
  return count === 1 ? words.actionFlash.importRefusedOne : fill(words.actionFlash.importRefused, { count });
}

export interface RowError {
  line: number;
  column: string;
  message: string;
}

export interface ActionImportReport {
  created: number;
  errors: RowError[];
}

/** A schema field's column name, for the row error. */
const COLUMN_OF: Record<string, string> = {
  planId: 'plan',
  ownerPersonId: 'owner_email',
  escalationOwnerPersonId: 'escalation_owner_email',
  startDate: 'start_date',
  dueDate: 'due_date',
  itemIds: 'item_codes',
  measureIds: 'measure_codes',
  isKey: 'key',
};

const list = (cell: string) =>
  cell
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function createActionsImportExportService({ db, clock }: ServiceDeps) {
  return {
    async exportActions(
      caller: Caller,
      format: FileFormat,
    ): Promise<Result<{ fileName: string; contentType: string; body: Buffer }>> {
      // Like the list, someone who may read no actions (a partner) gets none: the headers only.
      const org = caller.organisationId;
      const [{ rows, emails, items, measures }, settings] = await Promise.all([
        repo.exportRows(db, org),
        loadDeliverySettings(db, org),
      ]);
      const today = clock.today();
      const readable = await readablePlans(
        db,
        caller,
        rows.map((r) => r.planId),
      );
      const headers = [...ACTION_COLUMNS, ...EXPORT_ONLY];
      const cells = rows
        .filter((row) => mayRead(caller) && readable.has(row.planId))
        .map((row) => {
          const view = summaryOf(row, settings, today);
          return [
            row.code,
            row.title,
            row.description,
            row.planTitle,
            emails.get(row.ownerPersonId) ?? '',
            emails.get(row.escalationOwnerPersonId) ?? '',
            row.startDate,
            row.originalDueDate,
            row.isKey ? 'yes' : 'no',
            (items.get(row.id) ?? []).join('; '),
            (measures.get(row.id) ?? []).join('; '),
            row.revisedDueDate ?? '',
            row.percentComplete,
            view.status,
            view.derivedStatus,
            view.overdue ? 'yes' : 'no',
          ];
        });
      const body = format === 'csv' ? writeCsv(headers, cells) : await writeXlsx('Actions', headers, cells);
      return ok({
        fileName: `actions-${today}.${format}`,
        contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME,
        body,
      });
    },

    /** Checks every row; writes all of them in one transaction only when none has an error. */
    async importActions(caller: Caller, bytes: Buffer, format: FileFormat): Promise<Result<ActionImportReport>> {
      if (!mayRead(caller)) return forbidden(phraseText('actionRefusals.cannotImport'));
      const org = caller.organisationId;
      let table;
      try {
        table = await readTable(bytes, format, WEB_LIMITS);
      } catch (error) {
        if (error instanceof FileProblem) return refuse('invalid', error.message, 'file');
        throw error;
      }
      const header = table.header.map((h) => h.trim().toLowerCase());
      const missing = [...REQUIRED].filter((c) => !header.includes(c));
      if (missing.length)
        return refuse(
          'invalid',
          phraseText(missing.length === 1 ? 'actionImport.missingColumn' : 'actionImport.missingColumns', {
            columns: missing.join(', '),
          }),
          'file',
        );
      const dir = await repo.importDirectory(db, org);
      const personByEmail = new Map(dir.people.map((p) => [p.email.toLowerCase(), p]));
      const planByTitle = new Map(dir.plans.map((p) => [p.title.toLowerCase(), p]));
      const measureByCode = new Map(dir.measures.map((m) => [m.code.toLowerCase(), m.id]));
      const taken = new Set(dir.codes.map((c) => c.toLowerCase()));
      const errors: RowError[] = [];
      const good: { line: number; input: ReturnType<typeof actionInput.parse>; unitId: string }[] = [];
      const mayAt = new Map<string, boolean>();
      for await (const batch of table.batches) {
        for (const row of batch) {
          const cell = (name: string) => (row.cells[header.indexOf(name)] ?? '').trim();
          const rowErrors: RowError[] = [];
          const fail = (column: string, message: string) => rowErrors.push({ line: row.line, column, message });
          const plan = planByTitle.get(cell('plan').toLowerCase());
          if (!plan) fail('plan', phraseText('actionImport.noPlan', { plan: cell('plan') }));
          const person = (column: string) => {
            const found = personByEmail.get(cell(column).toLowerCase());
            if (!found) fail(column, phraseText('actionImport.noPerson', { email: cell(column) }));
            else if (found.status !== 'active')
              fail(column, phraseText('actionImport.personLeft', { name: found.name }));
            return found?.id ?? '';
          };
          const itemIds = list(cell('item_codes')).map((code) => {
            const found = dir.items.find((i) => i.planId === plan?.id && i.code.toLowerCase() === code.toLowerCase());
            if (!found && plan) fail('item_codes', phraseText('actionImport.noItem', { plan: plan.title, code }));
            return found?.id ?? '';
          });
          const measureIds = list(cell('measure_codes')).map((code) => {
            const found = measureByCode.get(code.toLowerCase());
            if (!found) fail('measure_codes', phraseText('actionImport.noMeasure', { code }));
            return found ?? '';
          });
          const raw = {
            planId: plan?.id ?? '00000000-0000-0000-0000-000000000000',
            code: cell('code'),
            title: cell('title'),
            description: cell('description'),
            ownerPersonId: person('owner_email') || '00000000-0000-0000-0000-000000000000',
            escalationOwnerPersonId: person('escalation_owner_email') || '00000000-0000-0000-0000-000000000000',
            startDate: cell('start_date'),
            dueDate: cell('due_date'),
            isKey: ['yes', 'true', 'y'].includes(cell('key').toLowerCase()),
            itemIds: itemIds.filter(Boolean),
            measureIds: measureIds.filter(Boolean),
            assigneeIds: [],
          };
          const parsed = actionInput.safeParse(raw);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const field = String(issue.path[0] ?? 'row');
              fail(COLUMN_OF[field] ?? field, issue.message);
            }
          }
          const code = cell('code').toLowerCase();
          if (code && taken.has(code)) fail('code', phraseText('actionRefusals.duplicateCode', { code: cell('code') }));
          taken.add(code);
          if (plan && !mayAt.has(plan.owningUnitId))
            mayAt.set(plan.owningUnitId, await mayEditAt(db, caller, plan.owningUnitId));
          if (plan && !mayAt.get(plan.owningUnitId))
            fail('plan', phraseText('actionRefusals.cannotAddTo', { plan: plan.title }));
          if (rowErrors.length) errors.push(...rowErrors);
          else if (parsed.success && plan) good.push({ line: row.line, input: parsed.data, unitId: plan.owningUnitId });
        }
      }
      if (errors.length) return ok({ created: 0, errors });
      if (good.length === 0) return refuse('invalid', phraseText('actionImport.empty'), 'file');
      return inTransaction(db, async (tx) => {
        const actor = actorOf(caller);
        for (const { input } of good) {
          const row = await repo.insertAction(tx, {
            organisationId: org,
            planId: input.planId,
            code: input.code,
            title: input.title,
            description: input.description,
            ownerPersonId: input.ownerPersonId,
            escalationOwnerPersonId: input.escalationOwnerPersonId,
            startDate: input.startDate,
            originalDueDate: input.dueDate,
            isKey: input.isKey,
          });
          await repo.replaceLinks(tx, org, row.id, input);
          await repo.insertEvent(tx, {
            organisationId: org,
            actionId: row.id,
            kind: 'created',
            detail: { import: true },
            byPersonId: actor.personId,
            byLabel: actor.label,
          });
        }
        await recordAudit(tx, {
          organisationId: org,
          actor,
          entityType: 'action-import',
          entityId: org,
          action: 'import',
          newValue: { actions: good.map((g) => g.input.code) },
        });
        return ok({ created: good.length, errors: [] });
      });
    },
  };
}
