/** Risk registers: list, read with their risks and heat maps (now and at the previous quarter's end), create, change. */
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { fail, ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { heatMapOf, previousQuarterEnd, type HeatMap, type RegisterInput } from './domain/index.ts';
import { findUnit, listRegisters, loadRisks, ratingsAt, type RegisterRow } from './data/risks.repository.ts';
import { riskRegisters } from './data/risks.schema.ts';
import { mayEdit, mayRead, ownerProblem, refusal } from './risk-checks.ts';
import { loadRiskContext, matchesFilters, riskViewOf, type RiskFilters, type RiskView } from './risk-view.ts';
import { eq } from 'drizzle-orm';

export interface RegisterSummary extends RegisterRow {
  openRisks: number;
  beyondAppetite: number;
  reviewsOverdue: number;
}

export interface RegisterPage {
  register: RegisterRow;
  risks: RiskView[];
  heatMap: { now: HeatMap; previous: HeatMap; previousOn: string; today: string; matrixVersion: number };
  canEdit: boolean;
}

export function createRegistersService({ db, clock }: ServiceDeps) {
  async function check(tx: typeof db, caller: Caller, input: RegisterInput) {
    const unit = await findUnit(tx, caller.organisationId, input.unitId);
    if (!unit) return refusal('not_found', phrase('risks.errors.unitNotFound'), 'unitId');
    if (!(await mayEdit(tx, caller, input.unitId))) return refusal('forbidden', phrase('risks.errors.notAllowed'));
    return ownerProblem(tx, caller.organisationId, input.ownerPersonId, 'ownerPersonId');
  }

  return {
    async list(caller: Caller): Promise<Result<RegisterSummary[]>> {
      if (!mayRead(caller)) return forbidden(phraseText('risks.errors.notAllowedToSee'));
      const organisationId = caller.organisationId;
      const [registers, rows, context] = await Promise.all([
        listRegisters(db, organisationId),
        loadRisks(db, organisationId),
        loadRiskContext(db, organisationId, clock.today()),
      ]);
      const views = rows.map((r) => riskViewOf(r, context)).filter((r) => r.status === 'open');
      return ok(
        registers.map((register) => {
          const mine = views.filter((v) => v.registerId === register.id);
          return {
            ...register,
            openRisks: mine.length,
            beyondAppetite: mine.filter((v) => v.beyondAppetite).length,
            reviewsOverdue: mine.filter((v) => v.reviewOverdue).length,
          };
        }),
      );
    },

    async get(caller: Caller, registerId: string, filters: RiskFilters = {}): Promise<Result<RegisterPage>> {
      if (!mayRead(caller)) return forbidden(phraseText('risks.errors.notAllowedToSee'));
      const organisationId = caller.organisationId;
      const register = (await listRegisters(db, organisationId)).find((r) => r.id === registerId);
      if (!register) return notFound('riskRegister');
      const today = clock.today();
      const previousOn = previousQuarterEnd(today);
      const [rows, context, previousRatings, canEdit] = await Promise.all([
        loadRisks(db, organisationId, { registerId }),
        loadRiskContext(db, organisationId, today),
        ratingsAt(db, organisationId, registerId, previousOn),
        mayEdit(db, caller, register.unitId),
      ]);
      const views = rows.map((r) => riskViewOf(r, context));
      const open = views.filter((v) => v.status === 'open');
      const matrix = context.current.matrix;
      return ok({
        register,
        risks: views.filter((v) => matchesFilters(v, { ...filters, registerId })),
        heatMap: {
          now: heatMapOf(
            matrix,
            open.map((v) => v.current),
          ),
          previous: heatMapOf(matrix, previousRatings),
          previousOn,
          today,
          matrixVersion: context.current.version,
        },
        canEdit,
      });
    },

    async create(caller: Caller, input: RegisterInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const problem = await check(tx, caller, input);
        if (problem) return fail(problem);
        const [row] = await tx
          .insert(riskRegisters)
          .values({ organisationId: caller.organisationId, ...input })
          .returning({ id: riskRegisters.id });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk-register',
          entityId: row!.id,
          action: 'create',
          newValue: input,
        });
        return ok({ id: row!.id });
      });
    },

    async update(caller: Caller, registerId: string, input: RegisterInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const before = (await listRegisters(tx, caller.organisationId)).find((r) => r.id === registerId);
        if (!before) return notFound('riskRegister');
        if (!(await mayEdit(tx, caller, before.unitId)))
          return fail(refusal('forbidden', phrase('risks.errors.notAllowed')));
        const problem = await check(tx, caller, input);
        if (problem) return fail(problem);
        await tx.update(riskRegisters).set(input).where(eq(riskRegisters.id, registerId));
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk-register',
          entityId: registerId,
          action: 'update',
          oldValue: before,
          newValue: input,
        });
        return ok({ id: registerId });
      });
    },
  };
}
