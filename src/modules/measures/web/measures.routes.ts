import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formValuesOf, measureInput, retireInput } from '../domain/measure.ts';
import {
  AGGREGATIONS,
  AGGREGATION_LABELS,
  FREQUENCIES,
  FREQUENCY_LABELS,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  MEASURE_TYPE_LABELS,
  POLARITIES,
  POLARITY_LABELS,
  RAG_METHODS,
  RAG_METHOD_LABELS,
} from '../../../kernel/measurement/vocabulary.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { MeasuresPageServices } from '../services.ts';
import { assigneeInput, breakdownInput, itemLinkInput } from '../measure-links.service.ts';
import type { MeasureDetail } from '../measures.service.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { breakdownTables, measureSummaryRows, targetHistoryLines, targetRows, valueRows } from './measure.presenter.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { measureTargetsRoutes } from './measure-targets.routes.ts';
import { fill, words } from '../../../platform/words/index.ts';

const w = words.measures.routes;
const view = { access: { permission: 'view:plans' } } as const;
const edit = { access: { permission: 'edit:measures' } } as const;

/** One query value, or none: a value that is missing, repeated or not allowed filters nothing (as a link may be old). */
const oneOf = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const measureListQuery = z.object({
  unitId: oneOf(z.string()),
  ownerPersonId: oneOf(z.string()),
  key: oneOf(z.string()),
  status: oneOf(z.enum(MEASURE_STATUSES)),
  tag: oneOf(z.string()),
  type: oneOf(z.enum(MEASURE_TYPES)),
  q: oneOf(z.string()),
});

type Values = Record<string, unknown>;
const radios = <T extends string>(options: readonly T[], labels: Record<T, string>, selected: unknown) =>
  options.map((value) => ({ value, text: labels[value], checked: selected === value }));

export async function measuresRoutes(app: FastifyInstance, { services }: { services: MeasuresPageServices }) {
  const body = (request: FastifyRequest) => (request.body ?? {}) as Values;

  async function renderForm(
    reply: FastifyReply,
    caller: Caller,
    options: { measureId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const [units, people] = await Promise.all([services.structure.list(caller), services.people.list(caller)]);
    const v = options.values;
    return reply.render(
      'pages/measures/form.njk',
      {
        title: options.measureId ? fill(w.editTitle, { code: String(v.code ?? '') }) : w.addTitle,
        action: options.measureId ? paths.editMeasure(options.measureId) : paths.newMeasure(),
        backLink: options.measureId ? paths.measure(options.measureId) : paths.measures(),
        values: v,
        errors: options.errors,
        polarityItems: radios(POLARITIES, POLARITY_LABELS, v.polarity),
        frequencyItems: radios(FREQUENCIES, FREQUENCY_LABELS, v.frequency),
        aggregationItems: radios(AGGREGATIONS, AGGREGATION_LABELS, v.aggregation),
        typeItems: radios(MEASURE_TYPES, MEASURE_TYPE_LABELS, v.measureType ?? 'local'),
        ragItems: radios(RAG_METHODS, RAG_METHOD_LABELS, v.ragMethod || 'percentage'),
        unitItems: selectItems(
          units,
          (u) => u.id,
          (u) => `${u.name} (${u.code})`,
          v.ownerUnitId as string | undefined,
          w.ownersUnit,
        ),
        ownerItems: selectItems(
          people,
          (p) => p.id,
          (p) => p.name,
          v.ownerPersonId as string | undefined,
          w.notSet,
        ),
        verifierItems: selectItems(
          people,
          (p) => p.id,
          (p) => p.name,
          v.verifierPersonId as string | undefined,
          w.notSet,
        ),
        isKeyChecked: v.isKey === true || v.isKey === 'true',
        allowsInPeriodEstimateChecked: v.allowsInPeriodEstimate === true || v.allowsInPeriodEstimate === 'true',
        spcScreeningChecked: !(v.spcScreening === false || v.spcScreening === 'false'),
      },
      options.status,
    );
  }

  async function renderShow(
    reply: FastifyReply,
    caller: Caller,
    detail: MeasureDetail,
    options: { errors?: FormErrors; values?: Values; status?: number } = {},
  ) {
    const [people, items] = detail.canEdit
      ? await Promise.all([services.people.list(caller), services.measures.linkableItems(caller)])
      : [[], []];
    const [performance, breakdownView, improvementPlan, risks, measureActions] = await Promise.all([
      services.performanceViews.measurePerformance(caller, detail.measure.id),
      services.breakdowns.view(caller, detail.measure.id),
      services.improvementPlanView?.openImprovementPlan(caller, detail.measure.id) ?? null,
      services.riskView?.risksConcerningMeasure(caller, detail.measure.id) ?? [],
      services.actionsView?.actionsForMeasure(caller, detail.measure.id) ?? null,
    ]);
    const linked = new Set(detail.items.map((i) => i.itemId));
    const assigned = new Set(detail.assignees.map((a) => a.personId));
    const values = options.values ?? {};
    return reply.render(
      'pages/measures/show.njk',
      {
        title: `${detail.measure.code}: ${detail.measure.title}`,
        breadcrumbs: [
          { text: w.home, href: paths.home() },
          { text: w.listTitle, href: paths.measures() },
        ],
        ...detail,
        performance: performance.ok ? performance.value : null,
        improvementPlan,
        risks,
        measureActions,
        summaryRows: measureSummaryRows(detail),
        targets: targetRows(detail),
        targetHistory: targetHistoryLines(detail),
        valueRows: valueRows(detail),
        breakdownTables: breakdownTables(breakdownView.ok ? breakdownView.value : null),
        values,
        errors: options.errors,
        itemOptions: selectItems(
          items.filter((i) => !linked.has(i.itemId)),
          (i) => i.itemId,
          (i) => fill(w.planItemOption, { plan: i.planTitle, code: i.code, title: i.title }),
          values.itemId as string | undefined,
          w.selectItem,
        ),
        personOptions: selectItems(
          people.filter((p) => !assigned.has(p.id)),
          (p) => p.id,
          (p) => p.name,
          values.personId as string | undefined,
          w.selectPerson,
        ),
      },
      options.status,
    );
  }

  /** After a small form on the measure page: back to the page, or the page again with the error. */
  async function afterAction(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    result: { ok: true } | { ok: false; error: Parameters<typeof formErrorsFrom>[0] },
    flash: string,
  ) {
    if (result.ok) return reply.flash(flash).redirect(paths.measure(id));
    if (result.error.code === 'not_found' && !result.error.field) return reply.callNotFound();
    const caller = request.caller();
    const detail = await services.measures.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    return renderShow(reply, caller, detail.value, {
      errors: formErrorsFrom(result.error),
      values: body(request),
      status: result.error.code === 'forbidden' ? 403 : 400,
    });
  }

  app.get(paths.measures(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const q = measureListQuery.parse(request.query);
    const filters = {
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.ownerPersonId ? { ownerPersonId: q.ownerPersonId } : {}),
      ...(q.key === 'true' ? { keyOnly: true } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.tag ? { tag: q.tag } : {}),
      ...(q.type ? { measureType: q.type } : {}),
      ...(q.q?.trim() ? { search: q.q.trim() } : {}),
    };
    const validUnit = !q.unitId || /^[0-9a-f-]{36}$/i.test(q.unitId);
    const validOwner = !q.ownerPersonId || /^[0-9a-f-]{36}$/i.test(q.ownerPersonId);
    const [rows, units, people, tags] = await Promise.all([
      validUnit && validOwner ? services.measures.list(caller, filters) : Promise.resolve([]),
      services.structure.list(caller),
      services.people.list(caller),
      services.measures.tags(caller),
    ]);
    return reply.render('pages/measures/index.njk', {
      title: w.listTitle,
      query: q,
      rows: rows.map((m) => ({
        id: m.id,
        code: m.code,
        title: m.title,
        isKey: m.isKey,
        unitName: m.ownerUnitName ?? w.councilWide,
        ownerName: m.ownerName ?? w.notSet,
        frequency: FREQUENCY_LABELS[m.frequency as keyof typeof FREQUENCY_LABELS] ?? m.frequency,
        retired: m.status === 'retired',
      })),
      count: rows.length,
      unitItems: selectItems(
        units,
        (u) => u.id,
        (u) => u.name,
        q.unitId,
        w.allUnits,
      ),
      ownerItems: selectItems(
        people,
        (p) => p.id,
        (p) => p.name,
        q.ownerPersonId,
        w.anyone,
      ),
      statusItems: [
        { value: '', text: w.activeAndRetired, selected: !q.status },
        { value: 'active', text: w.active, selected: q.status === 'active' },
        { value: 'retired', text: w.retired, selected: q.status === 'retired' },
      ],
      typeItems: [
        { value: '', text: w.anyType, selected: !q.type },
        ...MEASURE_TYPES.map((t) => ({ value: t, text: MEASURE_TYPE_LABELS[t], selected: q.type === t })),
      ],
      tagItems: [
        { value: '', text: w.anyTag, selected: !q.tag },
        ...tags.map((t) => ({ value: t, text: t, selected: q.tag === t })),
      ],
      keyChecked: q.key === 'true',
    });
  });

  app.get(paths.newMeasure(), { config: edit }, async (request, reply) =>
    renderForm(reply, request.caller(), {
      values: { measureType: 'local', ragMethod: 'percentage', decimalPlaces: '0' },
    }),
  );

  app.post(paths.newMeasure(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const form = parseForm(measureInput, request.body);
    if (!form.ok) return renderForm(reply, caller, { values: body(request), errors: form.errors, status: 400 });
    const result = await services.measures.create(caller, form.value);
    if (!result.ok)
      return renderForm(reply, caller, {
        values: body(request),
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'forbidden' ? 403 : 400,
      });
    return reply.flash(fill(w.added, { code: result.value.code })).redirect(paths.measure(result.value.id));
  });

  app.get(paths.measure(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.measures.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    return renderShow(reply, caller, detail.value);
  });

  app.get(paths.editMeasure(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const measure = await services.measures.get(caller, id);
    if (!measure.ok) return reply.callNotFound();
    const m = measure.value;
    const values = formValuesOf({
      ...m,
      polarity: m.polarity,
      frequency: m.frequency,
      aggregation: m.aggregation,
      measureType: m.measureType,
    });
    return renderForm(reply, caller, { measureId: id, values: { ...values, rowVersion: String(m.rowVersion) } });
  });

  app.post(paths.editMeasure(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const form = parseForm(measureInput, request.body);
    if (!form.ok)
      return renderForm(reply, caller, { measureId: id, values: body(request), errors: form.errors, status: 400 });
    const rowVersion = Number(body(request).rowVersion);
    const result = await services.measures.update(
      caller,
      id,
      form.value,
      Number.isInteger(rowVersion) && rowVersion > 0 ? rowVersion : undefined,
    );
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderForm(reply, caller, {
        measureId: id,
        values: body(request),
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'forbidden' ? 403 : result.error.code === 'conflict' ? 409 : 400,
      });
    }
    return reply.flash(w.updated).redirect(paths.measure(id));
  });

  app.get(paths.retireMeasure(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const measure = await services.measures.get(request.caller(), id);
    if (!measure.ok) return reply.callNotFound();
    return reply.render('pages/measures/retire.njk', {
      title: fill(w.retireTitle, { code: measure.value.code }),
      measure: measure.value,
      backLink: paths.measure(id),
      values: {},
    });
  });

  app.post(paths.retireMeasure(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const measure = await services.measures.get(caller, id);
    if (!measure.ok) return reply.callNotFound();
    const form = parseForm(retireInput, request.body);
    const result = form.ok ? await services.measures.retire(caller, id, form.value) : null;
    if (result?.ok) return reply.flash(fill(w.retiredFlash, { code: measure.value.code })).redirect(paths.measure(id));
    const errors = form.ok ? formErrorsFrom(result!.ok ? ({} as never) : result!.error) : form.errors;
    return reply.render(
      'pages/measures/retire.njk',
      {
        title: fill(w.retireTitle, { code: measure.value.code }),
        measure: measure.value,
        backLink: paths.measure(id),
        values: body(request),
        errors,
      },
      400,
    );
  });

  app.post(paths.measureLinks(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const form = parseForm(itemLinkInput, request.body);
    const result = form.ok
      ? await services.measures.linkItem(request.caller(), id, form.value.itemId)
      : ({ ok: false, error: { code: 'invalid', message: w.selectItem, field: 'itemId' } } as const);
    return afterAction(request, reply, id, result, w.linked);
  });

  app.post(paths.removeMeasureLink(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const { id: itemId } = idParam(request, 'itemId');
    return afterAction(
      request,
      reply,
      id,
      await services.measures.unlinkItem(request.caller(), id, itemId),
      w.unlinked,
    );
  });

  app.post(paths.measureAssignees(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const form = parseForm(assigneeInput, request.body);
    const result = form.ok
      ? await services.measures.addAssignee(request.caller(), id, form.value.personId)
      : ({ ok: false, error: { code: 'invalid', message: w.selectPerson, field: 'personId' } } as const);
    return afterAction(request, reply, id, result, w.assigneeAdded);
  });

  app.post(paths.removeMeasureAssignee(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const { id: personId } = idParam(request, 'personId');
    return afterAction(
      request,
      reply,
      id,
      await services.measures.removeAssignee(request.caller(), id, personId),
      w.assigneeRemoved,
    );
  });

  app.post(paths.measureBreakdowns(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const form = parseForm(breakdownInput, request.body);
    if (!form.ok) {
      const caller = request.caller();
      const detail = await services.measures.detail(caller, id);
      if (!detail.ok) return reply.callNotFound();
      return renderShow(reply, caller, detail.value, { errors: form.errors, values: body(request), status: 400 });
    }
    return afterAction(
      request,
      reply,
      id,
      await services.measures.addBreakdown(request.caller(), id, form.value),
      w.breakdownAdded,
    );
  });

  await measureTargetsRoutes(app, { services });
}
