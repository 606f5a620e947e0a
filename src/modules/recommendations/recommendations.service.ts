/**
 * The register's use cases, shared by the pages, the JSON API and the import: reading the register
 * with its ageing, and each change a recommendation goes through, one transaction each with its
 * history line and audit row.
 */
import { phrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { formatDate } from '../../kernel/measurement/index.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { Db } from '../../platform/db/db.ts';
import * as repo from './data/recommendations.repository.ts';
import type {
  RecommendationInput,
  ReportInput,
  ResponseInput,
  RevisionInput,
  SettingsInput,
  StatusInput,
} from './domain/inputs.ts';
import { mayForWholeOrganisation } from '../organisation/index.ts';
import {
  ageingOf,
  checkDueDate,
  checkResponse,
  checkRevision,
  checkStatusChange,
  checkStillOpen,
  isLive,
  type Ageing,
} from './domain/rules.ts';
import { summariseRegister, type RegisterSummary } from './domain/summary.ts';
import { actionFinished, type ActionSummary, type ImplementingActions } from './ports.ts';
import {
  checkBody,
  checkOwner,
  checkUnit,
  historyPhrase,
  mayChange,
  notPermitted,
  recommendationNotFound,
  refusalOf,
  reportNotFound,
} from './recommendation-checks.ts';
import { refuse } from '../../platform/services/errors.ts';
import { phraseText } from '../../kernel/phrase.ts';

export type RegisterEntry = repo.RecommendationRow & { ageing: Ageing };
export type Report = repo.ReportRow;
export type { RegisterFilter } from './data/recommendations.repository.ts';

export interface RecommendationDetail {
  recommendation: RegisterEntry;
  revisions: Awaited<ReturnType<typeof repo.listRevisions>>;
  history: Awaited<ReturnType<typeof repo.listHistory>>;
  actions: ActionSummary[];
}

export interface RecommendationsDeps extends ServiceDeps {
  actions: ImplementingActions;
}

const ENTITY = 'recommendation';
const statusWord = (status: string) => phrase(`recommendations.status.${status}`);
const responseWord = (response: string) => phrase(`recommendations.response.${response}`);

export function createRecommendationsService({ db, clock, actions }: RecommendationsDeps) {
  const withAgeing = (row: repo.RecommendationRow): RegisterEntry => ({
    ...row,
    ageing: ageingOf(
      { raisedOn: row.reportDate, dueDate: row.dueDate, status: row.status, finishedOn: row.finishedOn },
      clock.today(),
    ),
  });

  /** Loads a recommendation the caller may change, still open to change. */
  async function changeable(tx: Db, caller: Caller, id: string): Promise<Result<repo.RecommendationRow>> {
    const found = await repo.findRecommendation(tx, caller.organisationId, id);
    if (!found) return recommendationNotFound();
    if (!(await mayChange(tx, caller, found.unitId))) return notPermitted();
    const finished = checkStillOpen(found.status);
    return finished ? refusalOf(finished) : ok(found);
  }

  async function note(tx: Db, caller: Caller, id: string, kind: string, summary: string, text = '') {
    await repo.insertHistory(tx, [
      {
        organisationId: caller.organisationId,
        recommendationId: id,
        kind,
        summary,
        note: text,
        actorLabel: caller.name,
      },
    ]);
  }

  async function register(
    caller: Caller,
    filter: repo.RegisterFilter = {},
  ): Promise<{ entries: RegisterEntry[]; summary: RegisterSummary }> {
    const rows = await repo.listRecommendations(db, caller.organisationId, filter);
    const entries = rows.map(withAgeing);
    return { entries, summary: summariseRegister(entries) };
  }

  return {
    register,

    async detail(caller: Caller, id: string): Promise<Result<RecommendationDetail>> {
      const row = await repo.findRecommendation(db, caller.organisationId, id);
      if (!row) return recommendationNotFound();
      const [revisions, history, implementing] = await Promise.all([
        repo.listRevisions(db, caller.organisationId, id),
        repo.listHistory(db, caller.organisationId, id),
        actions.actionsAnswering(db, caller.organisationId, 'recommendation', [id]),
      ]);
      return ok({ recommendation: withAgeing(row), revisions, history, actions: implementing });
    },

    reports(caller: Caller): Promise<Report[]> {
      return repo.listReports(db, caller.organisationId);
    },

    async report(
      caller: Caller,
      id: string,
    ): Promise<Result<{ report: Report; entries: RegisterEntry[]; summary: RegisterSummary }>> {
      const report = await repo.findReport(db, caller.organisationId, id);
      if (!report) return reportNotFound();
      const { entries, summary } = await register(caller, { reportId: id });
      return ok({ report, entries, summary });
    },

    /** What the forms offer: the council's reports, active people, units and governance bodies. */
    async choices(caller: Caller) {
      const [reports, people, units, bodies] = await Promise.all([
        repo.listReports(db, caller.organisationId),
        repo.activePeople(db, caller.organisationId),
        repo.activeUnits(db, caller.organisationId),
        repo.bodies(db, caller.organisationId),
      ]);
      return { reports, people, units, bodies };
    },

    async createReport(caller: Caller, input: ReportInput): Promise<Result<Report>> {
      return inTransaction(db, async (tx) => {
        const report = await repo.insertReport(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'recommendation-report',
          entityId: report.id,
          action: 'create',
          newValue: input,
        });
        return ok(report);
      });
    },

    async create(caller: Caller, input: RecommendationInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const report = await repo.findReport(tx, caller.organisationId, input.reportId);
        if (!report) return refuse('invalid', phraseText('recommendations.refusals.reportUnknown'), 'reportId');
        const checked = await checkNew(tx, caller, input, report.reportDate);
        if (!checked.ok) return checked;
        const [created] = await repo.insertRecommendations(tx, [valuesOf(caller.organisationId, input)]);
        await note(tx, caller, created!.id, 'created', historyPhrase('created'));
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: ENTITY,
          entityId: created!.id,
          action: 'create',
          newValue: input,
        });
        return ok(created!);
      });
    },

    async respond(caller: Caller, id: string, input: ResponseInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await changeable(tx, caller, id);
        if (!found.ok) return found;
        const broken = checkResponse(input.response, input.reason);
        if (broken) return refusalOf(broken);
        const values = { response: input.response, responseReason: input.reason, agreedAction: input.agreedAction };
        await repo.updateRecommendation(tx, caller.organisationId, id, values);
        await note(
          tx,
          caller,
          id,
          'response',
          historyPhrase('response', { response: responseWord(input.response) }),
          input.reason,
        );
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: ENTITY,
          entityId: id,
          action: 'respond',
          oldValue: {
            response: found.value.response,
            responseReason: found.value.responseReason,
            agreedAction: found.value.agreedAction,
          },
          newValue: values,
          reason: input.reason,
        });
        return ok({ id });
      });
    },

    async revise(caller: Caller, id: string, input: RevisionInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await changeable(tx, caller, id);
        if (!found.ok) return found;
        const current = found.value;
        const body = await checkBody(tx, caller.organisationId, input.bodyId);
        if (!body.ok) return body;
        const broken = checkRevision(input, { dueDate: current.dueDate, reportDate: current.reportDate });
        if (broken) return refusalOf(broken);
        await repo.insertRevision(tx, {
          organisationId: caller.organisationId,
          recommendationId: id,
          previousDueDate: current.dueDate,
          newDueDate: input.newDueDate,
          reason: input.reason,
          bodyId: input.bodyId,
          decisionReference: input.decisionReference,
          decidedOn: input.decidedOn,
          recordedBy: caller.name,
        });
        await repo.updateRecommendation(tx, caller.organisationId, id, {
          dueDate: input.newDueDate,
          originalDueDate: current.originalDueDate ?? input.newDueDate,
        });
        const dates = { from: current.dueDate ? formatDate(current.dueDate) : '—', to: formatDate(input.newDueDate) };
        const summary = body.value
          ? historyPhrase('revisedByBody', { ...dates, body: body.value.name, reference: input.decisionReference })
          : historyPhrase('revised', dates);
        await note(tx, caller, id, 'revised', summary, input.reason);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: ENTITY,
          entityId: id,
          action: 'revise-due-date',
          oldValue: { dueDate: current.dueDate },
          newValue: input,
          reason: input.reason,
        });
        return ok({ id });
      });
    },

    async changeStatus(caller: Caller, id: string, input: StatusInput): Promise<Result<{ id: string }>> {
      return inTransaction(db, async (tx) => {
        const found = await repo.findRecommendation(tx, caller.organisationId, id);
        if (!found) return recommendationNotFound();
        if (!(await mayChange(tx, caller, found.unitId))) return notPermitted();
        const implementing = await actions.actionsAnswering(tx, caller.organisationId, 'recommendation', [id]);
        const broken = checkStatusChange(
          { from: found.status, to: input.status, evidence: input.evidence, note: input.note },
          {
            response: found.response,
            actions: implementing.map((action) => ({ code: action.code, finished: actionFinished(action) })),
          },
        );
        if (broken) return refusalOf(broken);
        const values = {
          status: input.status,
          finishedOn: isLive(input.status) ? null : (found.finishedOn ?? clock.today()),
          ...(input.status === 'closed'
            ? { closureEvidence: input.evidence, closureLink: input.evidenceLink, finishedOn: clock.today() }
            : {}),
        };
        await repo.updateRecommendation(tx, caller.organisationId, id, values);
        const said = historyPhrase('status', { from: statusWord(found.status), to: statusWord(input.status) });
        await note(tx, caller, id, 'status', said, input.status === 'closed' ? input.evidence : input.note);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: ENTITY,
          entityId: id,
          action: input.status === 'closed' ? 'close' : 'change-status',
          oldValue: { status: found.status },
          newValue: values,
          reason: input.note,
        });
        return ok({ id });
      });
    },

    /** The council's rule for escalation: how many days overdue before the unit head is told. */
    async settings(caller: Caller): Promise<SettingsInput> {
      return { escalateAfterDays: await repo.escalateAfterDays(db, caller.organisationId) };
    },

    async saveSettings(caller: Caller, input: SettingsInput): Promise<Result<SettingsInput>> {
      if (!(await mayForWholeOrganisation(db, caller, 'manage:framework'))) {
        return refuse('forbidden', phraseText('recommendations.refusals.settingsNotPermitted'));
      }
      return inTransaction(db, async (tx) => {
        const before = await repo.escalateAfterDays(tx, caller.organisationId);
        await repo.saveEscalateAfterDays(tx, caller.organisationId, input.escalateAfterDays);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'recommendation-settings',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: { escalateAfterDays: before },
          newValue: input,
        });
        return ok(input);
      });
    },
  };
}

/** The checks a new recommendation must pass, whether typed in or imported (the first breach). */
export async function checkNew(
  tx: Db,
  caller: Caller,
  input: RecommendationInput,
  reportDate: string,
): Promise<Result<null>> {
  const owner = await checkOwner(tx, caller.organisationId, input.ownerPersonId);
  if (!owner.ok) return owner;
  const unit = await checkUnit(tx, caller.organisationId, input.unitId);
  if (!unit.ok) return unit;
  if (!(await mayChange(tx, caller, input.unitId))) return notPermitted();
  const broken =
    checkDueDate('dueDate', input.dueDate, reportDate) ??
    (input.response ? checkResponse(input.response, input.responseReason) : null);
  if (broken) return refusalOf(broken.field === 'reason' ? { ...broken, field: 'responseReason' } : broken);
  return ok(null);
}

export function valuesOf(organisationId: string, input: RecommendationInput): repo.RecommendationValues {
  return {
    organisationId,
    reportId: input.reportId,
    reference: input.reference,
    priority: input.priority,
    text: input.text,
    ownerPersonId: input.ownerPersonId,
    unitId: input.unitId,
    response: input.response,
    responseReason: input.responseReason,
    agreedAction: input.agreedAction,
    originalDueDate: input.dueDate,
    dueDate: input.dueDate,
  };
}
