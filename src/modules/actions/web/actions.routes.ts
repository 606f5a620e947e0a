/** The action pages: list, my actions, one action, and the forms that change it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DomainError, Result } from '../../../kernel/result.ts';
import { paths } from '../../../kernel/paths.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { idParam } from '../../../platform/http/params.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { holdsPermission } from '../../../kernel/access/index.ts';
import {
  CLOSED_STATUSES,
  ESCALATION_DECISIONS,
  actionInput,
  actionListQuery,
  actionUpdateInput,
  closeInput,
  escalationDecisionInput,
  milestoneDoneInput,
  milestoneInput,
  progressInput,
  reviseDateInput,
  revisionDecisionInput,
} from '../domain/index.ts';
import type { ActionDetail } from '../actions.service.ts';
import { NO_ACTION_RISKS, type ActionPageRisks } from '../ports.ts';
import type { ActionsServices } from '../services.ts';
import {
  ACTION_TABLE_HEAD,
  actionPageView,
  actionRows,
  checkboxItems,
  openStatusItems,
  optionItems,
  statusFilterItems,
} from './action.presenter.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { ACTION_COLUMNS } from '../import-export.service.ts';
import { importRefused } from '../import-export.service.ts';

const view = { access: { permission: 'view:plans' } } as const;
const edit = { access: { permission: 'edit:plans' } } as const;

type Values = Record<string, unknown>;

export async function actionsRoutes(
  app: FastifyInstance,
  {
    services,
    today,
    risks = NO_ACTION_RISKS,
  }: { services: ActionsServices; today: () => string; risks?: ActionPageRisks },
) {
  function refusalPage(reply: FastifyReply, error: DomainError) {
    if (error.code === 'not_found') return reply.callNotFound();
    if (error.code === 'forbidden') return reply.render('pages/errors/forbidden.njk', {}, 403);
    return reply.render('pages/errors/problem.njk', { detail: sayStored(error.message) }, STATUS_FOR[error.code]);
  }
  const statusFor = (error: DomainError) => (error.code === 'invalid' ? 400 : STATUS_FOR[error.code]);

  /** A form's POST: parse with the schema, call the service, re-render with errors or redirect. */
  async function handleForm<S extends z.ZodType, T>(
    reply: FastifyReply,
    schema: S,
    body: unknown,
    call: (input: z.infer<S>) => Promise<Result<T>>,
    render: (values: Values, errors: FormErrors, status: number) => Promise<unknown>,
    done: (value: T) => { flash: string; to: string },
  ) {
    const values = (body ?? {}) as Values;
    const form = parseForm(schema, values);
    if (!form.ok) return render(values, form.errors, 400);
    const result = await call(form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found' || result.error.code === 'forbidden')
        return refusalPage(reply, result.error);
      // Shown against its field, or at the top of the form when it is about the whole action.
      return render(values, formErrorsFrom(result.error), statusFor(result.error));
    }
    const { flash, to } = done(result.value);
    return reply.flash(flash).redirect(to);
  }

  async function renderActionForm(
    reply: FastifyReply,
    caller: Caller,
    options: { id?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const o = await services.actions.formOptions(caller);
    const v = options.values;
    return reply.render(
      'pages/actions/form.njk',
      {
        title: options.id ? words.actionsView.titles.edit : words.actionsView.titles.add,
        action: options.id ? paths.editAction(options.id) : paths.newAction(),
        backLink: options.id ? paths.action(options.id) : paths.actions(),
        editing: Boolean(options.id),
        values: v,
        errors: options.errors,
        planItems: optionItems(
          o.plans.map((p) => ({ id: p.id, name: p.title })),
          v.planId,
          words.actionsView.selectPlan,
        ),
        ownerItems: optionItems(o.people, v.ownerPersonId, words.actionsView.selectPerson),
        escalationOwnerItems: optionItems(o.people, v.escalationOwnerPersonId, words.actionsView.selectPerson),
        assigneeItems: checkboxItems(o.people, v.assigneeIds),
        itemItems: checkboxItems(o.items, v.itemIds),
        measureItems: checkboxItems(o.measures, v.measureIds),
        keyItems: [{ value: 'yes', text: words.actionsView.isKey, checked: v.isKey === true || v.isKey === 'yes' }],
      },
      options.status,
    );
  }

  app.get(paths.actions(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const filter = actionListQuery.parse(request.query ?? {});
    const [list, options] = await Promise.all([
      services.actions.list(caller, filter),
      services.actions.filterOptions(caller),
    ]);
    if (!list.ok) return refusalPage(reply, list.error);
    return reply.render('pages/actions/index.njk', {
      title: words.actionsView.titles.actions,
      filter,
      head: ACTION_TABLE_HEAD,
      rows: actionRows(list.value),
      count: list.value.length,
      ownerItems: optionItems(options.people, filter.ownerPersonId, words.actionsView.anyone),
      unitItems: optionItems(options.units, filter.unitId, words.actionsView.anyUnit),
      statusItems: statusFilterItems(filter.status),
      overdueItems: [{ value: 'yes', text: words.actionsView.onlyOverdue, checked: filter.overdue }],
      canAdd: holdsPermission(caller, 'edit:plans'),
    });
  });

  app.get(paths.actionsExport(), { config: view }, async (request, reply) => {
    const format = (request.params as { format?: string }).format;
    if (format !== 'csv' && format !== 'xlsx') return reply.callNotFound();
    const file = await services.actionFiles.exportActions(request.caller(), format);
    if (!file.ok) return refusalPage(reply, file.error);
    return reply
      .header('content-type', file.value.contentType)
      .header('content-disposition', `attachment; filename="${file.value.fileName}"`)
      .send(file.value.body);
  });

  const importPage = (reply: FastifyReply, extra: Values = {}, status?: number) =>
    reply.render(
      'pages/actions/import.njk',
      {
        title: words.actionsView.titles.import,
        backLink: paths.actions(),
        columns: ACTION_COLUMNS.join(', '),
        ...extra,
      },
      status,
    );

  app.get(paths.actionsImport(), { config: edit }, async (_request, reply) => importPage(reply));

  app.post(paths.actionsImport(), { config: edit }, async (request, reply) => {
    const body = (request.body ?? {}) as Values;
    const bytes =
      Buffer.isBuffer(body.file) && body.file.length > 0
        ? body.file
        : typeof body.csv === 'string' && body.csv.trim()
          ? Buffer.from(body.csv, 'utf8')
          : null;
    if (!bytes) {
      const message = words.actionsView.importMissing;
      return importPage(reply, { errors: formErrorsFrom({ code: 'invalid', message, field: 'file' }) }, 400);
    }
    const xlsx = bytes.length > 3 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    const result = await services.actionFiles.importActions(request.caller(), bytes, xlsx ? 'xlsx' : 'csv');
    if (!result.ok) {
      if (result.error.code === 'forbidden') return refusalPage(reply, result.error);
      return importPage(reply, { errors: formErrorsFrom(result.error), values: { csv: body.csv } }, 400);
    }
    if (result.value.errors.length) {
      return importPage(
        reply,
        {
          values: { csv: body.csv },
          errors: {
            summary: [
              {
                text: importRefused(result.value.errors.length),
                href: '#row-errors',
              },
            ],
            fields: {},
          },
          rowErrors: result.value.errors.map((e) => [
            { text: String(e.line) },
            { text: e.column },
            { text: sayStored(e.message) },
          ]),
        },
        400,
      );
    }
    return reply
      .flash(
        result.value.created === 1
          ? words.actionFlash.importedOne
          : fill(words.actionFlash.imported, { count: result.value.created }),
      )
      .redirect(paths.actions());
  });

  app.get(paths.myActions(), { config: view }, async (request, reply) => {
    const mine = await services.actions.mine(request.caller());
    if (!mine.ok) return refusalPage(reply, mine.error);
    const m = mine.value;
    return reply.render('pages/actions/mine.njk', {
      title: words.actionsView.titles.mine,
      head: ACTION_TABLE_HEAD,
      awaitingDecision: actionRows(m.awaitingDecision),
      awaitingDateApproval: actionRows(m.awaitingDateApproval),
      owned: actionRows(m.owned),
      assigned: actionRows(m.assigned),
      escalatedToMe: actionRows(m.escalatedToMe),
    });
  });

  app.get(paths.newAction(), { config: edit }, async (request, reply) => {
    const query = request.query as { planId?: string; itemId?: string; answers?: string };
    // "?answers=recommendation:<id>" from a recommendation or improvement plan's "Add an action"
    // link; the service checks that the council has it when the form is sent.
    const [answersKind, answersId] =
      /^(recommendation|improvement-plan):([\w-]+)$/.exec(query.answers ?? '')?.slice(1) ?? [];
    return renderActionForm(reply, request.caller(), {
      values: { planId: query.planId, itemIds: query.itemId, answersKind, answersId },
    });
  });

  app.post(paths.newAction(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    return handleForm(
      reply,
      actionInput,
      request.body,
      (input) => services.actions.create(caller, input),
      (values, errors, status) => renderActionForm(reply, caller, { values, errors, status }),
      (v) => ({ flash: fill(words.actionFlash.added, { code: v.code }), to: paths.action(v.id) }),
    );
  });

  app.get(paths.action(), { config: view }, async (request, reply) => {
    const { id } = idParam(request);
    const caller = request.caller();
    const [detail, actionRisks] = await Promise.all([
      services.actions.get(caller, id),
      risks.risksConcerningAction(caller, id),
    ]);
    if (!detail.ok) return refusalPage(reply, detail.error);
    const a = detail.value.action;
    return reply.render('pages/actions/show.njk', {
      title: `${a.code} ${a.title}`,
      breadcrumbs: [
        { text: words.actionsView.home, href: paths.home() },
        { text: words.actionsView.titles.actions, href: paths.actions() },
      ],
      detail: detail.value,
      a,
      closed: a.status === 'complete' || a.status === 'cancelled' || a.status === 'terminated',
      ...actionPageView(detail.value),
      risks: actionRisks,
      values: {},
    });
  });

  app.get(paths.editAction(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.actions.get(caller, id);
    if (!detail.ok) return refusalPage(reply, detail.error);
    const { action: a, assignees, items, measures } = detail.value;
    return renderActionForm(reply, caller, {
      id,
      values: {
        ...a,
        description: a.description,
        isKey: a.isKey,
        answersKind: a.answers?.kind ?? '',
        answersId: a.answers?.id ?? '',
        assigneeIds: assignees.map((p) => p.id),
        itemIds: items.map((i) => i.id),
        measureIds: measures.map((m) => m.id),
      },
    });
  });

  app.post(paths.editAction(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    return handleForm(
      reply,
      actionUpdateInput,
      request.body,
      (input) => services.actions.update(caller, id, input),
      (values, errors, status) => renderActionForm(reply, caller, { id, values, errors, status }),
      (v) => ({ flash: fill(words.actionFlash.saved, { code: v.code }), to: paths.action(id) }),
    );
  });

  /**
   * A small form about one action (a page with the action's name and a Back link): GET shows it,
   * POST parses it, asks the service, and re-renders with errors or redirects to the action with
   * a flash. `escalationId` is read from the path where the form is about one escalation.
   */
  function actionForm<S extends z.ZodType, T>(form: {
    path: string;
    config: { access: { permission: 'view:plans' | 'edit:plans' } };
    template: string;
    title: string;
    schema: S;
    initial?: () => Values;
    extra?: (detail: ActionDetail, values: Values, escalationId: string) => Values;
    call: (caller: Caller, id: string, input: z.infer<S>, escalationId: string) => Promise<Result<T>>;
    flash: (value: T) => string;
  }) {
    const ids = (request: FastifyRequest) => ({
      id: idParam(request).id,
      escalationId: idParam(request, 'escalationId').id,
    });
    const page = async (
      reply: FastifyReply,
      caller: Caller,
      { id, escalationId }: { id: string; escalationId: string },
      values: Values,
      errors?: FormErrors,
      status?: number,
    ) => {
      const detail = await services.actions.get(caller, id);
      if (!detail.ok) return refusalPage(reply, detail.error);
      return reply.render(
        form.template,
        {
          title: form.title,
          a: detail.value.action,
          backLink: paths.action(id),
          values,
          errors,
          ...(form.extra?.(detail.value, values, escalationId) ?? {}),
        },
        status,
      );
    };
    app.get(form.path, { config: form.config }, async (request, reply) =>
      page(reply, request.caller(), ids(request), form.initial?.() ?? {}),
    );
    app.post(form.path, { config: form.config }, async (request, reply) => {
      const caller = request.caller();
      const params = ids(request);
      return handleForm(
        reply,
        form.schema,
        request.body,
        (input) => form.call(caller, params.id, input, params.escalationId),
        (values, errors, status) => page(reply, caller, params, values, errors, status),
        (value) => ({ flash: form.flash(value), to: paths.action(params.id) }),
      );
    });
  }

  const { actionChanges } = services;
  actionForm({
    path: paths.actionProgress(),
    config: view,
    template: 'pages/actions/progress.njk',
    title: words.actionsView.titles.progress,
    schema: progressInput,
    initial: () => ({ asOf: today() }),
    extra: (_detail, values) => ({ statusItems: openStatusItems(values.status) }),
    call: (caller, id, input) => actionChanges.addProgress(caller, id, input),
    flash: (v) => (v.escalated ? words.actionFlash.updateEscalated : words.actionFlash.updateAdded),
  });
  actionForm({
    path: paths.reviseActionDate(),
    config: edit,
    template: 'pages/actions/revise-date.njk',
    title: words.actionsView.titles.revise,
    schema: reviseDateInput,
    call: (caller, id, input) => actionChanges.reviseDate(caller, id, input),
    flash: (v) => (v.pending ? words.actionFlash.dateSentForApproval : words.actionFlash.dateRevised),
  });
  actionForm({
    path: paths.closeAction(),
    config: edit,
    template: 'pages/actions/close.njk',
    title: words.actionsView.titles.close,
    schema: closeInput,
    extra: (_detail, values) => ({
      statusItems: CLOSED_STATUSES.map((s) => ({
        value: s,
        text: words.actionStatus[s],
        checked: values.status === s,
      })),
    }),
    call: (caller, id, input) => actionChanges.close(caller, id, input),
    flash: () => words.actionFlash.closed,
  });
  actionForm({
    path: paths.actionMilestones(),
    config: edit,
    template: 'pages/actions/milestone.njk',
    title: words.actionsView.titles.milestone,
    schema: milestoneInput,
    call: (caller, id, input) => actionChanges.addMilestone(caller, id, input),
    flash: () => words.actionFlash.milestoneAdded,
  });
  actionForm({
    path: paths.actionEscalationDecision(),
    config: view,
    template: 'pages/actions/decision.njk',
    title: words.actionsView.titles.decision,
    schema: escalationDecisionInput,
    extra: (detail, values, escalationId) => ({
      escalationId,
      open: detail.escalations.some((e) => e.escalation.id === escalationId && e.escalation.decision === null),
      decisionItems: ESCALATION_DECISIONS.map((d) => ({
        value: d,
        text: words.escalationDecision[d],
        checked: values.decision === d,
      })),
    }),
    call: (caller, id, input, escalationId) => actionChanges.decideEscalation(caller, id, escalationId, input),
    flash: () => words.actionFlash.decisionRecorded,
  });

  app.post(paths.actionRevisionDecision(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const form = parseForm(revisionDecisionInput, request.body);
    if (!form.ok)
      return refusalPage(reply, {
        code: 'invalid',
        message: form.errors.summary[0]?.text ?? words.actionChecks.approveOrReject,
      });
    const result = await services.actionChanges.decideRevision(caller, id, form.value);
    if (!result.ok) return refusalPage(reply, result.error);
    return reply
      .flash(form.value.decision === 'approve' ? words.actionFlash.dateApproved : words.actionFlash.dateRejected)
      .redirect(paths.action(id));
  });

  app.post(paths.completeActionMilestone(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const { id: milestoneId } = idParam(request, 'milestoneId');
    const form = parseForm(milestoneDoneInput, { completedOn: today(), ...(request.body as Values) });
    if (!form.ok) return refusalPage(reply, { code: 'invalid', message: form.errors.summary[0]!.text });
    const result = await services.actionChanges.completeMilestone(caller, id, milestoneId, form.value.completedOn);
    if (!result.ok) return refusalPage(reply, result.error);
    return reply.flash(words.actionFlash.milestoneCompleted).redirect(paths.action(id));
  });
}
