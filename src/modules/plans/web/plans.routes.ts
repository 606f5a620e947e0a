import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import {
  amendInput,
  approveInput,
  commentInput,
  isPlanAction,
  planFilters,
  planInput,
  planUpdateInput,
  returnInput,
  rollForwardInput,
  rolledPeriod,
} from '../domain/index.ts';
import type { DomainError, Result } from '../../../kernel/result.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { PlansPageServices } from '../services.ts';
import type { Plan } from '../plans.service.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import {
  actionsView,
  dateItems,
  eventRows,
  isoFromParts,
  periodDates,
  periodLabel,
  planFormBody,
  planFormErrors,
  statusName,
  statusTag,
  versionKindName,
  versionRows,
} from './plan.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';

const view = { access: { permission: 'view:plans' } } as const;
const edit = { access: { permission: 'edit:plans' } } as const;

type Values = Record<string, unknown>;

export async function plansRoutes(app: FastifyInstance, { services }: { services: PlansPageServices }) {
  async function renderForm(
    reply: FastifyReply,
    caller: Caller,
    options: {
      plan?: Plan;
      values: Values;
      typed?: Values;
      errors?: FormErrors;
      status?: number;
      conflict?: boolean;
    },
  ) {
    const choices = await services.plans.formOptions(caller);
    const { plan, values } = options;
    const errors = options.errors ? planFormErrors(options.errors) : undefined;
    const type = choices.planTypes.find((candidate) => candidate.id === (plan?.planTypeId ?? values.planTypeId));
    const sectionValues = (values.sections ?? {}) as Record<string, string>;
    return reply.render(
      'pages/plans/form.njk',
      {
        title: plan ? fill(words.plansWeb.titles.editPlan, { title: plan.title }) : words.plansWeb.titles.newPlan,
        heading: plan ? words.plansWeb.titles.editPlanHeading : words.plansWeb.titles.newPlan,
        action: plan ? paths.editPlan(plan.id) : paths.newPlan(),
        backLink: plan ? paths.plan(plan.id) : paths.plans(),
        plan: plan ? { ...plan, typeName: type?.name ?? '' } : null,
        values,
        errors,
        conflict: options.conflict ?? false,
        typeItems: selectItems(
          choices.planTypes.filter((candidate) => candidate.active),
          (candidate) => candidate.id,
          (candidate) => fill(words.plansWeb.typeOption, { name: candidate.name, level: candidate.level }),
          values.planTypeId as string | undefined,
          words.plansWeb.selectPlanType,
        ),
        unitItems: selectItems(
          choices.units,
          (unit) => unit.id,
          (unit) => `${unit.name} (${unit.code})`,
          values.owningUnitId as string | undefined,
          words.plansWeb.selectUnit,
        ),
        ownerItems: selectItems(
          choices.people,
          (person) => person.id,
          (person) => person.name,
          values.ownerPersonId as string | undefined,
          words.plansWeb.notSetYet,
        ),
        parentItems: selectItems(
          choices.parentPlans.filter((candidate) => candidate.lineageId !== plan?.lineageId),
          (candidate) => candidate.id,
          (candidate) =>
            fill(words.plansWeb.parentPlanOption, {
              title: candidate.title,
              type: candidate.planTypeName,
              period: periodLabel(candidate.periodStart, candidate.periodEnd),
              status:
                words.planStatusInSentence[candidate.status as keyof typeof words.planStatusInSentence] ??
                candidate.status,
            }),
          values.parentPlanId as string | undefined,
          words.plansWeb.noParentPlan,
        ),
        periodStartItems: dateItems(
          values.periodStart,
          options.typed,
          'periodStart',
          Boolean(errors?.fields.periodStart),
        ),
        periodEndItems: dateItems(values.periodEnd, options.typed, 'periodEnd', Boolean(errors?.fields.periodEnd)),
        sections: plan
          ? (type?.templateSections ?? []).map((section) => ({
              ...section,
              id: `section-${section.key}`,
              value: sectionValues[section.key] ?? '',
              error: errors?.fields[`section-${section.key}`],
            }))
          : [],
      },
      options.status,
    );
  }

  async function renderPlan(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    options: { errors?: FormErrors; status?: number; values?: Values } = {},
  ) {
    const detail = await services.plans.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    const { plan } = detail.value;
    const [tree, rollup] = await Promise.all([
      services.items.treeForPlan(caller, id),
      services.performanceViews.planRollup(caller, id),
    ]);
    return reply.render(
      'pages/plans/show.njk',
      {
        title: plan.title,
        breadcrumbs: [
          { text: words.plansWeb.breadcrumbs.home, href: paths.home() },
          { text: words.plansWeb.breadcrumbs.plans, href: paths.plans() },
        ],
        ...detail.value,
        actions: actionsView(detail.value.actions),
        tree,
        rollup: rollup.ok ? rollup.value : null,
        status: statusTag(plan.status),
        period: periodLabel(plan.periodStart, plan.periodEnd),
        periodDates: periodDates(plan.periodStart, plan.periodEnd),
        ...(() => {
          const period = { start: plan.periodStart, end: plan.periodEnd };
          const refresh = rolledPeriod(period, 'annual-refresh');
          const next = rolledPeriod(period, 'new-period');
          return {
            nextPeriod: periodLabel(refresh.start, refresh.end),
            // A plan longer than a year offers starting a new plan period as a separate choice.
            newPeriod: refresh.start === next.start ? null : periodLabel(next.start, next.end),
          };
        })(),
        versionKind: versionKindName(plan.versionKind),
        errors: options.errors,
        values: options.values ?? {},
      },
      options.status,
    );
  }

  function refusalStatus(error: DomainError): number {
    return STATUS_FOR[error.code];
  }

  app.get(paths.plans(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const query = request.query as Values;
    const parsed = parseForm(planFilters, query);
    const [options, rows, individualPlans] = await Promise.all([
      services.plans.filterOptions(caller),
      parsed.ok ? services.plans.list(caller, parsed.value) : Promise.resolve([]),
      services.plans.individualPlanCounts(caller),
    ]);
    const selected = (name: string) => (typeof query[name] === 'string' ? query[name] : '');
    const filtered = ['planTypeId', 'owningUnitId', 'status', 'year'].some((name) => selected(name) !== '');
    return reply.render(
      'pages/plans/index.njk',
      {
        title: words.plansWeb.titles.plans,
        individualPlans,
        errors: parsed.ok ? undefined : parsed.errors,
        filtered,
        typeItems: selectItems(
          options.planTypes,
          (type) => type.id,
          (type) => type.name,
          selected('planTypeId'),
          words.plansWeb.filters.anyType,
        ),
        unitItems: selectItems(
          options.units,
          (unit) => unit.id,
          (unit) => unit.name,
          selected('owningUnitId'),
          words.plansWeb.filters.anyUnit,
        ),
        statusItems: selectItems(
          options.statuses,
          (status) => status,
          statusName,
          selected('status'),
          words.plansWeb.filters.anyStatus,
        ),
        yearItems: selectItems(
          options.years,
          (year) => String(year.value),
          (year) => year.label,
          selected('year'),
          words.plansWeb.filters.anyYear,
        ),
        rows: rows.map((row) => ({
          ...row,
          status: statusTag(row.status),
          period: periodLabel(row.periodStart, row.periodEnd),
        })),
      },
      parsed.ok ? undefined : 400,
    );
  });

  app.get(paths.newPlan(), { config: edit }, async (request, reply) => {
    const query = request.query as Values;
    return renderForm(reply, request.caller(), {
      values: { planTypeId: query.planTypeId, parentPlanId: query.parentPlanId },
    });
  });

  app.post(paths.newPlan(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const typed = (request.body ?? {}) as Values;
    const body = planFormBody(typed);
    const form = parseForm(planInput, body);
    if (!form.ok) return renderForm(reply, caller, { values: body, typed, errors: form.errors, status: 400 });
    const result = await services.plans.create(caller, form.value);
    if (!result.ok) {
      return renderForm(reply, caller, {
        values: body,
        typed,
        errors: formErrorsFrom(result.error),
        status: refusalStatus(result.error),
      });
    }
    return reply
      .flash(fill(words.plansWeb.flash.started, { title: result.value.title }))
      .redirect(paths.plan(result.value.id));
  });

  app.get(paths.plan(), { config: view }, async (request, reply) =>
    renderPlan(reply, request.caller(), idParam(request).id),
  );

  app.get(paths.planHistory(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const detail = await services.plans.detail(caller, idParam(request).id);
    if (!detail.ok) return reply.callNotFound();
    const { plan, versions, events } = detail.value;
    return reply.render('pages/plans/history.njk', {
      title: fill(words.plansWeb.titles.history, { title: plan.title }),
      backLink: paths.plan(plan.id),
      plan,
      versions: versionRows(versions, plan.id),
      events: eventRows(events),
    });
  });

  app.get(paths.editPlan(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.plans.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    if (!detail.value.actions.edit) {
      const message =
        detail.value.plan.status === 'draft'
          ? words.plansWeb.editRefused.notYours
          : detail.value.plan.status === 'approved'
            ? words.plansWeb.editRefused.approved
            : fill(words.plansWeb.editRefused.other, { status: statusName(detail.value.plan.status).toLowerCase() });
      return renderPlan(reply, caller, id, {
        errors: { summary: [{ text: message, href: '#actions' }], fields: {} },
        status: detail.value.plan.status === 'draft' ? 403 : 409,
      });
    }
    return renderForm(reply, caller, { plan: detail.value.plan, values: detail.value.plan });
  });

  app.post(paths.editPlan(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const existing = await services.plans.get(caller, id);
    if (!existing.ok) return reply.callNotFound();
    const typed = (request.body ?? {}) as Values;
    const body = planFormBody(typed);
    const form = parseForm(planUpdateInput, body);
    if (!form.ok) {
      return renderForm(reply, caller, { plan: existing.value, values: body, typed, errors: form.errors, status: 400 });
    }
    const result = await services.plans.update(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      if (result.error.code === 'invalid_state') {
        return renderPlan(reply, caller, id, {
          errors: { summary: [{ text: sayStored(result.error.message), href: '#actions' }], fields: {} },
          status: refusalStatus(result.error),
        });
      }
      const conflict = result.error.code === 'conflict' && result.error.field === 'rowVersion';
      return renderForm(reply, caller, {
        plan: existing.value,
        // After a conflict the form carries the current version: saving again is a deliberate overwrite.
        values: conflict ? { ...body, rowVersion: existing.value.rowVersion } : body,
        typed,
        errors: conflict
          ? { summary: [{ text: sayStored(result.error.message), href: '#title' }], fields: {} }
          : formErrorsFrom(result.error),
        conflict,
        status: refusalStatus(result.error),
      });
    }
    return reply.flash(words.plansWeb.flash.saved).redirect(paths.plan(id));
  });

  // Archiving ends a plan's life in one click: the page asks for a deliberate tick first (the API
  // call is deliberate already). The tick is not part of what the service records.
  const archiveConfirmed = commentInput.extend({
    confirm: z.literal('yes', { message: words.plansWeb.archiveConfirm }),
  });

  const ACTION_SCHEMAS = {
    submit: commentInput,
    approve: approveInput,
    return: returnInput,
    amend: amendInput,
    'roll-forward': rollForwardInput,
    archive: archiveConfirmed,
  } as const;

  app.post(paths.planAction(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const action = (request.params as { action?: string }).action ?? '';
    if (!isPlanAction(action)) return reply.callNotFound();
    const typed = (request.body ?? {}) as Values;
    // A body's decision date arrives as the three GOV.UK date boxes; the service takes an ISO date.
    const body = action === 'approve' ? { ...typed, decisionDate: isoFromParts(typed, 'decisionDate') } : typed;
    const form = parseForm(ACTION_SCHEMAS[action] as z.ZodType, body);
    if (!form.ok) {
      const errors = {
        summary: form.errors.summary.map((item) => ({ ...item, href: `#${action}-${item.href.slice(1)}` })),
        fields: Object.fromEntries(
          Object.entries(form.errors.fields).map(([key, value]) => [`${action}-${key}`, value]),
        ),
      };
      return renderPlan(reply, caller, id, { errors, status: 400, values: { [action]: body } });
    }
    const input = form.value as never;
    let result: Result<Plan>;
    let done: string;
    switch (action) {
      case 'submit':
        result = await services.plans.submit(caller, id, input);
        done =
          result.ok && result.value.status === 'approved'
            ? words.plansWeb.flash.submittedApproved
            : words.plansWeb.flash.submitted;
        break;
      case 'approve':
        result = await services.plans.approve(caller, id, input);
        done =
          result.ok && result.value.status === 'approved'
            ? words.plansWeb.flash.approved
            : words.plansWeb.flash.stepRecorded;
        break;
      case 'return':
        result = await services.plans.returnToDraft(caller, id, input);
        done = words.plansWeb.flash.returned;
        break;
      case 'amend':
        result = await services.plans.amend(caller, id, input);
        done = words.plansWeb.flash.amended;
        break;
      case 'roll-forward':
        result = await services.plans.rollForward(caller, id, input);
        done =
          (input as { move?: string }).move === 'new-period'
            ? words.plansWeb.flash.newPeriod
            : words.plansWeb.flash.rolledForward;
        break;
      case 'archive': {
        const { comment, rowVersion } = input as z.infer<typeof archiveConfirmed>;
        result = await services.plans.archive(caller, id, { comment, rowVersion });
        done = words.plansWeb.flash.archived;
        break;
      }
    }
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const onInput = ['reason', 'comment', 'decisionDate', 'minuteReference'].includes(result.error.field ?? '');
      const field = onInput ? `${action}-${result.error.field}` : `${action}-form`;
      // The error summary links to the first box of a date input.
      const href = result.error.field === 'decisionDate' ? `${field}-day` : field;
      return renderPlan(reply, caller, id, {
        errors: {
          summary: [{ text: sayStored(result.error.message), href: `#${href}` }],
          fields: onInput ? { [field]: { text: sayStored(result.error.message) } } : {},
        },
        status: refusalStatus(result.error),
        values: { [action]: body },
      });
    }
    return reply.flash(done).redirect(paths.plan(result.value.id));
  });
}
