import { accessPolicyIn } from './access.ts';
import { phraseText } from '../../kernel/phrase.ts';
import type { BodyInput, BodyMemberInput, MemberRole } from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as governanceRepo from './data/governance.repository.ts';
import * as peopleRepo from './data/people.repository.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { oldValuesOf } from '../../platform/services/changes.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { words } from '../../platform/words/index.ts';

export type GovernanceBody = governanceRepo.BodyRow;
export type GovernanceBodySummary = governanceRepo.BodySummary;
export type GovernanceBodyMember = governanceRepo.BodyMember;

const duplicateName = (name: string) =>
  refuse('duplicate', phraseText('organisationRefusals.bodyNameTaken', { name }), 'name');
const NOT_WHOLE_ORGANISATION = phraseText('organisationRefusals.bodiesWholeOrganisation');

export function createGovernanceService({ db }: ServiceDeps) {
  const mayManage = (caller: Caller) => accessPolicyIn(db).can(caller, 'manage:governance', 'organisation');

  return {
    list(caller: Caller): Promise<GovernanceBodySummary[]> {
      return governanceRepo.listBodies(db, caller.organisationId);
    },

    async get(caller: Caller, id: string): Promise<Result<GovernanceBody>> {
      const body = await governanceRepo.findBody(db, caller.organisationId, id);
      return body ? ok(body) : notFound('governanceBody');
    },

    async detail(caller: Caller, id: string) {
      const body = await governanceRepo.findBody(db, caller.organisationId, id);
      if (!body) return notFound('governanceBody');
      const members = await governanceRepo.listMembers(db, caller.organisationId, id);
      return ok({ body, members });
    },

    async members(caller: Caller, id: string): Promise<Result<GovernanceBodyMember[]>> {
      const body = await governanceRepo.findBody(db, caller.organisationId, id);
      if (!body) return notFound('governanceBody');
      return ok(await governanceRepo.listMembers(db, caller.organisationId, id));
    },

    async create(caller: Caller, input: BodyInput): Promise<Result<GovernanceBody>> {
      if (!(await mayManage(caller))) return forbidden(NOT_WHOLE_ORGANISATION);
      return inTransaction(db, async (tx) => {
        if (await governanceRepo.findBodyByName(tx, caller.organisationId, input.name)) {
          return duplicateName(input.name);
        }
        const body = await governanceRepo.insertBody(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'governance-body',
          entityId: body.id,
          action: 'create',
          newValue: input,
        });
        return ok(body);
      }).catch(onUniqueViolation(() => duplicateName(input.name)));
    },

    async update(caller: Caller, id: string, input: BodyInput): Promise<Result<GovernanceBody>> {
      if (!(await mayManage(caller))) return forbidden(NOT_WHOLE_ORGANISATION);
      return inTransaction(db, async (tx) => {
        const existing = await governanceRepo.findBody(tx, caller.organisationId, id);
        if (!existing) return notFound('governanceBody');
        const same = await governanceRepo.findBodyByName(tx, caller.organisationId, input.name);
        if (same && same.id !== id) return duplicateName(input.name);
        const updated = await governanceRepo.updateBody(tx, caller.organisationId, id, input);
        if (!updated) return notFound('governanceBody');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'governance-body',
          entityId: id,
          action: 'update',
          oldValue: oldValuesOf(existing, input),
          newValue: input,
        });
        return ok(updated);
      }).catch(onUniqueViolation(() => duplicateName(input.name)));
    },

    async addMember(caller: Caller, bodyId: string, input: BodyMemberInput): Promise<Result<GovernanceBodyMember>> {
      if (!(await mayManage(caller))) return forbidden(NOT_WHOLE_ORGANISATION);
      const alreadyMember = () => refuse('duplicate', phraseText('organisationRefusals.alreadyMember'), 'personId');
      return inTransaction(db, async (tx) => {
        const body = await governanceRepo.findBody(tx, caller.organisationId, bodyId);
        if (!body) return notFound('governanceBody');
        const person = await peopleRepo.findPerson(tx, caller.organisationId, input.personId);
        if (!person) return refuse('invalid', phraseText('organisationChecks.personExists'), 'personId');
        if (person.status !== 'active') {
          return refuse('invalid', phraseText('organisationRefusals.memberHasLeft', { name: person.name }), 'personId');
        }
        const members = await governanceRepo.listMembers(tx, caller.organisationId, bodyId);
        if (members.some((member) => member.personId === input.personId)) {
          return refuse(
            'duplicate',
            phraseText('organisationRefusals.alreadyMemberOf', { name: person.name, body: body.name }),
            'personId',
          );
        }
        const chair = members.find((member) => member.role === 'chair');
        if (input.role === 'chair' && chair) {
          return refuse(
            'conflict',
            phraseText('organisationRefusals.alreadyChair', { name: chair.name, body: body.name }),
            'role',
          );
        }
        await governanceRepo.insertMember(tx, {
          organisationId: caller.organisationId,
          bodyId,
          personId: input.personId,
          role: input.role,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'governance-body',
          entityId: bodyId,
          action: 'add-member',
          newValue: { personId: input.personId, name: person.name, role: input.role },
        });
        return ok({
          personId: person.id,
          name: person.name,
          jobTitle: person.jobTitle,
          status: person.status,
          role: input.role,
        });
      }).catch(onUniqueViolation(() => alreadyMember()));
    },

    async removeMember(caller: Caller, bodyId: string, personId: string): Promise<Result<{ name: string }>> {
      if (!(await mayManage(caller))) return forbidden(NOT_WHOLE_ORGANISATION);
      return inTransaction(db, async (tx) => {
        const body = await governanceRepo.findBody(tx, caller.organisationId, bodyId);
        if (!body) return notFound('governanceBody');
        const person = await peopleRepo.findPerson(tx, caller.organisationId, personId);
        const removed = person ? await governanceRepo.deleteMember(tx, bodyId, personId) : undefined;
        if (!person || !removed) return notFound('member');
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'governance-body',
          entityId: bodyId,
          action: 'remove-member',
          oldValue: {
            personId,
            name: person.name,
            role: removed.role,
            // The trail keeps words, as read when it was written.
            roleName: words.organisationKinds.memberRole[removed.role as MemberRole] ?? removed.role,
          },
        });
        return ok({ name: person.name });
      });
    },
  };
}
