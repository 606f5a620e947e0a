import { type Phrase, phrase, phraseText } from '../../kernel/phrase.ts';
import { z } from 'zod';
import { formatMoney, type Money } from '../../kernel/money.ts';
import { optionalText, requiredText } from '../../kernel/inputs.ts';
import { ok, type DomainError, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/programme.repository.ts';
import { periodOfDate } from './domain/financial-period.ts';
import { readAmounts } from './domain/read-amounts.ts';
import {
  BORROWING_AMOUNTS,
  BORROWING_LABELS,
  RESERVE_AMOUNTS,
  RESERVE_KINDS,
  RESERVE_LABELS,
  borrowingPosition,
  checkBorrowing,
  checkReserveYear,
  reservePosition,
  reserveTotals,
  type BorrowingPosition,
  type ReservePosition,
} from './domain/reserves.ts';
import { councilWide, refuseFields, yearOk, type FieldsRefusal } from './org-access.ts';

export const reserveInput = z.object({
  name: requiredText(phrase('moneyLabels.reserveName')),
  kind: z.enum(RESERVE_KINDS, { message: phraseText('moneyRefusals.reserveKind') }),
  purpose: optionalText(phrase('moneyLabels.purpose'), 2000),
});
export type ReserveInput = z.infer<typeof reserveInput>;

export interface ReservesView {
  startYear: number;
  years: number[];
  reserves: (Omit<repo.ReserveRow, 'figures'> & { position: ReservePosition | null })[];
  general: ReservePosition;
  earmarked: ReservePosition;
  total: ReservePosition;
  borrowing: BorrowingPosition | null;
  mayEdit: boolean;
}

const said = <F extends string>(fields: readonly F[], figures: Record<F, Money>) =>
  Object.fromEntries(fields.map((field) => [field, formatMoney(figures[field])]));

type Saved = Result<{ id: string }, FieldsRefusal>;

export function createReservesService({ db, clock }: ServiceDeps) {
  /** One council-wide figures form: read the cells, check them, write and audit in one transaction. */
  async function saveFigures<F extends string>(
    caller: Caller,
    startYear: number,
    fields: readonly F[],
    labels: Record<F, Phrase>,
    cells: Record<string, string>,
    check: (figures: Record<F, Money>) => DomainError[],
    write: (
      tx: typeof db,
      figures: Record<F, Money>,
    ) => Promise<{
      id: string;
      entityType: string;
      old: Record<F, Money> | null;
      about: Record<string, unknown>;
    } | null>,
  ): Promise<Saved> {
    if (!yearOk(startYear)) return refuseFields('not_found', phraseText('notFound.financialYear'));
    const figures = readAmounts(fields, labels, cells);
    const problems = figures.ok ? check(figures.figures) : figures.errors;
    const errors = problems.map((problem) => ({ field: problem.field ?? '', message: problem.message }));
    const result = await inTransaction(db, async (tx) => {
      if (!(await councilWide(tx, caller)).mayEdit) {
        return forbidden(phraseText('moneyRefusals.councilWideReserves'));
      }
      if (!figures.ok || problems.length > 0) return refuse('invalid', problems[0]!.message);
      const written = await write(tx, figures.figures);
      if (!written) return notFound('reserve');
      await recordAudit(tx, {
        organisationId: caller.organisationId,
        actor: actorOf(caller),
        entityType: written.entityType,
        entityId: written.id,
        action: written.old ? 'update' : 'create',
        oldValue: written.old ? said(fields, written.old) : null,
        newValue: { ...written.about, startYear, ...said(fields, figures.figures) },
      });
      return ok({ id: written.id });
    });
    if (result.ok) return result;
    const code = result.error.code as FieldsRefusal['code'];
    return refuseFields(code, result.error.message, code === 'invalid' ? errors : []);
  }

  return {
    defaultYear: () => periodOfDate(clock.today()).startYear,

    async view(caller: Caller, wanted?: number): Promise<Result<ReservesView>> {
      const access = await councilWide(db, caller);
      if (!access.mayView) return forbidden(phraseText('moneyRefusals.mayNotSeeBudgets'));
      const startYear = wanted ?? periodOfDate(clock.today()).startYear;
      if (!yearOk(startYear)) return refuse('invalid', phraseText('moneyRefusals.chooseYear'));
      const rows = await repo.listReserves(db, caller.organisationId, startYear);
      const borrowing = await repo.findBorrowing(db, caller.organisationId, startYear);
      const kindTotal = (kind: string) =>
        reserveTotals(rows.filter((row) => row.kind === kind).flatMap((row) => (row.figures ? [row.figures] : [])));
      return ok({
        startYear,
        years: await repo.yearsWith(db, caller.organisationId),
        reserves: rows.map(({ figures, ...row }) => ({ ...row, position: figures ? reservePosition(figures) : null })),
        general: kindTotal('general'),
        earmarked: kindTotal('earmarked'),
        total: reserveTotals(rows.flatMap((row) => (row.figures ? [row.figures] : []))),
        borrowing: borrowing ? borrowingPosition(borrowing) : null,
        mayEdit: access.mayEdit,
      });
    },

    async createReserve(caller: Caller, input: ReserveInput): Promise<Result<{ id: string }>> {
      try {
        return await inTransaction(db, async (tx) => {
          if (!(await councilWide(tx, caller)).mayEdit)
            return forbidden(phraseText('moneyRefusals.councilWideReserveAdd'));
          const id = await repo.insertReserve(tx, caller.organisationId, input);
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'reserve',
            entityId: id,
            action: 'create',
            newValue: input,
          });
          return ok({ id });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          return refuse('duplicate', phraseText('moneyRefusals.reserveExists', { name: input.name }), 'name');
        throw error;
      }
    },

    async reserve(caller: Caller, id: string, startYear: number) {
      if (!yearOk(startYear)) return notFound('financialYear');
      const view = await this.view(caller, startYear);
      if (!view.ok) return view;
      const reserve = view.value.reserves.find((row) => row.id === id);
      if (!reserve) return notFound('reserve');
      return ok({ reserve, startYear, mayEdit: view.value.mayEdit });
    },

    async saveReserveYear(
      caller: Caller,
      id: string,
      startYear: number,
      cells: Record<string, string>,
    ): Promise<Saved> {
      return saveFigures(
        caller,
        startYear,
        RESERVE_AMOUNTS,
        RESERVE_LABELS,
        cells,
        checkReserveYear,
        async (tx, figures) => {
          const current = (await repo.listReserves(tx, caller.organisationId, startYear)).find((row) => row.id === id);
          if (!current) return null;
          const rowId = await repo.upsertReserveYear(tx, caller.organisationId, id, startYear, figures);
          return { id: rowId, entityType: 'reserve-year', old: current.figures, about: { reserve: current.name } };
        },
      );
    },

    async saveBorrowing(caller: Caller, startYear: number, cells: Record<string, string>): Promise<Saved> {
      return saveFigures(
        caller,
        startYear,
        BORROWING_AMOUNTS,
        BORROWING_LABELS,
        cells,
        checkBorrowing,
        async (tx, figures) => {
          const old = await repo.findBorrowing(tx, caller.organisationId, startYear);
          const rowId = await repo.upsertBorrowing(tx, caller.organisationId, startYear, figures);
          return { id: rowId, entityType: 'borrowing-year', old, about: {} };
        },
      );
    },
  };
}
