/**
 * The report's use cases: definitions (the built-ins copied in on first use), the draft for a
 * period assembled from the stored figures, the exception gate, issuing (which freezes the
 * document as revision 1) and corrections (each a new revision with its reason). Every write is
 * one transaction with its audit record.
 */
import { eq } from 'drizzle-orm';
import { holdsPermission } from '../../kernel/access/index.ts';
import { paths } from '../../kernel/paths.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { holdsOverOrganisation } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Document } from '../../platform/documents/document.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import { organisations } from '../../platform/tenancy/organisations.schema.ts';
import { fill, words } from '../../platform/words/index.ts';
import * as repo from './data/reports.repository.ts';
import { BUILT_IN_DEFINITIONS, type DefinitionInput } from './domain/definitions.ts';
import { gateGaps, type GateGap } from './domain/exceptions.ts';
import type { ReportHealth, ReportMoney, ReportsDeps } from './ports.ts';
import { scopeUnits } from './data/sources.repository.ts';
import type { SectionCode } from './domain/definitions.ts';
import { periodEnd } from '../../kernel/measurement/index.ts';
import { reportDocument, type ReportLinks, type ReportState } from './report-document.ts';
import { gatherReport, reportPeriod } from './report-data.ts';

const e = words.reports.errors;
const DEFINITION = 'report-definition';
const REPORT = 'report';

export const REPORT_LINKS: ReportLinks = {
  measure: (id) => paths.measure(id),
  action: (id) => paths.action(id),
  risk: (id) => paths.risk(id),
  improvementPlan: (id) => paths.improvementPlan(id),
  item: (id) => paths.item(id),
  project: (id) => paths.project(id),
};

export type Definition = repo.DefinitionRow;

const MONEY_SECTIONS: readonly SectionCode[] = ['revenue', 'capital', 'reserves', 'borrowing'];

interface FromPorts {
  money: ReportMoney | null;
  health: ReportHealth | null;
}
const NO_PORTS: FromPorts = { money: null, health: null };

export interface Draft {
  definition: Definition;
  periodKey: string;
  document: Document;
  gaps: GateGap[];
  /** The issued report for this period, when there is one. */
  issued: repo.IssuedReportRow | null;
}

export interface RevisionSummary {
  revision: number;
  reason: string;
  issuedByLabel: string;
  issuedAt: string;
}

export interface IssuedReport {
  report: repo.IssuedReportRow;
  definition: Definition;
  revisions: RevisionSummary[];
}

/** A gap in words: what a red measure lacks and who owns it. */
export function gapText(gap: GateGap): string {
  return fill(e.gap, {
    code: gap.code,
    title: gap.title,
    owner: gap.ownerName ?? words.reports.noOwner,
    missing: gap.missing.map((m) => words.reports.gap[m]).join(words.reports.gap.and),
  });
}

const mayView = (caller: Caller) => holdsPermission(caller, 'view:organisation');
const mayManage = (caller: Caller) => holdsOverOrganisation(caller, 'manage:framework');

export function createReportsService({ db, readDb = db, clock, money, health }: ReportsDeps) {
  const definitionNotFound = () => notFound(e.definitionNotFound);

  async function checkScope(tx: Db, caller: Caller, input: DefinitionInput): Promise<Result<null>> {
    if (input.scopeKind === 'council' || input.scopeId === null) return ok(null);
    const name = await repo.scopeName(tx, caller.organisationId, input.scopeKind, input.scopeId);
    return name === undefined ? refuse('invalid', e.scopeUnknown, 'scopeId') : ok(null);
  }

  /**
   * What the ports give for the report's period (the money position, framework health for the
   * scope), read BEFORE any transaction opens: they read through their own connection, which a
   * transaction holding PGlite's only one would wait on for ever.
   */
  async function portsFor(caller: Caller, definition: Definition, periodKey: string): Promise<FromPorts> {
    const wants = (codes: readonly SectionCode[]) => codes.some((code) => definition.sections.includes(code));
    const period = reportPeriod(definition, periodKey);
    const position =
      money && period.ok && wants(MONEY_SECTIONS) ? await money.positionOn(caller, periodEnd(period.value)) : null;
    let healthThen: ReportHealth | null = null;
    if (health && period.ok && wants(['health'])) {
      const units = await scopeUnits(db, caller.organisationId, { kind: definition.scopeKind, id: definition.scopeId });
      healthThen = await health.healthFor(caller, units === null ? null : [...units], periodEnd(period.value));
    }
    return { money: position, health: healthThen };
  }

  /** Assembles the report for a definition and period from today's stored figures. */
  async function assemble(
    tx: Db,
    caller: Caller,
    definition: Definition,
    periodKey: string,
    state: ReportState,
    fromPorts: FromPorts,
  ) {
    const period = reportPeriod(definition, periodKey);
    if (!period.ok) return period;
    const gathered = await gatherReport(tx, caller.organisationId, definition, period.value);
    if (!gathered.ok) return gathered;
    const [council] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, caller.organisationId));
    const scopeName =
      definition.scopeKind === 'council' || definition.scopeId === null
        ? null
        : ((await repo.scopeName(tx, caller.organisationId, definition.scopeKind, definition.scopeId)) ?? null);
    const document = reportDocument({
      definition,
      councilName: council?.name ?? '',
      scopeName,
      data: gathered.value,
      exceptionMarginPercent: (await repo.loadSettings(tx, caller.organisationId)).exceptionMarginPercent,
      ...fromPorts,
      state,
      links: REPORT_LINKS,
    });
    return ok({ document, gaps: gateGaps(gathered.value.measures), periodKey: gathered.value.period.key });
  }

  async function loadDefinition(tx: Db, caller: Caller, id: string): Promise<Result<Definition>> {
    if (!mayView(caller)) return forbidden(e.notAllowedToSee);
    const found = await repo.findDefinition(tx, caller.organisationId, id);
    return found ? ok(found) : definitionNotFound();
  }

  async function frozenRevision(
    caller: Caller,
    reportId: string,
    revision?: number,
  ): Promise<Result<{ revision: number; document: Document }>> {
    if (!mayView(caller)) return forbidden(e.notAllowedToSee);
    const report = await repo.findIssued(db, caller.organisationId, { id: reportId });
    if (!report) return notFound(e.reportNotFound);
    const revisions = await repo.listRevisions(db, caller.organisationId, reportId);
    const chosen = revision === undefined ? revisions.at(-1) : revisions.find((r) => r.revision === revision);
    if (!chosen) return notFound(fill(e.revisionNotFound, { revision: revision ?? 1 }));
    return ok({ revision: chosen.revision, document: chosen.document as Document });
  }

  return {
    /** The council's definitions; the built-ins are copied in the first time a council looks. */
    async definitions(caller: Caller): Promise<Result<Definition[]>> {
      if (!mayView(caller)) return forbidden(e.notAllowedToSee);
      const found = await repo.listDefinitions(db, caller.organisationId);
      if (found.length > 0) return ok(found);
      try {
        await installBuiltInDefinitions(db, caller);
      } catch (error) {
        // Another first visit copied them at the same moment: read what it wrote.
        if (!isUniqueViolation(error)) throw error;
      }
      return ok(await repo.listDefinitions(db, caller.organisationId));
    },

    definition: (caller: Caller, id: string) => loadDefinition(db, caller, id),

    async scopeChoices(caller: Caller) {
      return repo.scopeChoices(db, caller.organisationId);
    },

    async createDefinition(caller: Caller, input: DefinitionInput): Promise<Result<Definition>> {
      if (!mayManage(caller)) return forbidden(e.notAllowed);
      return inTransaction(db, async (tx) => {
        const scope = await checkScope(tx, caller, input);
        if (!scope.ok) return scope;
        const [created] = await repo.insertDefinitions(tx, caller.organisationId, [input]);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: DEFINITION,
          entityId: created!.id,
          action: 'create',
          newValue: input,
        });
        return ok(created!);
      });
    },

    async updateDefinition(caller: Caller, id: string, input: DefinitionInput): Promise<Result<Definition>> {
      if (!mayManage(caller)) return forbidden(e.notAllowed);
      return inTransaction(db, async (tx) => {
        const before = await repo.findDefinition(tx, caller.organisationId, id);
        if (!before) return definitionNotFound();
        const scope = await checkScope(tx, caller, input);
        if (!scope.ok) return scope;
        const updated = await repo.updateDefinition(tx, caller.organisationId, id, input);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: DEFINITION,
          entityId: id,
          action: 'update',
          oldValue: before,
          newValue: input,
        });
        return ok(updated!);
      });
    },

    /** The draft for a period from today's stored figures, with the gate's gaps and the issued report, if any. */
    async draft(caller: Caller, definitionId: string, periodKey: string): Promise<Result<Draft>> {
      const definition = await loadDefinition(db, caller, definitionId);
      if (!definition.ok) return definition;
      const fromPorts = await portsFor(caller, definition.value, periodKey);
      // A draft reads today's figures only, so from the replica when there is one (the definition,
      // just saved perhaps, from the primary); issuing reads and freezes inside its transaction.
      const assembled = await assemble(
        readDb,
        caller,
        definition.value,
        periodKey,
        { kind: 'draft', asOf: clock.today() },
        fromPorts,
      );
      if (!assembled.ok) return assembled;
      const issued = await repo.findIssued(db, caller.organisationId, {
        definitionId,
        periodKey: assembled.value.periodKey,
      });
      return ok({ definition: definition.value, ...assembled.value, issued: issued ?? null });
    },

    /** Issues the report for the period: refused while the gate has gaps; freezes the document as revision 1. */
    async issue(caller: Caller, definitionId: string, periodKey: string): Promise<Result<IssuedReport>> {
      if (!mayManage(caller)) return forbidden(e.notAllowed);
      const found = await loadDefinition(db, caller, definitionId);
      const fromPorts = found.ok ? await portsFor(caller, found.value, periodKey) : NO_PORTS;
      return inTransaction(db, async (tx) => {
        const definition = await loadDefinition(tx, caller, definitionId);
        if (!definition.ok) return definition;
        const state: ReportState = {
          kind: 'issued',
          revision: 1,
          issuedOn: clock.today(),
          by: caller.name,
          reason: '',
        };
        const assembled = await assemble(tx, caller, definition.value, periodKey, state, fromPorts);
        if (!assembled.ok) return assembled;
        const { document, gaps } = assembled.value;
        if (gaps.length > 0) {
          const named = gaps.map(gapText).join('; ');
          return refuse('invalid_state', `${fill(e.gateClosed, { count: gaps.length })}: ${named}`);
        }
        const key = assembled.value.periodKey;
        if (await repo.findIssued(tx, caller.organisationId, { definitionId, periodKey: key })) {
          return refuse('conflict', e.alreadyIssued);
        }
        const report = await repo.insertIssued(tx, caller.organisationId, definitionId, key);
        await repo.insertRevision(tx, {
          organisationId: caller.organisationId,
          reportId: report.id,
          revision: 1,
          reason: '',
          document,
          issuedByPersonId: caller.personId,
          issuedByLabel: caller.name,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: REPORT,
          entityId: report.id,
          action: 'issue',
          newValue: { definitionId, periodKey: key, revision: 1 },
        });
        return ok({ report, definition: definition.value, revisions: await revisionsOf(tx, caller, report.id) });
      });
    },

    /** A correction after issue: today's figures as a new revision with its reason; earlier revisions stay. */
    async correct(caller: Caller, reportId: string, reason: string): Promise<Result<IssuedReport>> {
      if (!mayManage(caller)) return forbidden(e.notAllowed);
      const why = reason.trim();
      if (why === '') return refuse('invalid', e.reasonMissing, 'reason');
      const existing = await repo.findIssued(db, caller.organisationId, { id: reportId });
      const found = existing ? await loadDefinition(db, caller, existing.definitionId) : null;
      const fromPorts = existing && found?.ok ? await portsFor(caller, found.value, existing.periodKey) : NO_PORTS;
      return inTransaction(db, async (tx) => {
        const report = await repo.findIssued(tx, caller.organisationId, { id: reportId });
        if (!report) return notFound(e.reportNotFound);
        const definition = await loadDefinition(tx, caller, report.definitionId);
        if (!definition.ok) return definition;
        const revision = (await repo.listRevisions(tx, caller.organisationId, reportId)).length + 1;
        const state: ReportState = { kind: 'issued', revision, issuedOn: clock.today(), by: caller.name, reason: why };
        const assembled = await assemble(tx, caller, definition.value, report.periodKey, state, fromPorts);
        if (!assembled.ok) return assembled;
        await repo.insertRevision(tx, {
          organisationId: caller.organisationId,
          reportId,
          revision,
          reason: why,
          document: assembled.value.document,
          issuedByPersonId: caller.personId,
          issuedByLabel: caller.name,
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: REPORT,
          entityId: reportId,
          action: 'correct',
          newValue: { revision },
          reason: why,
        });
        return ok({ report, definition: definition.value, revisions: await revisionsOf(tx, caller, reportId) });
      });
    },

    async issuedReport(caller: Caller, reportId: string): Promise<Result<IssuedReport>> {
      if (!mayView(caller)) return forbidden(e.notAllowedToSee);
      const report = await repo.findIssued(db, caller.organisationId, { id: reportId });
      if (!report) return notFound(e.reportNotFound);
      const definition = await loadDefinition(db, caller, report.definitionId);
      if (!definition.ok) return definition;
      return ok({ report, definition: definition.value, revisions: await revisionsOf(db, caller, reportId) });
    },

    async issuedFor(caller: Caller, definitionId: string): Promise<Result<repo.IssuedReportRow[]>> {
      const definition = await loadDefinition(db, caller, definitionId);
      if (!definition.ok) return definition;
      return ok(await repo.listIssued(db, caller.organisationId, definitionId));
    },

    /** The frozen document of an issued report: the given revision, or the latest. */
    async documentFor(caller: Caller, reportId: string, revision?: number): Promise<Result<Document>> {
      const found = await frozenRevision(caller, reportId, revision);
      return found.ok ? ok(found.value.document) : found;
    },

    /** The frozen revision of an issued report (the given one, or the latest), with its number and title. */
    frozenRevision,

    /** The draft document for a definition and period (today's figures, not frozen). */
    async draftDocumentFor(caller: Caller, definitionId: string, periodKey: string): Promise<Result<Document>> {
      const definition = await loadDefinition(db, caller, definitionId);
      if (!definition.ok) return definition;
      const fromPorts = await portsFor(caller, definition.value, periodKey);
      // A draft reads today's figures only, so from the replica when there is one (the definition,
      // just saved perhaps, from the primary); issuing reads and freezes inside its transaction.
      const assembled = await assemble(
        readDb,
        caller,
        definition.value,
        periodKey,
        { kind: 'draft', asOf: clock.today() },
        fromPorts,
      );
      return assembled.ok ? ok(assembled.value.document) : assembled;
    },
  };
}

async function revisionsOf(db: Db, caller: Caller, reportId: string): Promise<RevisionSummary[]> {
  return (await repo.listRevisions(db, caller.organisationId, reportId)).map((r) => ({
    revision: r.revision,
    reason: r.reason,
    issuedByLabel: r.issuedByLabel,
    issuedAt: r.issuedAt.toISOString(),
  }));
}

/** Copies the built-in definitions into a council (its first visit, or the demo council's load). */
export async function installBuiltInDefinitions(
  db: Db,
  caller: { organisationId: string; personId: string | null; name: string },
) {
  await inTransaction(db, async (tx) => {
    const created = await repo.insertDefinitions(
      tx,
      caller.organisationId,
      BUILT_IN_DEFINITIONS.map(({ key, ...rest }) => ({
        ...rest,
        builtIn: key,
        title: words.reports.builtIn[key as keyof typeof words.reports.builtIn],
      })),
    );
    for (const definition of created) {
      await recordAudit(tx, {
        organisationId: caller.organisationId,
        actor: { personId: caller.personId, label: caller.name },
        entityType: DEFINITION,
        entityId: definition.id,
        action: 'create',
        newValue: { builtIn: definition.builtIn },
      });
    }
    return ok(null);
  });
}
