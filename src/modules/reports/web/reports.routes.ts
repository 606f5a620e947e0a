import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { currentReportingPeriod, periodKey } from '../../../kernel/measurement/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { holdsOverOrganisation } from '../../../platform/access/policy.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { FormErrors } from '../../../platform/http/form-errors.ts';
import { formErrorsFrom, parseForm } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { CADENCE_FREQUENCY, definitionInput, SECTIONS } from '../domain/definitions.ts';
import type { Definition } from '../reports.service.ts';
import type { ReportsServices } from '../services.ts';
import {
  definitionFormChoices,
  definitionRows,
  definitionSummary,
  gapRows,
  revisionRows,
  type Values,
} from './report.presenter.ts';

export const viewReports = { access: { permission: 'view:organisation' } } as const;
export const manageReports = { access: { permission: 'manage:framework' } } as const;

const w = words.reports;
const PRINT_CSS = readFileSync(fileURLToPath(new URL('./print.css', import.meta.url)), 'utf8');
const PERIOD_KEY = /^[0-9A-Za-z-]{4,12}$/;

const periodParam = (params: unknown) => {
  const value = (params as Record<string, string | undefined>).periodKey ?? '';
  return PERIOD_KEY.test(value) ? value : '';
};
const query = (request: { query: unknown }, name: string) => {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

export async function reportsRoutes(
  app: FastifyInstance,
  { services, clock }: { services: ReportsServices; clock: Clock },
) {
  const { reports } = services;
  const crumbs = [{ text: w.title, href: paths.reportDefinitions() }];

  // The print stylesheet, served as a file: the content security policy allows no inline styles.
  app.get('/reports-print.css', { config: { access: 'public', static: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PRINT_CSS),
  );

  app.get(paths.reportDefinitions(), { config: viewReports }, async (request, reply) => {
    const caller = request.caller();
    const result = await reports.definitions(caller);
    if (!result.ok) return reply.callNotFound();
    return reply.render('pages/reports/definitions.njk', {
      title: w.definitionsTitle,
      intro: w.intro,
      rows: definitionRows(result.value),
      mayManage: mayManage(caller),
    });
  });

  async function renderForm(
    reply: FastifyReply,
    caller: SignedIn,
    values: Values,
    options: { definition?: Definition; errors?: FormErrors; status?: number },
  ) {
    const scopes = await reports.scopeChoices(caller);
    const editing = options.definition;
    return reply.render(
      'pages/reports/definition-form.njk',
      {
        title: editing ? w.editDefinition : w.newDefinition,
        backLink: editing ? paths.reportDefinition(editing.id) : paths.reportDefinitions(),
        action: editing ? paths.editReportDefinition(editing.id) : paths.newReportDefinition(),
        values,
        errors: options.errors,
        ...definitionFormChoices(values, scopes),
      },
      options.status,
    );
  }

  /** The form's scope select names a directorate or a portfolio; the kind radio says which. */
  const posted = (body: unknown): Values => {
    const values = { ...(body as Values) };
    if (values.scopeKind === 'council') values.scopeId = '';
    return values;
  };

  app.get(paths.newReportDefinition(), { config: manageReports }, async (request, reply) =>
    renderForm(
      reply,
      request.caller(),
      {
        audience: 'executive',
        scopeKind: 'council',
        cadence: 'quarterly',
        sections: [...SECTIONS],
      },
      {},
    ),
  );

  app.post(paths.newReportDefinition(), { config: manageReports }, async (request, reply) => {
    const caller = request.caller();
    const values = posted(request.body);
    const form = parseForm(definitionInput, values);
    if (!form.ok) return renderForm(reply, caller, values, { errors: form.errors, status: 400 });
    const result = await reports.createDefinition(caller, form.value);
    if (!result.ok)
      return renderForm(reply, caller, values, {
        errors: formErrorsFrom(result.error),
        status: STATUS_FOR[result.error.code],
      });
    return reply.flash(w.definitionSaved).redirect(paths.reportDefinition(result.value.id));
  });

  app.get(paths.reportDefinition(), { config: viewReports }, async (request, reply) => {
    const caller = request.caller();
    const id = idParam(request).id;
    const chosen = query(request, 'period');
    if (chosen) return reply.redirect(paths.reportDraft(id, encodeURIComponent(chosen)));
    const [definition, issued] = await Promise.all([reports.definition(caller, id), reports.issuedFor(caller, id)]);
    if (!definition.ok || !issued.ok) return reply.callNotFound();
    const d = definition.value;
    const scopes = d.scopeId ? await reports.scopeChoices(caller) : null;
    const scopeName = scopes
      ? ([...scopes.directorates, ...scopes.portfolios].find((s) => s.id === d.scopeId)?.name ?? null)
      : null;
    return reply.render('pages/reports/definition.njk', {
      title: d.title,
      breadcrumbs: crumbs,
      summary: definitionSummary(d, scopeName),
      defaultPeriod: periodKey(currentReportingPeriod(CADENCE_FREQUENCY[d.cadence], clock.today())),
      issued: issued.value.map((r) => ({ href: paths.issuedReport(r.id), periodKey: r.periodKey })),
      editHref: mayManage(caller) ? paths.editReportDefinition(d.id) : null,
      action: paths.reportDefinition(d.id),
    });
  });

  app.get(paths.editReportDefinition(), { config: manageReports }, async (request, reply) => {
    const caller = request.caller();
    const found = await reports.definition(caller, idParam(request).id);
    if (!found.ok) return reply.callNotFound();
    const d = found.value;
    return renderForm(reply, caller, { ...d, scopeId: d.scopeId ?? '' }, { definition: d });
  });

  app.post(paths.editReportDefinition(), { config: manageReports }, async (request, reply) => {
    const caller = request.caller();
    const found = await reports.definition(caller, idParam(request).id);
    if (!found.ok) return reply.callNotFound();
    const values = posted(request.body);
    const form = parseForm(definitionInput, values);
    if (!form.ok)
      return renderForm(reply, caller, values, { definition: found.value, errors: form.errors, status: 400 });
    const result = await reports.updateDefinition(caller, found.value.id, form.value);
    if (!result.ok)
      return renderForm(reply, caller, values, {
        definition: found.value,
        errors: formErrorsFrom(result.error),
        status: STATUS_FOR[result.error.code],
      });
    return reply.flash(w.definitionSaved).redirect(paths.reportDefinition(found.value.id));
  });

  // --- a report for a period ------------------------------------------------------------------------

  app.get(paths.reportDraft(), { config: viewReports }, async (request, reply) => {
    const caller = request.caller();
    const id = idParam(request).id;
    const result = await reports.draft(caller, id, periodParam(request.params));
    if (!result.ok) {
      if (result.error.code !== 'invalid') return reply.callNotFound();
      return reply.code(400).render('pages/reports/bad-period.njk', {
        title: w.pages.choosePeriod,
        backLink: paths.reportDefinition(id),
        message: sayStored(result.error.message),
      });
    }
    const draft = result.value;
    return reply.render('pages/reports/draft.njk', {
      title: fill(w.pages.draft, { period: draft.document.subtitle ?? draft.periodKey }),
      breadcrumbs: [...crumbs, { text: draft.definition.title, href: paths.reportDefinition(id) }],
      document: draft.document,
      gaps: draft.gaps.length,
      gateHref: paths.reportGate(id, draft.periodKey),
      issuedHref: draft.issued ? paths.issuedReport(draft.issued.id) : null,
      files: (['docx', 'pdf', 'xlsx', 'html'] as const).map((format) => ({
        text: w.pages.file[format],
        href: paths.reportDraftFile(id, draft.periodKey, format),
      })),
      printCss: true,
    });
  });

  async function renderGate(
    reply: FastifyReply,
    caller: SignedIn,
    id: string,
    key: string,
    problem?: { message: string; status: number },
  ) {
    const result = await reports.draft(caller, id, key);
    if (!result.ok) return reply.callNotFound();
    const draft = result.value;
    return reply.render(
      'pages/reports/gate.njk',
      {
        title: fill(w.pages.gateTitle, { title: draft.definition.title, period: draft.document.subtitle ?? key }),
        breadcrumbs: [...crumbs, { text: draft.definition.title, href: paths.reportDefinition(id) }],
        rows: gapRows(draft.gaps),
        issuedHref: draft.issued ? paths.issuedReport(draft.issued.id) : null,
        mayIssue: mayManage(caller) && draft.gaps.length === 0 && !draft.issued,
        issueAction: paths.issueReport(id, draft.periodKey),
        draftHref: paths.reportDraft(id, draft.periodKey),
        errors: problem ? { summary: [{ text: problem.message, href: '#gaps' }], fields: {} } : undefined,
      },
      problem?.status,
    );
  }

  app.get(paths.reportGate(), { config: viewReports }, async (request, reply) =>
    renderGate(reply, request.caller(), idParam(request).id, periodParam(request.params)),
  );

  app.post(paths.issueReport(), { config: manageReports }, async (request, reply) => {
    const caller = request.caller();
    const id = idParam(request).id;
    const key = periodParam(request.params);
    const result = await reports.issue(caller, id, key);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderGate(reply, caller, id, key, {
        message: sayStored(result.error.message),
        status: STATUS_FOR[result.error.code],
      });
    }
    return reply.flash(w.pages.issued).redirect(paths.issuedReport(result.value.report.id));
  });

  // --- issued reports -------------------------------------------------------------------------------

  async function renderIssued(reply: FastifyReply, caller: SignedIn, reportId: string, revision?: number) {
    const [issued, document] = await Promise.all([
      reports.issuedReport(caller, reportId),
      reports.documentFor(caller, reportId, revision),
    ]);
    if (!issued.ok || !document.ok) return reply.callNotFound();
    const { report, definition, revisions } = issued.value;
    const shown = revision ?? revisions.at(-1)?.revision ?? 1;
    // The Word, PDF and Excel files already made are links; the others a button that has them made.
    const prepared = new Set<string>(await services.reportFiles.prepared(caller, report.id, shown));
    return reply.render('pages/reports/issued.njk', {
      title: `${document.value.title}: ${document.value.subtitle ?? report.periodKey}`,
      breadcrumbs: [...crumbs, { text: definition.title, href: paths.reportDefinition(definition.id) }],
      document: document.value,
      revisionText: fill(w.pages.revision, { revision: shown }),
      revisionRows: revisionRows(report.id, revisions),
      files: (['docx', 'pdf', 'xlsx', 'html'] as const).map((format) => ({
        text: w.pages.file[format],
        href: `${paths.issuedReportFile(report.id, format)}?revision=${shown}`,
        ready: format === 'html' || prepared.has(format),
        prepare: format === 'html' ? '' : fill(w.files.prepare, { file: w.files.names[format] }),
      })),
      correctHref: mayManage(caller) ? paths.correctIssuedReport(report.id) : null,
      printCss: true,
    });
  }

  app.get(paths.issuedReport(), { config: viewReports }, async (request, reply) =>
    renderIssued(reply, request.caller(), idParam(request).id),
  );

  app.get(paths.issuedReportRevision(), { config: viewReports }, async (request, reply) => {
    const revision = Number((request.params as { revision?: string }).revision);
    if (!Number.isInteger(revision) || revision < 1) return reply.callNotFound();
    return renderIssued(reply, request.caller(), idParam(request).id, revision);
  });

  async function renderCorrect(
    reply: FastifyReply,
    caller: SignedIn,
    reportId: string,
    values: Values,
    errors?: FormErrors,
    status?: number,
  ) {
    const issued = await reports.issuedReport(caller, reportId);
    if (!issued.ok) return reply.callNotFound();
    const { report, definition } = issued.value;
    return reply.render(
      'pages/reports/correct.njk',
      {
        title: fill(w.pages.correctTitle, { title: definition.title, period: report.periodKey }),
        backLink: paths.issuedReport(reportId),
        action: paths.correctIssuedReport(reportId),
        values,
        errors,
      },
      status,
    );
  }

  app.get(paths.correctIssuedReport(), { config: manageReports }, async (request, reply) =>
    renderCorrect(reply, request.caller(), idParam(request).id, {}),
  );

  app.post(paths.correctIssuedReport(), { config: manageReports }, async (request, reply) => {
    const caller = request.caller();
    const id = idParam(request).id;
    const values = request.body as Values;
    const reason = typeof values.reason === 'string' ? values.reason : '';
    const result = await reports.correct(caller, id, reason);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderCorrect(reply, caller, id, values, formErrorsFrom(result.error), STATUS_FOR[result.error.code]);
    }
    const revision = result.value.revisions.at(-1)!.revision;
    return reply.flash(fill(w.pages.corrected, { revision })).redirect(paths.issuedReport(id));
  });
}

const mayManage = (caller: SignedIn) => holdsOverOrganisation(caller, 'manage:framework');
