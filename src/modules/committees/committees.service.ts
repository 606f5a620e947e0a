/**
 * The committee cycle's use cases: meetings of each governance body and their agendas, the body's
 * decisions (an item referred on becomes the next stage's item), and members' requests to officers
 * tracked to an answer. One transaction each, with its audit row. Councillors record their own
 * bodies' decisions and raise requests; they never touch performance data (nothing here does).
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { addDays } from '../../kernel/calendar-days.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { fail, ok, type DomainError, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/db.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/committees.repository.ts';
import {
  meetingInput,
  type AgendaItemInput,
  type AnswerInput,
  type CloseInput,
  type DecisionInput,
  type MeetingInput,
  type RequestInput,
} from './domain/inputs.ts';
import type { MeetingDateRow } from './domain/meeting-dates.ts';
import type { SUBJECT_KINDS } from './domain/vocabulary.ts';
import { improvementPlanExists, recordPanelDecisionIn } from '../improvement-plans/index.ts';
import { recommendationExists } from '../recommendations/index.ts';
import { improvementPlanChoices, recommendationChoices } from './data/subjects.repository.ts';
import { checkRequestChange, decisionProblems, isOverdue, requestDueProblems } from './domain/rules.ts';

/** The committee's decisions that are an improvement plan's decision; the rest leave the plan as it is. */
const PLAN_OUTCOME: Partial<Record<DecisionInput['outcome'], 'agreed' | 'sent-back'>> = {
  agreed: 'agreed',
  'agreed-with-changes': 'agreed',
  'sent-back': 'sent-back',
};

/** Refusals of the caller's standing (not the body's member, not the officer asked): 403, not a bad form. */
const STANDING = new Set(['forbidden', 'notOnBody', 'notAMember', 'notAddressee', 'notRaiser']);
const refusal = (key: string, field?: string, params?: Record<string, string>) =>
  refuse(STANDING.has(key) ? 'forbidden' : 'invalid', phraseText(`committees.problem.${key}`, params), field);
const notFound = (what: 'meeting' | 'agendaItem' | 'request') =>
  refuse('not_found', phraseText(`committees.problem.notFound.${what}`));
const first = (problems: DomainError[]): Result<never> | null => (problems[0] ? fail(problems[0]) : null);

export type MeetingRow = repo.MeetingRow;
export type AgendaEntry = repo.AgendaEntry;
export type RequestRow = repo.RequestRow & { overdue: boolean };

export interface MeetingDetail {
  meeting: MeetingRow;
  agenda: (AgendaEntry & {
    onward: Awaited<ReturnType<typeof repo.onwardItems>>;
    /** The previous stage of the item's route: that meeting's item, with the meeting. */
    referredFrom: (AgendaEntry & { bodyName: string; heldOn: string }) | null;
  })[];
  requests: RequestRow[];
  /** Whether the caller may record this body's decisions and raise requests at this meeting. */
  mayDecide: boolean;
  mayManage: boolean;
}

/** One record an agenda item may be about, as the picker offers it. */
export interface SubjectChoice {
  id: string;
  label: string;
}
/** The record kinds the system holds (a paper alone has no record). */
export type RecordKind = Exclude<(typeof SUBJECT_KINDS)[number], 'paper'>;
/**
 * The port to a module that owns records an agenda item may be about: the council's records whose
 * title or reference contains the words found (at most a page), and whether an id is one of the
 * council's (asked inside the item's transaction, so it takes that transaction's db).
 */
export interface SubjectFinder {
  find(organisationId: string, find: string): Promise<SubjectChoice[]>;
  exists(db: Db, organisationId: string, id: string): Promise<boolean>;
}
/** Wired in the container; a kind with no finder offers nothing to pick and checks no id. */
export type SubjectFinders = Partial<Record<RecordKind, SubjectFinder>>;

export function createCommitteesService({ db, clock, subjects = {} }: ServiceDeps & { subjects?: SubjectFinders }) {
  // The kinds this module can read itself; the container adds the rest (performance reports).
  const finders: SubjectFinders = {
    'improvement-plan': {
      find: (organisationId, find) => improvementPlanChoices(db, organisationId, find),
      exists: improvementPlanExists,
    },
    recommendation: {
      find: (organisationId, find) => recommendationChoices(db, organisationId, find),
      exists: recommendationExists,
    },
    ...subjects,
  };
  const mayManage = (caller: Caller) => holdsPermission(caller, 'manage:meetings');
  /** A body's own members take its decisions; a committee officer records them on its behalf. */
  const mayActFor = async (tx: Db, caller: Caller, bodyId: string) =>
    mayManage(caller) || (await repo.sitsOn(tx, bodyId, caller.personId));
  const withOverdue = (row: repo.RequestRow): RequestRow => ({ ...row, overdue: isOverdue(row, clock.today()) });

  async function audit(tx: Db, caller: Caller, entityType: string, entityId: string, action: string, values: object) {
    await recordAudit(tx, {
      organisationId: caller.organisationId,
      actor: actorOf(caller),
      entityType,
      entityId,
      action,
      ...values,
    });
  }

  /**
   * The panel agreeing or sending back an improvement plan is the plan's decision too: it is
   * written on the plan (its status, decision history and audit) in the decision's transaction,
   * so a plan that is not waiting for a decision refuses the whole decision.
   */
  async function writeBackToPlan(
    tx: Db,
    caller: Caller,
    item: repo.AgendaItemRow,
    meeting: repo.MeetingRow,
    input: DecisionInput,
  ) {
    const planOutcome = PLAN_OUTCOME[input.outcome];
    if (item.subjectKind !== 'improvement-plan' || item.subjectId === null || !planOutcome) return null;
    const written = await recordPanelDecisionIn(
      tx,
      caller,
      item.subjectId,
      {
        outcome: planOutcome,
        meetingDate: meeting.heldOn,
        minuteReference: input.minuteReference,
        comments: input.notes,
        bodyId: meeting.bodyId,
      },
      clock.today(),
    );
    if (written.ok) return written;
    return refusal('planNotDecided', 'outcome', { reason: written.error.message });
  }

  async function previousStage(organisationId: string, itemId: string) {
    const item = await repo.findAgendaItem(db, organisationId, itemId);
    const meeting = item && (await repo.findMeeting(db, organisationId, item.meetingId));
    return item && meeting ? { ...item, bodyName: meeting.bodyName, heldOn: meeting.heldOn } : null;
  }

  return {
    mayManage,

    listMeetings(caller: Caller, filter: { bodyId?: string; from?: string; before?: string } = {}) {
      return repo.listMeetings(db, caller.organisationId, filter);
    },

    bodies(caller: Caller) {
      return repo.listBodies(db, caller.organisationId);
    },

    people(caller: Caller) {
      return repo.listActivePeople(db, caller.organisationId);
    },

    /** The bodies the caller sits on (the meetings they can decide at and raise requests from). */
    myBodies(caller: Caller) {
      return repo.bodiesOf(db, caller.personId);
    },

    async meeting(caller: Caller, id: string): Promise<Result<MeetingDetail>> {
      const meeting = await repo.findMeeting(db, caller.organisationId, id);
      if (!meeting) return notFound('meeting');
      const [items, requests, mayDecide] = await Promise.all([
        repo.listAgenda(db, caller.organisationId, id),
        repo.listRequests(db, caller.organisationId, { meetingId: id }),
        mayActFor(db, caller, meeting.bodyId),
      ]);
      const agenda = await Promise.all(
        items.map(async (item) => ({
          ...item,
          onward: await repo.onwardItems(db, caller.organisationId, item.id),
          referredFrom: item.referredFromItemId
            ? await previousStage(caller.organisationId, item.referredFromItemId)
            : null,
        })),
      );
      return ok({ meeting, agenda, requests: requests.map(withOverdue), mayDecide, mayManage: mayManage(caller) });
    },

    async createMeeting(caller: Caller, input: MeetingInput): Promise<Result<{ id: string }>> {
      if (!mayManage(caller)) return refusal('forbidden');
      return inTransaction(db, async (tx) => {
        const body = await repo.findBody(tx, caller.organisationId, input.bodyId);
        if (!body) return refusal('bodyUnknown', 'bodyId');
        if (await repo.meetingOn(tx, caller.organisationId, input.bodyId, input.heldOn))
          return refusal('meetingExists', 'heldOn', { body: body.name, date: input.heldOn });
        const id = await repo.insertMeeting(tx, { organisationId: caller.organisationId, ...input });
        await audit(tx, caller, 'meeting', id, 'create', { newValue: input });
        return ok({ id });
      });
    },

    /**
     * Meeting dates from a council's calendar (a CSV of body name and date, or a ModernGov
     * export's columns): every row checked first, nothing written unless all are good; a meeting
     * already in the calendar is left as it is and counted.
     */
    async importMeetings(
      caller: Caller,
      rows: MeetingDateRow[],
    ): Promise<Result<{ added: number; alreadyThere: number }, { rowErrors: { line: number; message: string }[] }>> {
      const whole = (message: string) => fail({ rowErrors: [{ line: 0, message }] });
      if (!mayManage(caller)) return whole(phraseText('committees.problem.forbidden'));
      if (rows.length === 0) return whole(phraseText('committees.problem.importEmpty'));
      const bodies = new Map(
        (await repo.listBodies(db, caller.organisationId)).map((body) => [body.name.trim().toLowerCase(), body.id]),
      );
      const rowErrors: { line: number; message: string }[] = [];
      const good: MeetingInput[] = [];
      for (const row of rows) {
        const bodyId = bodies.get(row.bodyName.trim().toLowerCase());
        if (!bodyId) {
          rowErrors.push({
            line: row.line,
            message: phraseText('committees.problem.importBody', { body: row.bodyName }),
          });
          continue;
        }
        const checked = meetingInput.safeParse({ ...row, bodyId, title: '' });
        if (!checked.success) rowErrors.push({ line: row.line, message: checked.error.issues[0]!.message });
        else good.push(checked.data);
      }
      if (rowErrors.length > 0) return fail({ rowErrors });
      const written = await inTransaction(db, async (tx) => {
        let added = 0;
        for (const meeting of good) {
          if (await repo.meetingOn(tx, caller.organisationId, meeting.bodyId, meeting.heldOn)) continue;
          const id = await repo.insertMeeting(tx, { organisationId: caller.organisationId, ...meeting });
          await audit(tx, caller, 'meeting', id, 'import', { newValue: meeting });
          added += 1;
        }
        return ok({ added, alreadyThere: good.length - added });
      });
      return written.ok ? written : whole(written.error.message);
    },

    /** What the decision form needs: the item, its meeting and the meetings after it it could go to. */
    async decisionContext(caller: Caller, itemId: string) {
      const item = await repo.findAgendaItem(db, caller.organisationId, itemId);
      const meeting = item && (await repo.findMeeting(db, caller.organisationId, item.meetingId));
      if (!item || !meeting) return notFound('agendaItem');
      const later = await repo.listMeetings(db, caller.organisationId, { from: addDays(meeting.heldOn, 1) });
      return ok({ item, meeting, later });
    },

    /** The records of a kind an agenda item may name, for the picker; only managers add items. */
    async subjectChoices(caller: Caller, kind: string, find: string): Promise<SubjectChoice[]> {
      const finder = finders[kind as RecordKind];
      if (!mayManage(caller) || !finder) return [];
      return finder.find(caller.organisationId, find.trim().slice(0, 100));
    },

    async addAgendaItem(caller: Caller, meetingId: string, input: AgendaItemInput): Promise<Result<{ id: string }>> {
      if (!mayManage(caller)) return refusal('forbidden');
      return inTransaction(db, async (tx) => {
        const meeting = await repo.findMeeting(tx, caller.organisationId, meetingId);
        if (!meeting) return notFound('meeting');
        if (input.leadOfficerPersonId && !(await repo.findPerson(tx, caller.organisationId, input.leadOfficerPersonId)))
          return refusal('personUnknown', 'leadOfficerPersonId');
        if (input.subjectKind === 'paper' && input.subjectId !== null) return refusal('paperHasNoRecord', 'subjectId');
        const finder = input.subjectKind === 'paper' ? undefined : finders[input.subjectKind];
        if (input.subjectId !== null && finder && !(await finder.exists(tx, caller.organisationId, input.subjectId)))
          return refuse('invalid', phraseText('committeePicker.subjectUnknown'), 'subjectId');
        const position = await repo.nextPosition(tx, meetingId);
        const id = await repo.insertAgendaItem(tx, {
          organisationId: caller.organisationId,
          meetingId,
          position,
          ...input,
        });
        await audit(tx, caller, 'agenda-item', id, 'create', { newValue: { meetingId, ...input } });
        return ok({ id });
      });
    },

    /**
     * The body's decision on an item. Referred or deferred to a later meeting, the item goes on the
     * later meeting's agenda pointing back here, carrying this stage's minute and notes.
     */
    async decide(
      caller: Caller,
      itemId: string,
      input: DecisionInput,
    ): Promise<Result<{ meetingId: string; onwardItemId: string | null }>> {
      return inTransaction(db, async (tx) => {
        const item = await repo.findAgendaItem(tx, caller.organisationId, itemId);
        if (!item) return notFound('agendaItem');
        const meeting = (await repo.findMeeting(tx, caller.organisationId, item.meetingId))!;
        if (!(await mayActFor(tx, caller, meeting.bodyId)))
          return refusal('notOnBody', undefined, { body: meeting.bodyName });
        if (item.outcome !== null) return refusal('alreadyDecided', 'outcome');
        const onward = input.onwardMeetingId
          ? await repo.findMeeting(tx, caller.organisationId, input.onwardMeetingId)
          : undefined;
        if (input.onwardMeetingId && !onward) return refusal('onwardUnknown', 'onwardMeetingId');
        const broken = first(
          decisionProblems(input, {
            meetingDate: meeting.heldOn,
            today: clock.today(),
            onwardMeetingDate: onward?.heldOn ?? null,
            subjectKind: item.subjectKind,
          }),
        );
        if (broken) return broken;
        const decision = {
          outcome: input.outcome,
          minuteReference: input.minuteReference,
          decisionNotes: input.notes,
          decidedOn: clock.today(),
          decidedByPersonId: caller.personId,
        };
        await repo.recordDecision(tx, itemId, decision);
        const planWritten = await writeBackToPlan(tx, caller, item, meeting, input);
        if (planWritten && !planWritten.ok) return planWritten;
        let onwardItemId: string | null = null;
        if (onward) {
          onwardItemId = await repo.insertAgendaItem(tx, {
            organisationId: caller.organisationId,
            meetingId: onward.id,
            position: await repo.nextPosition(tx, onward.id),
            title: item.title,
            subjectKind: item.subjectKind,
            subjectId: item.subjectId,
            paperTitle: item.paperTitle,
            paperLink: item.paperLink,
            leadOfficerPersonId: item.leadOfficerPersonId,
            referredFromItemId: item.id,
          });
        }
        await audit(tx, caller, 'agenda-item', itemId, 'decide', {
          oldValue: { outcome: null },
          newValue: { ...decision, onwardMeetingId: onward?.id ?? null, onwardItemId },
          reason: input.notes,
        });
        return ok({ meetingId: meeting.id, onwardItemId });
      });
    },

    async requests(caller: Caller, filter: { status?: 'open' | 'answered' | 'closed'; mine?: boolean } = {}) {
      const rows = await repo.listRequests(db, caller.organisationId, {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.mine ? { personId: caller.personId } : {}),
      });
      return rows.map(withOverdue);
    },

    async request(caller: Caller, id: string): Promise<Result<RequestRow & { mayAnswer: boolean; mayClose: boolean }>> {
      const row = await repo.findRequest(db, caller.organisationId, id);
      if (!row) return notFound('request');
      return ok({
        ...withOverdue(row),
        mayAnswer: row.status === 'open' && (row.addresseePersonId === caller.personId || mayManage(caller)),
        mayClose: row.status !== 'closed' && (row.raisedByPersonId === caller.personId || mayManage(caller)),
      });
    },

    /**
     * A member raises a request at a meeting of a body they sit on (a committee officer may record
     * one on a member's behalf); the addressee is a person of the council; the due date is to come.
     */
    async raise(caller: Caller, input: RequestInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        let meetingId = input.meetingId;
        if (input.agendaItemId) {
          const item = await repo.findAgendaItem(tx, caller.organisationId, input.agendaItemId);
          if (!item) return refusal('agendaItemUnknown', 'agendaItemId');
          if (meetingId && item.meetingId !== meetingId) return refusal('itemOfAnotherMeeting', 'agendaItemId');
          meetingId = item.meetingId;
        }
        if (meetingId) {
          const meeting = await repo.findMeeting(tx, caller.organisationId, meetingId);
          if (!meeting) return refusal('meetingUnknown', 'meetingId');
          if (!(await mayActFor(tx, caller, meeting.bodyId)))
            return refusal('notOnBody', 'meetingId', { body: meeting.bodyName });
        } else if (!mayManage(caller) && (await repo.bodiesOf(tx, caller.personId)).length === 0) {
          return refusal('notAMember', 'meetingId');
        }
        const addressee = await repo.findPerson(tx, caller.organisationId, input.addresseePersonId);
        if (!addressee || addressee.status !== 'active') return refusal('addresseeUnknown', 'addresseePersonId');
        const broken = first(requestDueProblems(input.dueOn, clock.today()));
        if (broken) return broken;
        const id = await repo.insertRequest(tx, {
          organisationId: caller.organisationId,
          meetingId,
          agendaItemId: input.agendaItemId,
          kind: input.kind,
          raisedByPersonId: caller.personId,
          addresseePersonId: input.addresseePersonId,
          question: input.question,
          raisedOn: clock.today(),
          dueOn: input.dueOn,
        });
        await audit(tx, caller, 'member-request', id, 'create', { newValue: { ...input, meetingId } });
        return ok({ id });
      });
    },

    async answer(caller: Caller, id: string, input: AnswerInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const row = await repo.findRequest(tx, caller.organisationId, id);
        if (!row) return notFound('request');
        if (row.addresseePersonId !== caller.personId && !mayManage(caller)) return refusal('notAddressee');
        const broken = checkRequestChange(row.status, 'answer');
        if (broken) return fail(broken);
        const values = {
          status: 'answered' as const,
          answer: input.answer,
          answeredOn: clock.today(),
          answeredByPersonId: caller.personId,
        };
        await repo.updateRequest(tx, id, values);
        await audit(tx, caller, 'member-request', id, 'answer', { oldValue: { status: row.status }, newValue: values });
        return ok({ id });
      });
    },

    /** The member who asked closes it (satisfied), or sends an answer back as not enough (reopen). */
    async close(
      caller: Caller,
      id: string,
      input: CloseInput,
      change: 'close' | 'reopen' = 'close',
    ): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const row = await repo.findRequest(tx, caller.organisationId, id);
        if (!row) return notFound('request');
        if (row.raisedByPersonId !== caller.personId && !mayManage(caller)) return refusal('notRaiser');
        const broken = checkRequestChange(row.status, change);
        if (broken) return fail(broken);
        const values =
          change === 'close'
            ? { status: 'closed' as const, closeNote: input.note, closedOn: clock.today() }
            : { status: 'open' as const, closeNote: input.note, answeredOn: null, remindedOn: null, escalatedOn: null };
        await repo.updateRequest(tx, id, values);
        await audit(tx, caller, 'member-request', id, change, {
          oldValue: { status: row.status },
          newValue: values,
          reason: input.note,
        });
        return ok({ id });
      });
    },

    /** The route of records (reports, plans) through the meetings that took them. */
    routeOf(organisationId: string, subjectKind: string, subjectIds: string[]) {
      return repo.itemsAbout(db, organisationId, subjectKind, subjectIds);
    },
  };
}

export type CommitteesService = ReturnType<typeof createCommitteesService>;
