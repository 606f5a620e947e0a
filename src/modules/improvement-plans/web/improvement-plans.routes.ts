import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import type { DomainError } from '../../../kernel/result.ts';
import { dateItems, isoFromParts } from '../../../platform/http/date-input.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, words } from '../../../platform/words/index.ts';
import {
  closeInput,
  decisionInput,
  newPlanInput,
  planFilters,
  planUpdateInput,
  withdrawInput,
} from '../domain/inputs.ts';
import { PLAN_STATUSES } from '../domain/lifecycle.ts';
import { isOpenAction } from '../ports.ts';
import type { ImprovementPlansServices } from '../services.ts';
import {
  actionItems,
  decisionRows,
  eventItems,
  planListItems,
  planSummaryRows,
  requestItems,
  statusName,
  statusTag,
  taskListItems,
} from './improvement-plan.presenter.ts';

// Staff only (not partners); what each person may change is the service's to decide.
const pageWords = words.improvementPlansPages;
const staff = { access: { permission: 'view:organisation' } } as const;

type Values = Record<string, unknown>;

/** The form's date boxes (dueDate-day …) as the one ISO date the schemas read. */
function withDates(body: Values, ...names: string[]): Values {
  const values = { ...body };
  for (const name of names) if (`${name}-day` in body) values[name] = isoFromParts(body, name);
  return values;
}

export async function improvementPlansRoutes(
  app: FastifyInstance,
  { services }: { services: ImprovementPlansServices },
) {
  const plans = services.improvementPlans;

  const refusalStatus = (error: DomainError) => STATUS_FOR[error.code];

  async function renderForm(
    reply: FastifyReply,
    caller: Caller,
    options: {
      planId?: string;
      values: Values;
      errors?: FormErrors;
      status?: number;
      request?: { id: string; measure: string };
    },
  ) {
    const choices = await plans.formOptions(caller);
    const { values, errors } = options;
    return reply.render(
      'pages/improvement-plans/form.njk',
      {
        title: options.planId ? pageWords.titles.edit : pageWords.titles.start,
        backLink: options.planId ? paths.improvementPlan(options.planId) : paths.improvementPlans(),
        action: options.planId ? paths.editImprovementPlan(options.planId) : paths.newImprovementPlan(),
        isNew: !options.planId,
        request: options.request ?? null,
        values,
        errors,
        measureItems: selectItems(
          choices.measures,
          (measure) => measure.id,
          (measure) => `${measure.code} ${measure.title}`,
          values.measureId as string | undefined,
          pageWords.choices.selectMeasure,
        ),
        ownerItems: selectItems(
          choices.people,
          (person) => person.id,
          (person) => person.name,
          values.ownerPersonId as string | undefined,
          pageWords.choices.measureOwner,
        ),
        dueDateItems: dateItems(values.dueDate, values, 'dueDate', Boolean(errors?.fields.dueDate)),
      },
      options.status,
    );
  }

  async function renderPlan(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    template = 'show',
    options: { values?: Values; errors?: FormErrors; status?: number } = {},
  ) {
    const detail = await plans.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    const { row } = detail.value;
    const titles: Record<string, string> = {
      show: fill(pageWords.titles.show, { code: row.measureCode }),
      decision: pageWords.titles.decision,
      close: pageWords.titles.close,
      withdraw: pageWords.titles.withdraw,
    };
    return reply.render(
      `pages/improvement-plans/${template}.njk`,
      {
        title: titles[template],
        ...(template === 'show'
          ? {
              breadcrumbs: [
                { text: pageWords.titles.home, href: paths.home() },
                { text: words.improvementPlans.title, href: paths.improvementPlans() },
              ],
            }
          : { backLink: paths.improvementPlan(id) }),
        plan: row.plan,
        measureCode: row.measureCode,
        measureTitle: row.measureTitle,
        measureHref: paths.measure(row.plan.measureId),
        status: statusTag(detail.value.status),
        summaryRows: planSummaryRows(detail.value),
        tasks: taskListItems(detail.value),
        actions: actionItems(detail.value.actions),
        openActions: detail.value.actions.filter(isOpenAction).length,
        addActionHref: paths.newActionForImprovementPlan(id),
        decisions: decisionRows(detail.value.decisions),
        events: eventItems(detail.value.events),
        panel: detail.value.panel,
        steps: detail.value.steps,
        mayWrite: detail.value.mayWrite,
        values: options.values ?? {},
        errors: options.errors,
        meetingDateItems: dateItems(
          undefined,
          options.values,
          'meetingDate',
          Boolean(options.errors?.fields.meetingDate),
        ),
      },
      options.status,
    );
  }

  app.get(paths.improvementPlans(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const query = request.query as Values;
    const parsed = parseForm(planFilters, query);
    const [options, rows, waiting] = await Promise.all([
      plans.filterOptions(caller),
      parsed.ok ? plans.list(caller, parsed.value) : Promise.resolve([]),
      services.improvementRequests.list(caller, { all: true }),
    ]);
    const selected = (name: string) => (typeof query[name] === 'string' ? query[name] : '');
    return reply.render('pages/improvement-plans/index.njk', {
      title: words.improvementPlans.title,
      errors: parsed.ok ? undefined : parsed.errors,
      filtered: ['ownerPersonId', 'unitId', 'status'].some((name) => selected(name) !== ''),
      ownerItems: selectItems(
        options.people,
        (p) => p.id,
        (p) => p.name,
        selected('ownerPersonId'),
        pageWords.choices.anyone,
      ),
      unitItems: selectItems(
        options.units,
        (u) => u.id,
        (u) => u.name,
        selected('unitId'),
        pageWords.choices.anyUnit,
      ),
      statusItems: selectItems(PLAN_STATUSES, (s) => s, statusName, selected('status'), pageWords.choices.anyStatus),
      plans: planListItems(rows),
      requests: requestItems(waiting),
    });
  });

  app.get(paths.improvementPlanRequests(), { config: staff }, async (request, reply) => {
    const mine = await services.improvementRequests.list(request.caller());
    return reply.render('pages/improvement-plans/needed.njk', {
      title: words.improvementPlans.neededTitle,
      breadcrumbs: [{ text: pageWords.titles.home, href: paths.home() }],
      requests: requestItems(mine),
    });
  });

  app.get(paths.newImprovementPlan(), { config: staff }, async (request, reply) => {
    const query = request.query as Values;
    const values: Values = {};
    if (typeof query.measureId === 'string') values.measureId = query.measureId;
    if (typeof query.requestId === 'string') values.requestId = query.requestId;
    return renderForm(reply, request.caller(), { values });
  });

  app.post(paths.newImprovementPlan(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const values = withDates((request.body ?? {}) as Values, 'dueDate');
    const form = parseForm(newPlanInput, values);
    if (!form.ok) return renderForm(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await plans.create(caller, form.value);
    if (!result.ok)
      return renderForm(reply, caller, {
        values,
        errors: formErrorsFrom(result.error),
        status: refusalStatus(result.error),
      });
    return reply.flash(words.improvementPlans.created).redirect(paths.improvementPlan(result.value.id));
  });

  app.get(paths.improvementPlan(), { config: staff }, async (request, reply) =>
    renderPlan(reply, request.caller(), idParam(request).id),
  );

  app.get(paths.editImprovementPlan(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await plans.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    const { plan } = detail.value.row;
    return renderForm(reply, caller, {
      planId: id,
      values: {
        problem: plan.problem,
        rootCause: plan.rootCause,
        expectedValue: plan.expectedValue ?? '',
        expectedPeriod: plan.expectedPeriod ?? '',
        dueDate: plan.dueDate ?? '',
        ownerPersonId: plan.ownerPersonId ?? '',
        rowVersion: plan.rowVersion,
      },
    });
  });

  app.post(paths.editImprovementPlan(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = withDates((request.body ?? {}) as Values, 'dueDate');
    const form = parseForm(planUpdateInput, values);
    if (!form.ok) return renderForm(reply, caller, { planId: id, values, errors: form.errors, status: 400 });
    const result = await plans.update(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderForm(reply, caller, {
        planId: id,
        values,
        errors: formErrorsFrom(result.error),
        status: refusalStatus(result.error),
      });
    }
    return reply.flash(words.improvementPlans.saved).redirect(paths.improvementPlan(id));
  });

  app.post(paths.improvementPlanStep(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const step = (request.params as { step?: string }).step;
    if (step !== 'submit' && step !== 'start') return reply.callNotFound();
    const result = step === 'submit' ? await plans.submit(caller, id) : await plans.start(caller, id);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPlan(reply, caller, id, 'show', {
        // The step's problem is about the plan as a whole: the summary links to its parts.
        errors: { summary: [{ text: result.error.message, href: '#plan-parts' }], fields: {} },
        status: refusalStatus(result.error),
      });
    }
    return reply
      .flash(step === 'submit' ? words.improvementPlans.submitted : words.improvementPlans.started)
      .redirect(paths.improvementPlan(id));
  });

  const stepForms = [
    { path: paths.improvementPlanDecision(), template: 'decision' },
    { path: paths.closeImprovementPlan(), template: 'close' },
    { path: paths.withdrawImprovementPlan(), template: 'withdraw' },
  ] as const;

  for (const { path, template } of stepForms) {
    app.get(path, { config: staff }, async (request, reply) =>
      renderPlan(reply, request.caller(), idParam(request).id, template),
    );
  }

  app.post(paths.improvementPlanDecision(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = withDates((request.body ?? {}) as Values, 'meetingDate');
    const form = parseForm(decisionInput, values);
    if (!form.ok) return renderPlan(reply, caller, id, 'decision', { values, errors: form.errors, status: 400 });
    const result = await plans.decide(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPlan(reply, caller, id, 'decision', {
        values,
        errors: formErrorsFrom(result.error),
        status: refusalStatus(result.error),
      });
    }
    return reply
      .flash(
        form.value.outcome === 'agreed'
          ? words.improvementPlans.decisionAgreed
          : words.improvementPlans.decisionSentBack,
      )
      .redirect(paths.improvementPlan(id));
  });

  app.post(paths.closeImprovementPlan(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = (request.body ?? {}) as Values;
    const form = parseForm(closeInput, values);
    if (!form.ok) return renderPlan(reply, caller, id, 'close', { values, errors: form.errors, status: 400 });
    const result = await plans.close(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPlan(reply, caller, id, 'close', {
        values,
        errors: formErrorsFrom(result.error),
        status: refusalStatus(result.error),
      });
    }
    return reply.flash(words.improvementPlans.closed).redirect(paths.improvementPlan(id));
  });

  app.post(paths.withdrawImprovementPlan(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = (request.body ?? {}) as Values;
    const form = parseForm(withdrawInput, values);
    if (!form.ok) return renderPlan(reply, caller, id, 'withdraw', { values, errors: form.errors, status: 400 });
    const result = await plans.withdraw(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPlan(reply, caller, id, 'withdraw', {
        values,
        errors: formErrorsFrom(result.error),
        status: refusalStatus(result.error),
      });
    }
    return reply.flash(words.improvementPlans.withdrawn).redirect(paths.improvementPlan(id));
  });
}
