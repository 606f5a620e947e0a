import { and, eq, isNull } from 'drizzle-orm';
import { phraseText } from '../../kernel/phrase.ts';
import { rolePhrase } from '../../kernel/access/index.ts';
import type { RoleAssignmentInput } from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as partnersRepo from './data/partners.repository.ts';
import * as peopleRepo from './data/people.repository.ts';
import * as rolesRepo from './data/roles.repository.ts';
import * as unitsRepo from './data/units.repository.ts';
import { accessPolicyIn, holdsMoreRights, recordRefusal, roleBeyondCaller } from './access.ts';
import { roleAssignments } from './data/access.schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { type DomainError, forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

export type RoleAssignment = rolesRepo.RoleAssignmentRow;
export type RoleAssignmentDetail = rolesRepo.RoleAssignmentDetail;

export function createRolesService({ db, clock }: ServiceDeps) {
  /** Roles are granted within the units the caller administers; whole-organisation roles need a whole-organisation grant. */
  async function mayGrantAt(tx: Db, caller: Caller, unitId: string | null): Promise<boolean> {
    return accessPolicyIn(tx).can(caller, 'manage:roles', { unitId });
  }

  /** people.partner_id follows the person's partner role assignments still in force. */
  async function syncPartnerOfPerson(tx: Db, organisationId: string, personId: string): Promise<void> {
    const active = await rolesRepo.activeAssignmentsOfPerson(tx, organisationId, personId);
    const partnerId = active.find((assignment) => assignment.role === 'partner' && assignment.partnerId)?.partnerId;
    await peopleRepo.updatePerson(tx, organisationId, personId, { partnerId: partnerId ?? null });
  }

  /**
   * The person holds no role beyond the caller's rights (access.ts, "change only people below
   * you"); the refusal otherwise.
   */
  async function personBeyondCaller(tx: Db, caller: Caller, person: { id: string; name: string }) {
    const held = await rolesRepo.activeAssignmentsOfPerson(tx, caller.organisationId, person.id);
    const beyond = await roleBeyondCaller(accessPolicyIn(tx), caller, held);
    return beyond ? forbidden(holdsMoreRights(person.name, beyond)) : null;
  }

  /** Records a refusal the trail keeps (a change to someone above the caller, or the last administrator). */
  async function recordedIfMarked<T>(
    caller: Caller,
    personId: string,
    attempted: 'grant' | 'end',
    result: Result<T>,
    marked: DomainError | null,
  ): Promise<Result<T>> {
    if (!result.ok && marked && result.error === marked) {
      await recordRefusal(db, caller, personId, attempted, marked.message);
    }
    return result;
  }

  return {
    async listForPerson(caller: Caller, personId: string): Promise<Result<RoleAssignmentDetail[]>> {
      if (!(await peopleRepo.findPerson(db, caller.organisationId, personId))) return notFound('person');
      return ok(await rolesRepo.listAssignmentsOfPerson(db, caller.organisationId, personId));
    },

    async grant(caller: Caller, personId: string, input: RoleAssignmentInput): Promise<Result<RoleAssignment>> {
      let marked: DomainError | null = null;
      const mark = (refusal: Result<never>) => {
        marked = refusal.ok ? null : refusal.error;
        return refusal;
      };
      const result = await inTransaction(db, async (tx) => {
        const person = await peopleRepo.findPerson(tx, caller.organisationId, personId);
        if (!person) return notFound('person');
        if (person.status !== 'active') {
          return refuse(
            'invalid_state',
            phraseText('organisationRefusals.roleForLeaver', { name: person.name }),
            'role',
          );
        }
        if (input.unitId && !(await unitsRepo.findUnit(tx, caller.organisationId, input.unitId))) {
          return refuse('invalid', phraseText('organisationChecks.unitExists'), 'unitId');
        }
        if (!(await mayGrantAt(tx, caller, input.unitId))) {
          return forbidden(
            input.unitId
              ? phraseText('organisationRefusals.grantOutsideYourPart')
              : phraseText('organisationRefusals.grantWholeOrganisation'),
          );
        }
        const above = await personBeyondCaller(tx, caller, person);
        if (above) return mark(above);
        // Nobody grants a role allowing more than they may do there themselves.
        if (await roleBeyondCaller(accessPolicyIn(tx), caller, [{ role: input.role, unitId: input.unitId }])) {
          return mark(forbidden(phraseText('organisationRefusals.grantBeyondYou', { role: rolePhrase(input.role) })));
        }
        if (input.partnerId && !(await partnersRepo.findPartner(tx, caller.organisationId, input.partnerId))) {
          return refuse('invalid', phraseText('organisationChecks.partnerExists'), 'partnerId');
        }
        const [same] = await tx
          .select({ id: roleAssignments.id })
          .from(roleAssignments)
          .where(
            and(
              eq(roleAssignments.organisationId, caller.organisationId),
              eq(roleAssignments.personId, personId),
              eq(roleAssignments.role, input.role),
              input.unitId ? eq(roleAssignments.unitId, input.unitId) : isNull(roleAssignments.unitId),
              input.partnerId ? eq(roleAssignments.partnerId, input.partnerId) : isNull(roleAssignments.partnerId),
              isNull(roleAssignments.endedAt),
            ),
          );
        if (same) {
          const held = { name: person.name, role: rolePhrase(input.role) };
          return refuse('duplicate', phraseText('organisationRefusals.roleAlreadyHeld', held), 'role');
        }
        const assignment = await rolesRepo.insertAssignment(tx, {
          organisationId: caller.organisationId,
          personId,
          role: input.role,
          unitId: input.unitId,
          partnerId: input.partnerId,
          grantedBy: caller.personId,
          grantedAt: clock(),
        });
        if (input.role === 'partner') await syncPartnerOfPerson(tx, caller.organisationId, personId);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'role-assignment',
          entityId: assignment.id,
          action: 'grant',
          newValue: { personId, ...input },
        });
        return ok(assignment);
      });
      return recordedIfMarked(caller, personId, 'grant', result, marked);
    },

    /** Ends an assignment; it stays in the person's history. */
    async end(caller: Caller, personId: string, assignmentId: string): Promise<Result<RoleAssignment>> {
      let marked: DomainError | null = null;
      const mark = (refusal: Result<never>) => {
        marked = refusal.ok ? null : refusal.error;
        return refusal;
      };
      const result = await inTransaction(db, async (tx) => {
        const assignment = await rolesRepo.findAssignment(tx, caller.organisationId, personId, assignmentId);
        if (!assignment) return notFound('roleAssignment');
        if (assignment.endedAt) return refuse('invalid_state', phraseText('organisationRefusals.roleAlreadyEnded'));
        if (!(await mayGrantAt(tx, caller, assignment.unitId))) {
          return forbidden(phraseText('organisationRefusals.endOutsideYourPart'));
        }
        if (assignment.role === 'administrator' && personId === caller.personId) {
          return refuse('invalid_state', phraseText('organisationRefusals.endOwnAdministrator'));
        }
        if (assignment.role === 'administrator' && assignment.unitId === null) {
          const administrators = await rolesRepo.lockCouncilAdministrators(tx, caller.organisationId);
          if (administrators.every((admin) => admin.assignmentId === assignmentId)) {
            return mark(refuse('invalid_state', phraseText('organisationRefusals.lastAdministrator')));
          }
        }
        const person = await peopleRepo.findPerson(tx, caller.organisationId, personId);
        const above = person ? await personBeyondCaller(tx, caller, person) : null;
        if (above) return mark(above);
        const ended = await rolesRepo.endAssignment(tx, caller.organisationId, assignmentId, clock());
        if (!ended) return refuse('invalid_state', phraseText('organisationRefusals.roleAlreadyEnded'));
        if (assignment.role === 'partner') await syncPartnerOfPerson(tx, caller.organisationId, personId);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'role-assignment',
          entityId: assignmentId,
          action: 'end',
          oldValue: { personId, role: assignment.role, unitId: assignment.unitId, endedAt: null },
          newValue: { endedAt: ended.endedAt?.toISOString() ?? null },
        });
        return ok(ended);
      });
      return recordedIfMarked(caller, personId, 'end', result, marked);
    },
  };
}
