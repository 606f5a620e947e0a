import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import type { SignedIn } from '../../../kernel/access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { dateItems } from '../../../platform/http/date-input.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { recommendationInput, reportInput } from '../domain/inputs.ts';
import type { RecommendationsServices } from '../services.ts';
import { queryValue, withDates, type Values } from './forms.ts';
import {
  actionItems,
  detailRows,
  historyItems,
  priorityItems,
  registerRow,
  responseItems,
  revisionRows,
  sourceItems,
  sourceName,
  statusItems,
  statusTag,
  summaryTables,
  withBlank,
} from './recommendation.presenter.ts';
import { filterFrom, filterQueryString } from './register-filter.ts';

export const viewRegister = { access: { permission: 'view:organisation' } } as const;
export const changeRegister = { access: { permission: 'edit:plans' } } as const;

const w = words.recommendations;
const pageWords = words.recommendationsPages;

/** The status a refusal is shown with: the caller's rights are 403, anything else a bad form. */
export const refusalStatus = (code: string) => (code === 'forbidden' ? 403 : 400);

export async function recommendationsRoutes(
  app: FastifyInstance,
  { services, clock }: { services: RecommendationsServices; clock: Clock },
) {
  const { recommendations } = services;

  app.get(paths.recommendations(), { config: viewRegister }, async (request, reply) => {
    const caller = request.caller();
    const filter = filterFrom(request.query, clock.today());
    const [{ entries, summary }, choices] = await Promise.all([
      recommendations.register(caller, filter),
      recommendations.choices(caller),
    ]);
    return reply.render('pages/recommendations/index.njk', {
      title: w.registerTitle,
      intro: w.registerIntro,
      rows: entries.map(registerRow),
      tables: summaryTables(summary),
      filtered: Object.values(filter).some((value) => value !== undefined),
      exportQuery: filterQueryString(request.query),
      filters: {
        source: withBlank(sourceItems(filter.source), pageWords.choices.anySource, filter.source),
        report: selectItems(
          choices.reports,
          (r) => r.id,
          (r) => r.title,
          filter.reportId,
          pageWords.choices.anyReport,
        ),
        owner: selectItems(
          choices.people,
          (p) => p.id,
          (p) => p.name,
          filter.ownerPersonId,
          pageWords.choices.anyone,
        ),
        unit: selectItems(
          choices.units,
          (u) => u.id,
          (u) => u.name,
          filter.unitId,
          pageWords.choices.anyUnit,
        ),
        status: withBlank(statusItems(filter.status), pageWords.choices.anyStatus, filter.status),
        overdue: [{ value: 'yes', text: pageWords.choices.onlyOverdue, checked: !!filter.overdueOn }],
      },
    });
  });

  // --- reports ----------------------------------------------------------------------------------------

  app.get(paths.recommendationReports(), { config: viewRegister }, async (request, reply) => {
    const reports = await recommendations.reports(request.caller());
    return reply.render('pages/recommendations/reports.njk', {
      title: w.reportsTitle,
      breadcrumbs: [{ text: w.title, href: paths.recommendations() }],
      reports: reports.map((report) => ({
        href: paths.recommendationReport(report.id),
        title: report.title,
        reference: report.reference,
        source: sourceName(report.source),
        date: report.reportDate,
      })),
    });
  });

  function renderReportForm(reply: FastifyReply, values: Values, errors?: FormErrors, status?: number) {
    return reply.render(
      'pages/recommendations/report-form.njk',
      {
        title: pageWords.titles.addReport,
        backLink: paths.recommendationReports(),
        values,
        errors,
        sourceItems: sourceItems(values.source),
        dateItems: dateItems(values.reportDate, values, 'reportDate', !!errors?.fields.reportDate),
      },
      status,
    );
  }

  app.get(paths.newRecommendationReport(), { config: changeRegister }, async (_request, reply) =>
    renderReportForm(reply, {}),
  );

  app.post(paths.newRecommendationReport(), { config: changeRegister }, async (request, reply) => {
    const values = withDates(request.body as Values, 'reportDate');
    const form = parseForm(reportInput, values);
    if (!form.ok) return renderReportForm(reply, values, form.errors, 400);
    const result = await recommendations.createReport(request.caller(), form.value);
    if (!result.ok)
      return renderReportForm(reply, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
    return reply
      .flash(fill(words.recommendationFlash.reportAdded, { title: result.value.title }))
      .redirect(paths.recommendationReport(result.value.id));
  });

  app.get(paths.recommendationReport(), { config: viewRegister }, async (request, reply) => {
    const result = await recommendations.report(request.caller(), idParam(request).id);
    if (!result.ok) return reply.callNotFound();
    const { report, entries, summary } = result.value;
    return reply.render('pages/recommendations/report.njk', {
      title: report.title,
      breadcrumbs: [
        { text: w.title, href: paths.recommendations() },
        { text: w.reportsTitle, href: paths.recommendationReports() },
      ],
      report: { ...report, source: sourceName(report.source) },
      rows: entries.map(registerRow),
      tables: summaryTables(summary),
      addHref: `${paths.newRecommendation()}?reportId=${report.id}`,
    });
  });

  // --- one recommendation --------------------------------------------------------------------------

  async function renderNew(
    reply: FastifyReply,
    caller: SignedIn,
    values: Values,
    errors?: FormErrors,
    status?: number,
  ) {
    const choices = await recommendations.choices(caller);
    return reply.render(
      'pages/recommendations/new.njk',
      {
        title: pageWords.titles.add,
        backLink: paths.recommendations(),
        values,
        errors,
        reportItems: selectItems(
          choices.reports,
          (r) => r.id,
          (r) => `${r.title} (${r.reportDate})`,
          values.reportId as string | undefined,
          pageWords.choices.selectReport,
        ),
        ownerItems: selectItems(
          choices.people,
          (p) => p.id,
          (p) => (p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name),
          values.ownerPersonId as string | undefined,
          pageWords.choices.selectOwner,
        ),
        unitItems: selectItems(
          choices.units,
          (u) => u.id,
          (u) => u.name,
          values.unitId as string | undefined,
          pageWords.choices.wholeCouncil,
        ),
        priorityItems: priorityItems(values.priority),
        responseItems: withBlank(responseItems(values.response), pageWords.choices.notAnswered, values.response),
        dateItems: dateItems(values.dueDate, values, 'dueDate', !!errors?.fields.dueDate),
      },
      status,
    );
  }

  app.get(paths.newRecommendation(), { config: changeRegister }, async (request, reply) =>
    renderNew(reply, request.caller(), { reportId: queryValue(request.query, 'reportId') }),
  );

  app.post(paths.newRecommendation(), { config: changeRegister }, async (request, reply) => {
    const caller = request.caller();
    const values = withDates(request.body as Values, 'dueDate');
    const form = parseForm(recommendationInput, values);
    if (!form.ok) return renderNew(reply, caller, values, form.errors, 400);
    const result = await recommendations.create(caller, form.value);
    if (!result.ok)
      return renderNew(reply, caller, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
    return reply.flash(words.recommendationFlash.added).redirect(paths.recommendation(result.value.id));
  });

  app.get(paths.recommendation(), { config: viewRegister }, async (request, reply) => {
    const result = await recommendations.detail(request.caller(), idParam(request).id);
    if (!result.ok) return reply.callNotFound();
    const detail = result.value;
    const r = detail.recommendation;
    const live = r.status !== 'closed' && r.status !== 'superseded';
    return reply.render('pages/recommendations/show.njk', {
      title: r.reference
        ? fill(pageWords.titles.recommendationWithReference, { reference: r.reference })
        : pageWords.titles.recommendation,
      breadcrumbs: [
        { text: w.title, href: paths.recommendations() },
        { text: r.reportTitle, href: paths.recommendationReport(r.reportId) },
      ],
      recommendation: r,
      status: statusTag(r.status),
      overdue: r.ageing.overdue,
      rows: detailRows(detail),
      revisionRows: revisionRows(detail.revisions),
      history: historyItems(detail.history),
      actions: actionItems(detail.actions),
      live,
      links: {
        response: paths.recommendationResponse(r.id),
        dueDate: paths.recommendationDueDate(r.id),
        status: paths.recommendationStatus(r.id),
        close: paths.closeRecommendation(r.id),
        addAction: paths.newActionAnswering('recommendation', r.id),
      },
    });
  });
}
