import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import type { Result } from '../../../kernel/result.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { idParam } from '../../../platform/http/params.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { fill, lookUp, words } from '../../../platform/words/index.ts';
import {
  closeInput,
  CONTROL_EFFECTIVENESS,
  controlInput,
  moveInput,
  newRiskInput,
  reassessInput,
  REVIEW_FREQUENCIES,
  riskDetailsInput,
  RISK_TYPES,
} from '../domain/index.ts';
import type { RisksServices } from '../services.ts';
import { dateFrom, filterValues, filtersFrom } from './risk-forms.ts';
import { linkLists } from './risk-links.presenter.ts';
import {
  levelWords,
  pointItems,
  RISK_TABLE_HEAD,
  riskSummaryRows,
  riskTableRows,
  scoreRows,
  selectItems,
} from './risk.presenter.ts';

const read = { access: { permission: 'view:risks' } } as const;
const edit = { access: { permission: 'edit:risks' } } as const;
type Values = Record<string, unknown>;

const radios = (codes: readonly string[], section: string, chosen: unknown) =>
  codes.map((code) => ({ value: code, text: lookUp(`risks.${section}.${code}`), checked: chosen === code }));

/** The form's date inputs folded into one ISO date field before parsing. */
const withDate = (values: Values, name: string) => ({ ...values, [name]: dateFrom(values, name) || undefined });

export async function risksRoutes(app: FastifyInstance, { services }: { services: RisksServices }) {
  const { risks, riskChanges, riskSettings } = services;

  async function formContext(caller: Caller, values: Values) {
    const [choices, settings] = await Promise.all([risks.choices(caller), riskSettings.get(caller)]);
    const matrix = settings.ok ? settings.value.current.matrix : null;
    const people = choices.people.map((p) => ({ value: p.id, text: p.name }));
    return {
      ownerItems: selectItems(people, String(values.ownerPersonId ?? ''), words.risksView.choosePerson),
      categoryItems: selectItems(
        choices.categories.map((c) => ({ value: c.code, text: c.name })),
        String(values.category ?? ''),
        words.risksView.chooseCategory,
      ),
      typeItems: radios(RISK_TYPES, 'types', values.type),
      frequencyItems: radios(REVIEW_FREQUENCIES, 'frequencies', values.reviewFrequency),
      effectivenessItems: radios(CONTROL_EFFECTIVENESS, 'effectiveness', values.effectiveness),
      registerItems: (exclude: string) =>
        selectItems(
          choices.registers
            .filter((r) => r.id !== exclude)
            .map((r) => ({ value: r.id, text: `${r.name} (${levelWords(r.level)})` })),
          String(values.registerId ?? ''),
          words.risksView.chooseRegister,
        ),
      points: (name: string, scale: 'likelihood' | 'impact') =>
        pointItems(matrix?.size ?? 5, matrix?.[scale] ?? [], values[name]),
      matrix,
    };
  }

  function dateValue(values: Values, name: string) {
    const iso = String(values[name] ?? '');
    const [year, month, day] = iso.split('-');
    return {
      day: values[`${name}-day`] ?? day ?? '',
      month: values[`${name}-month`] ?? month ?? '',
      year: values[`${name}-year`] ?? year ?? '',
    };
  }

  /** One form page: render with values and errors, or parse, call the service and redirect. */
  function formPage<S extends z.ZodType>(options: {
    url: string;
    template: string;
    title: string;
    schema: S;
    dateField?: string;
    initial: (caller: Caller, id: string, request: FastifyRequest) => Promise<Values | null>;
    save: (caller: Caller, id: string, input: z.infer<S>, request: FastifyRequest) => Promise<Result<{ id: string }>>;
    done: string;
    back: (id: string) => string;
    redirect?: (id: string, savedId: string) => string;
  }) {
    async function render(
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      values: Values,
      errors?: FormErrors,
      status?: number,
    ) {
      const caller = request.caller();
      return reply.render(
        options.template,
        {
          title: options.title,
          backLink: options.back(id),
          action: request.url.split('?')[0],
          values,
          date: options.dateField ? dateValue(values, options.dateField) : undefined,
          errors,
          ...(await formContext(caller, values)),
          riskId: id,
        },
        status,
      );
    }
    app.get(options.url, { config: edit }, async (request, reply) => {
      const { id } = idParam(request);
      const initial = await options.initial(request.caller(), id, request);
      if (!initial) return reply.callNotFound();
      return render(request, reply, id, initial);
    });
    app.post(options.url, { config: edit }, async (request, reply) => {
      const { id } = idParam(request);
      const caller = request.caller();
      const values = (request.body ?? {}) as Values;
      const input = options.dateField ? withDate(values, options.dateField) : values;
      const form = parseForm(options.schema, input);
      if (!form.ok) return render(request, reply, id, values, form.errors, 400);
      const result = await options.save(caller, id, form.value, request);
      if (!result.ok) {
        if (result.error.code === 'not_found' && !result.error.field) return reply.callNotFound();
        return render(request, reply, id, values, formErrorsFrom(result.error), STATUS_FOR[result.error.code]);
      }
      return reply.flash(options.done).redirect(options.redirect?.(id, result.value.id) ?? paths.risk(result.value.id));
    });
  }

  const riskValues = async (caller: Caller, id: string): Promise<Values | null> => {
    const result = await risks.get(caller, id);
    if (!result.ok) return null;
    const r = result.value.risk;
    return {
      reference: r.reference,
      title: r.title,
      cause: r.cause,
      event: r.event,
      effect: r.effect,
      ownerPersonId: r.owner.id,
      type: r.type,
      category: r.category,
      reviewFrequency: r.reviewFrequency,
      nextReviewOn: r.nextReviewOn,
      inherentLikelihood: r.inherent.likelihood,
      inherentImpact: r.inherent.impact,
      currentLikelihood: r.current.likelihood,
      currentImpact: r.current.impact,
      targetLikelihood: r.target.likelihood,
      targetImpact: r.target.impact,
      title_: `${r.reference} ${r.title}`,
      registerLevel: r.registerLevel,
    };
  };

  formPage({
    url: paths.newRisk(),
    template: 'pages/risks/risk-form.njk',
    title: words.risksView.titles.addRisk,
    schema: newRiskInput,
    dateField: 'nextReviewOn',
    initial: async (caller, registerId) => {
      const choices = await risks.choices(caller);
      return choices.registers.some((r) => r.id === registerId)
        ? { type: 'threat', reviewFrequency: 'quarterly', isNew: true }
        : null;
    },
    save: (caller, registerId, input) => risks.create(caller, registerId, input),
    done: words.risksView.flash.riskAdded,
    back: (registerId) => paths.riskRegister(registerId),
  });

  formPage({
    url: paths.editRisk(),
    template: 'pages/risks/risk-form.njk',
    title: words.risksView.titles.changeRisk,
    schema: riskDetailsInput,
    dateField: 'nextReviewOn',
    initial: riskValues,
    save: (caller, id, input) => risks.update(caller, id, input),
    done: words.risksView.flash.riskSaved,
    back: (id) => paths.risk(id),
  });

  formPage({
    url: paths.reassessRisk(),
    template: 'pages/risks/reassess.njk',
    title: words.risksView.titles.reassess,
    schema: reassessInput,
    dateField: 'nextReviewOn',
    initial: async (caller, id) => {
      const values = await riskValues(caller, id);
      return values && { ...values, nextReviewOn: '' };
    },
    save: (caller, id, input) => risks.reassess(caller, id, input),
    done: words.risksView.flash.reassessed,
    back: (id) => paths.risk(id),
  });

  formPage({
    url: paths.newRiskControl(),
    template: 'pages/risks/control.njk',
    title: words.risksView.titles.addControl,
    schema: controlInput,
    initial: async (caller, id) => ((await risks.get(caller, id)).ok ? {} : null),
    save: (caller, id, input) => riskChanges.addControl(caller, id, input),
    done: words.risksView.flash.controlAdded,
    back: (id) => paths.risk(id),
    redirect: (id) => paths.risk(id),
  });

  formPage({
    url: paths.editRiskControl(),
    template: 'pages/risks/control.njk',
    title: words.risksView.titles.changeControl,
    schema: controlInput,
    initial: async (caller, id, request) => {
      const result = await risks.get(caller, id);
      const controlId = idParam(request, 'controlId').id;
      const control = result.ok ? result.value.controls.find((c) => c.id === controlId) : undefined;
      return control
        ? {
            description: control.description,
            ownerPersonId: control.ownerPersonId,
            effectiveness: control.effectiveness,
          }
        : null;
    },
    save: (caller, id, input, request) => riskChanges.editControl(caller, id, idParam(request, 'controlId').id, input),
    done: words.risksView.flash.controlSaved,
    back: (id) => paths.risk(id),
    redirect: (id) => paths.risk(id),
  });

  for (const direction of ['escalate', 'de-escalate'] as const) {
    formPage({
      url: paths.moveRisk(undefined, direction),
      template: 'pages/risks/move.njk',
      title: direction === 'escalate' ? words.risksView.titles.escalate : words.risksView.titles.deEscalate,
      schema: moveInput,
      initial: async (caller, id) => {
        const values = await riskValues(caller, id);
        return values && { ...values, direction };
      },
      save: (caller, id, input) => riskChanges.move(caller, id, input, direction),
      done: direction === 'escalate' ? words.risksView.flash.escalated : words.risksView.flash.deEscalated,
      back: (id) => paths.risk(id),
    });
  }

  formPage({
    url: paths.closeRisk(),
    template: 'pages/risks/close.njk',
    title: words.risksView.titles.close,
    schema: closeInput,
    initial: riskValues,
    save: (caller, id, input) => risks.close(caller, id, input.reason),
    done: words.risksView.flash.closed,
    back: (id) => paths.risk(id),
  });

  app.get(paths.risks(), { config: read }, async (request, reply) => {
    const caller = request.caller();
    const filters = filtersFrom(request.query);
    const [result, choices, settings] = await Promise.all([
      risks.list(caller, filters),
      risks.choices(caller),
      riskSettings.get(caller),
    ]);
    if (!result.ok) return reply.render('pages/errors/forbidden.njk', {}, 403);
    const values = filterValues(filters);
    const bands = settings.ok ? settings.value.current.matrix.bands : [];
    return reply.render('pages/risks/risks.njk', {
      title: words.risksView.titles.risks,
      breadcrumbs: [{ text: words.risksView.titles.registers, href: paths.riskRegisters() }],
      filterAction: paths.risks(),
      head: RISK_TABLE_HEAD,
      rows: riskTableRows(result.value.risks),
      count: result.value.risks.length,
      values,
      filterItems: {
        register: selectItems(
          choices.registers.map((r) => ({ value: r.id, text: r.name })),
          values.registerId,
          words.risksView.anyRegister,
        ),
        owner: selectItems(
          choices.people.map((p) => ({ value: p.id, text: p.name })),
          values.ownerPersonId,
          words.risksView.anyone,
        ),
        category: selectItems(
          choices.categories.map((c) => ({ value: c.code, text: c.name })),
          values.category,
          words.risksView.anyCategory,
        ),
        band: selectItems(
          bands.map((b) => ({ value: b.label, text: b.label })),
          values.band,
          words.risksView.anyBand,
        ),
      },
    });
  });

  app.get(paths.risk(), { config: read }, async (request, reply) => {
    const { id } = idParam(request);
    const result = await risks.get(request.caller(), id);
    if (!result.ok)
      return result.error.code === 'forbidden'
        ? reply.render('pages/errors/forbidden.njk', {}, 403)
        : reply.callNotFound();
    const d = result.value;
    const r = d.risk;
    return reply.render('pages/risks/risk.njk', {
      title: `${r.reference} ${r.title}`,
      breadcrumbs: [
        { text: words.risksView.titles.registers, href: paths.riskRegisters() },
        { text: d.register.name, href: paths.riskRegister(d.register.id) },
      ],
      risk: r,
      summaryRows: riskSummaryRows(r),
      scoreRows: scoreRows(r),
      controls: d.controls.map((c) => ({
        ...c,
        effectivenessText: lookUp(`risks.effectiveness.${c.effectiveness}`),
        editHref: paths.editRiskControl(id, c.id),
      })),
      history: d.history.map((h) => [
        { text: h.assessedOn },
        { text: h.by },
        { text: `${h.inherent.score} ${h.inherent.band.label}` },
        { text: `${h.current.score} ${h.current.band.label} (L${h.current.likelihood} × I${h.current.impact})` },
        { text: `${h.target.score} ${h.target.band.label}` },
        { text: fill(words.risksView.assessedOnVersion, { version: h.matrixVersion }) },
        { text: h.commentary || words.risksView.none },
      ]),
      events: d.events.map((e) => [
        { text: e.at.toISOString().slice(0, 10) },
        { text: fill(lookUp(`risks.events.${e.kind}`), { from: e.fromName, to: e.toName }) },
        { text: e.reason },
        { text: e.byName },
      ]),
      linkGroups: linkLists(d.links),
      canEdit: d.canEdit && r.status === 'open',
      actions: {
        edit: paths.editRisk(id),
        reassess: paths.reassessRisk(id),
        control: paths.newRiskControl(id),
        escalate: paths.moveRisk(id, 'escalate'),
        deEscalate: paths.moveRisk(id, 'de-escalate'),
        close: paths.closeRisk(id),
        links: paths.riskLinks(id),
      },
    });
  });
}
