/** Controls on a risk (add, change) and moving a risk between registers (escalation, de-escalation), with a reason. */
import { and, eq } from 'drizzle-orm';
import { phrase } from '../../kernel/phrase.ts';
import { fail, ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { notFound } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { movementBetween, type ControlInput, type MoveInput } from './domain/index.ts';
import { riskControls, riskEvents, risks } from './data/risks.schema.ts';
import { mayEdit, ownerProblem, refusal, registerOf } from './risk-checks.ts';
import { riskForChange } from './risks.service.ts';

export function createRiskChangesService({ db, clock }: ServiceDeps) {
  return {
    async addControl(caller: Caller, riskId: string, input: ControlInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await riskForChange(tx, caller, riskId);
        if (!found.ok) return fail(found.error);
        const owner = await ownerProblem(tx, caller.organisationId, input.ownerPersonId, 'ownerPersonId');
        if (owner) return fail(owner);
        const [row] = await tx
          .insert(riskControls)
          .values({ organisationId: caller.organisationId, riskId, ...input, createdAt: clock() })
          .returning({ id: riskControls.id });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk-control',
          entityId: row!.id,
          action: 'create',
          newValue: { riskId, ...input },
        });
        return ok({ id: row!.id });
      });
    },

    async editControl(
      caller: Caller,
      riskId: string,
      controlId: string,
      input: ControlInput,
    ): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await riskForChange(tx, caller, riskId);
        if (!found.ok) return fail(found.error);
        const [before] = /^[0-9a-f-]{36}$/i.test(controlId)
          ? await tx
              .select()
              .from(riskControls)
              .where(
                and(
                  eq(riskControls.organisationId, caller.organisationId),
                  eq(riskControls.riskId, riskId),
                  eq(riskControls.id, controlId),
                ),
              )
          : [];
        if (!before) return notFound('control');
        const owner = await ownerProblem(tx, caller.organisationId, input.ownerPersonId, 'ownerPersonId');
        if (owner) return fail(owner);
        await tx.update(riskControls).set(input).where(eq(riskControls.id, controlId));
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk-control',
          entityId: controlId,
          action: 'update',
          oldValue: {
            description: before.description,
            ownerPersonId: before.ownerPersonId,
            effectiveness: before.effectiveness,
          },
          newValue: input,
        });
        return ok({ id: controlId });
      });
    },

    /**
     * Moves a risk to another register with a reason: up (escalate) or down (de-escalate) as asked.
     * The risk keeps its reference, assessments and controls; the move is kept in its events.
     * Changing both registers needs edit rights over each.
     */
    async move(
      caller: Caller,
      riskId: string,
      input: MoveInput,
      direction: 'escalate' | 'de-escalate',
    ): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await riskForChange(tx, caller, riskId);
        if (!found.ok) return fail(found.error);
        if (found.risk.status === 'closed') return fail(refusal('invalid_state', phrase('risks.errors.closed')));
        const target = await registerOf(tx, caller.organisationId, input.registerId);
        if (!target.ok) return fail(target.error);
        const to = target.register;
        if (to.id === found.risk.registerId) {
          return fail(refusal('invalid', phrase('risks.errors.sameRegister', { register: to.name }), 'registerId'));
        }
        const movement = movementBetween(found.risk.registerLevel, to.level);
        if (movement !== direction) {
          const code = direction === 'escalate' ? 'risks.errors.notHigher' : 'risks.errors.notLower';
          return fail(refusal('invalid', phrase(code, { register: to.name }), 'registerId'));
        }
        if (!(await mayEdit(tx, caller, to.unitId)))
          return fail(refusal('forbidden', phrase('risks.errors.notAllowed')));
        await tx.update(risks).set({ registerId: to.id }).where(eq(risks.id, riskId));
        const kind = direction === 'escalate' ? 'escalated' : 'de-escalated';
        await tx.insert(riskEvents).values({
          organisationId: caller.organisationId,
          riskId,
          kind,
          fromRegisterId: found.risk.registerId,
          toRegisterId: to.id,
          reason: input.reason,
          byPersonId: caller.personId,
          byName: caller.name,
          at: clock(),
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'risk',
          entityId: riskId,
          action: direction,
          oldValue: { registerId: found.risk.registerId },
          newValue: { registerId: to.id },
          reason: input.reason,
        });
        return ok({ id: riskId });
      });
    },
  };
}
