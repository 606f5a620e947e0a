import { type LeaveInput, type PersonInput, wouldCreateManagementLoop } from './domain/index.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/db.ts';
import * as peopleRepo from './data/people.repository.ts';
import * as rolesRepo from './data/roles.repository.ts';
import * as unitsRepo from './data/units.repository.ts';
import { accessPolicyIn, holdsMoreRights, recordRefusal, roleBeyondCaller } from './access.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { type DomainError, forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { londonDateOf } from '../../platform/clock.ts';

export type Person = peopleRepo.Person;

const duplicateEmail = (email: string) =>
  refuse('duplicate', phraseText('organisationRefusals.emailTaken', { email }), 'email');

export function createPeopleService({ db, clock }: ServiceDeps) {
  /** People are managed within the units the caller manages people for (no unit: whole-organisation grants only). */
  async function mayManageAt(tx: Db, caller: Caller, unitId: string | null): Promise<boolean> {
    return accessPolicyIn(tx).can(caller, 'manage:people', { unitId });
  }

  async function checkReferences(
    tx: Db,
    caller: Caller,
    personId: string | null,
    input: PersonInput,
  ): Promise<Result<null>> {
    if (input.unitId && !(await unitsRepo.findUnit(tx, caller.organisationId, input.unitId))) {
      return refuse('invalid', phraseText('organisationChecks.unitExists'), 'unitId');
    }
    if (input.lineManagerId) {
      if (personId && input.lineManagerId === personId) {
        return refuse('cycle', phraseText('organisationRefusals.ownLineManager'), 'lineManagerId');
      }
      const manager = await peopleRepo.findPerson(tx, caller.organisationId, input.lineManagerId);
      if (!manager) return refuse('invalid', phraseText('organisationChecks.lineManagerExists'), 'lineManagerId');
      if (manager.status !== 'active') {
        return refuse(
          'invalid',
          phraseText('organisationRefusals.managerHasLeft', { name: manager.name }),
          'lineManagerId',
        );
      }
      if (personId) {
        const edges = await peopleRepo.managementEdges(tx, caller.organisationId);
        if (wouldCreateManagementLoop(edges, personId, input.lineManagerId)) {
          return refuse(
            'cycle',
            phraseText('organisationRefusals.managerReportsToPerson', { name: manager.name }),
            'lineManagerId',
          );
        }
      }
    }
    return ok(null);
  }

  /** What goes in the audit trail (a password is never accepted here: personInput refuses one). */
  function auditValues(input: PersonInput) {
    const { password: _refused, ...rest } = input;
    return rest;
  }

  /**
   * Refused because the person holds rights beyond the caller's, or is the last administrator: a
   * refusal the trail keeps (access.ts, recordRefusal). Returns the failure to hand back.
   */
  async function refusedAndRecorded<T>(
    caller: Caller,
    personId: string,
    attempted: 'update' | 'leave',
    result: Result<T>,
    recorded: DomainError | null,
  ): Promise<Result<T>> {
    if (!result.ok && recorded && result.error === recorded) {
      await recordRefusal(db, caller, personId, attempted, recorded.message);
    }
    return result;
  }

  return {
    /** Active people, by name (unit and other pages use this for their choices). */
    list(caller: Caller, options: { includeLeft?: boolean } = {}): Promise<Person[]> {
      return peopleRepo.listPeople(db, caller.organisationId, options);
    },

    async get(caller: Caller, id: string): Promise<Result<Person>> {
      const person = await peopleRepo.findPerson(db, caller.organisationId, id);
      return person ? ok(person) : notFound('person');
    },

    async detail(caller: Caller, id: string) {
      const person = await peopleRepo.findPerson(db, caller.organisationId, id);
      if (!person) return notFound('person');
      const [unitName, lineManager, reports, assignments, bodies] = await Promise.all([
        person.unitId ? peopleRepo.unitName(db, caller.organisationId, person.unitId) : Promise.resolve(null),
        person.lineManagerId
          ? peopleRepo.findPerson(db, caller.organisationId, person.lineManagerId)
          : Promise.resolve(undefined),
        peopleRepo.directReports(db, caller.organisationId, id),
        rolesRepo.listAssignmentsOfPerson(db, caller.organisationId, id),
        peopleRepo.bodiesOfPerson(db, caller.organisationId, id),
      ]);
      return ok({
        person,
        unitName,
        lineManager: lineManager ? { id: lineManager.id, name: lineManager.name } : null,
        reports,
        assignments,
        bodies,
      });
    },

    /** Who could line-manage the person: everyone active but themselves. */
    possibleManagers(caller: Caller, exceptId?: string) {
      return peopleRepo.possibleManagers(db, caller.organisationId, exceptId);
    },

    async create(caller: Caller, input: PersonInput): Promise<Result<Person>> {
      return inTransactionOrDuplicate(input.email, async (tx) => {
        if (!(await mayManageAt(tx, caller, input.unitId))) {
          return forbidden(phraseText('organisationRefusals.addOutsideYourPart'));
        }
        const references = await checkReferences(tx, caller, null, input);
        if (!references.ok) return references;
        if (await peopleRepo.findPersonByEmail(tx, caller.organisationId, input.email)) {
          return duplicateEmail(input.email);
        }
        const person = await peopleRepo.insertPerson(tx, {
          organisationId: caller.organisationId,
          name: input.name,
          email: input.email,
          jobTitle: input.jobTitle,
          unitId: input.unitId,
          lineManagerId: input.lineManagerId,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'person',
          entityId: person.id,
          action: 'create',
          newValue: auditValues(input),
        });
        return ok(person);
      });
    },

    async update(caller: Caller, id: string, input: PersonInput): Promise<Result<Person>> {
      let recorded: DomainError | null = null;
      const result = await inTransactionOrDuplicate(input.email, async (tx) => {
        const existing = await peopleRepo.findPerson(tx, caller.organisationId, id);
        if (!existing) return notFound('person');
        // One policy for both checks: a person kept in their unit costs one ancestry load.
        const access = accessPolicyIn(tx);
        const mayManage = (unitId: string | null) => access.can(caller, 'manage:people', { unitId });
        if (!(await mayManage(existing.unitId)) || !(await mayManage(input.unitId))) {
          return forbidden(phraseText('organisationRefusals.changeOutsideYourPart'));
        }
        const beyond = await roleBeyondCaller(
          access,
          caller,
          await rolesRepo.activeAssignmentsOfPerson(tx, caller.organisationId, id),
        );
        if (beyond) {
          const refusal = forbidden(holdsMoreRights(existing.name, beyond));
          recorded = refusal.ok ? null : refusal.error;
          return refusal;
        }
        const references = await checkReferences(tx, caller, id, input);
        if (!references.ok) return references;
        const sameEmail = await peopleRepo.findPersonByEmail(tx, caller.organisationId, input.email);
        if (sameEmail && sameEmail.id !== id) return duplicateEmail(input.email);
        const changes = {
          name: input.name,
          email: input.email,
          jobTitle: input.jobTitle,
          unitId: input.unitId,
          lineManagerId: input.lineManagerId,
        };
        const updated = await peopleRepo.updatePerson(tx, caller.organisationId, id, changes);
        if (!updated) return notFound('person');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'person',
          entityId: id,
          action: 'update',
          oldValue: oldValuesOf(existing, changes),
          newValue: auditValues(input),
        });
        return ok(updated);
      });
      return refusedAndRecorded(caller, id, 'update', result, recorded);
    },

    /** Records that the person has left: the record stays, their role assignments end. */
    async leave(caller: Caller, id: string, input: LeaveInput): Promise<Result<Person>> {
      const now = clock();
      if (input.leftOn > londonDateOf(now)) {
        return refuse('invalid', phraseText('organisationRefusals.leftInFuture'), 'leftOn');
      }
      let recorded: DomainError | null = null;
      const refuseAndRecord = (refusal: Result<never>) => {
        recorded = refusal.ok ? null : refusal.error;
        return refusal;
      };
      const result = await inTransaction(db, async (tx) => {
        const existing = await peopleRepo.findPerson(tx, caller.organisationId, id);
        if (!existing) return notFound('person');
        if (!(await mayManageAt(tx, caller, existing.unitId))) {
          return forbidden(phraseText('organisationRefusals.changeOutsideYourPart'));
        }
        if (existing.status === 'left') {
          return refuse(
            'invalid_state',
            phraseText('organisationRefusals.alreadyLeft', { name: existing.name }),
            'leftOn',
          );
        }
        if (id === caller.personId) {
          return refuse('invalid_state', phraseText('organisationRefusals.cannotLeaveYourself'), 'leftOn');
        }
        // The council keeps an administrator: checked first, whoever asks, as it can never be allowed.
        const administrators = await rolesRepo.lockCouncilAdministrators(tx, caller.organisationId);
        if (administrators.length > 0 && administrators.every((admin) => admin.personId === id)) {
          return refuseAndRecord(
            refuse(
              'invalid_state',
              phraseText('organisationRefusals.onlyAdministratorLeaving', { name: existing.name }),
              'leftOn',
            ),
          );
        }
        const beyond = await roleBeyondCaller(
          accessPolicyIn(tx),
          caller,
          await rolesRepo.activeAssignmentsOfPerson(tx, caller.organisationId, id),
        );
        if (beyond) return refuseAndRecord(forbidden(holdsMoreRights(existing.name, beyond)));
        const updated = await peopleRepo.updatePerson(tx, caller.organisationId, id, {
          status: 'left',
          leftOn: input.leftOn,
        });
        if (!updated) return notFound('person');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'person',
          entityId: id,
          action: 'leave',
          oldValue: { status: existing.status, leftOn: existing.leftOn },
          newValue: { status: 'left', leftOn: input.leftOn },
        });
        for (const assignment of await rolesRepo.activeAssignmentsOfPerson(tx, caller.organisationId, id)) {
          await rolesRepo.endAssignment(tx, caller.organisationId, assignment.id, now);
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'role-assignment',
            entityId: assignment.id,
            action: 'end',
            oldValue: { personId: id, role: assignment.role, unitId: assignment.unitId, endedAt: null },
            newValue: { endedAt: now.toISOString() },
            reason: `${existing.name} left the organisation`,
          });
        }
        return ok(updated);
      });
      return refusedAndRecorded(caller, id, 'leave', result, recorded);
    },
  };

  function inTransactionOrDuplicate<T>(email: string, work: (tx: Db) => Promise<Result<T>>): Promise<Result<T>> {
    return inTransaction(db, work).catch(onUniqueViolation(() => duplicateEmail(email)));
  }
}
