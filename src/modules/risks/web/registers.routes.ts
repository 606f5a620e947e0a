import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { writeCsv } from '../../../platform/files/csv.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { idParam } from '../../../platform/http/params.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { holdsPermission } from '../../../kernel/access/index.ts';
import { fill, lookUp, words } from '../../../platform/words/index.ts';
import { REGISTER_LEVELS, registerInput } from '../domain/index.ts';
import type { RisksServices } from '../services.ts';
import { filterValues, filtersFrom } from './risk-forms.ts';
import { heatMapView, levelWords, RISK_TABLE_HEAD, riskTableRows, selectItems } from './risk.presenter.ts';
import { escapeHtml } from '../../../platform/http/escape-html.ts';

const read = { access: { permission: 'view:risks' } } as const;
const edit = { access: { permission: 'edit:risks' } } as const;
type Values = Record<string, unknown>;

export async function registersRoutes(app: FastifyInstance, { services }: { services: RisksServices }) {
  const { riskRegisters, risks } = services;

  app.get(paths.riskRegisters(), { config: read }, async (request, reply) => {
    const result = await riskRegisters.list(request.caller());
    if (!result.ok) return reply.render('pages/errors/forbidden.njk', {}, 403);
    return reply.render('pages/risks/registers.njk', {
      title: words.risksView.titles.registers,
      rows: result.value.map((r) => [
        { html: `<a class="govuk-link" href="${paths.riskRegister(r.id)}">${escapeHtml(r.name)}</a>` },
        { text: levelWords(r.level) },
        { text: r.unitName },
        { text: r.ownerName },
        { text: String(r.openRisks), format: 'numeric' },
        { text: String(r.beyondAppetite), format: 'numeric' },
        { text: String(r.reviewsOverdue), format: 'numeric' },
      ]),
      canCreate: holdsPermission(request.caller(), 'edit:risks'),
      risksHref: paths.risks(),
      settingsHref: paths.riskSettings(),
      newHref: paths.newRiskRegister(),
    });
  });

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { registerId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const choices = await risks.choices(request.caller());
    return reply.render(
      'pages/risks/register-form.njk',
      {
        title: options.registerId ? words.risksView.titles.changeRegister : words.risksView.titles.createRegister,
        backLink: options.registerId ? paths.riskRegister(options.registerId) : paths.riskRegisters(),
        action: options.registerId ? paths.editRiskRegister(options.registerId) : paths.newRiskRegister(),
        values: options.values,
        errors: options.errors,
        levelItems: REGISTER_LEVELS.map((level) => ({
          value: level,
          text: levelWords(level),
          checked: options.values.level === level,
        })),
        unitItems: selectItems(
          choices.units.map((u) => ({ value: u.id, text: u.name })),
          String(options.values.unitId ?? ''),
          words.risksView.chooseUnit,
        ),
        ownerItems: selectItems(
          choices.people.map((p) => ({ value: p.id, text: p.name })),
          String(options.values.ownerPersonId ?? ''),
          words.risksView.choosePerson,
        ),
      },
      options.status,
    );
  }

  async function save(request: FastifyRequest, reply: FastifyReply, registerId?: string) {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    const form = parseForm(registerInput, values);
    if (!form.ok) return renderForm(request, reply, { registerId, values, errors: form.errors, status: 400 });
    const result = registerId
      ? await riskRegisters.update(caller, registerId, form.value)
      : await riskRegisters.create(caller, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found' && !result.error.field) return reply.callNotFound();
      return renderForm(request, reply, {
        registerId,
        values,
        errors: formErrorsFrom(result.error),
        status: STATUS_FOR[result.error.code],
      });
    }
    return reply
      .flash(registerId ? words.risksView.flash.registerSaved : words.risksView.flash.registerCreated)
      .redirect(paths.riskRegister(result.value.id));
  }

  app.get(paths.newRiskRegister(), { config: edit }, async (request, reply) =>
    renderForm(request, reply, { values: {} }),
  );
  app.post(paths.newRiskRegister(), { config: edit }, async (request, reply) => save(request, reply));

  app.get(paths.editRiskRegister(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const result = await riskRegisters.get(request.caller(), id);
    if (!result.ok) return reply.callNotFound();
    const r = result.value.register;
    return renderForm(request, reply, {
      registerId: id,
      values: {
        name: r.name,
        level: r.level,
        unitId: r.unitId,
        ownerPersonId: r.ownerPersonId,
        description: r.description,
      },
    });
  });
  app.post(paths.editRiskRegister(), { config: edit }, async (request, reply) =>
    save(request, reply, idParam(request).id),
  );

  app.get(paths.riskRegister(), { config: read }, async (request, reply) => {
    const { id } = idParam(request);
    const filters = filtersFrom(request.query);
    const [result, choices] = await Promise.all([
      riskRegisters.get(request.caller(), id, filters),
      risks.choices(request.caller()),
    ]);
    if (!result.ok)
      return result.error.code === 'forbidden'
        ? reply.render('pages/errors/forbidden.njk', {}, 403)
        : reply.callNotFound();
    const page = result.value;
    const settings = await services.riskSettings.get(request.caller());
    const matrix = settings.ok ? settings.value.current.matrix : null;
    const values = filterValues(filters);
    return reply.render('pages/risks/register.njk', {
      title: page.register.name,
      breadcrumbs: [{ text: words.risksView.titles.registers, href: paths.riskRegisters() }],
      register: page.register,
      levelText: levelWords(page.register.level),
      canEdit: page.canEdit,
      editHref: paths.editRiskRegister(id),
      newRiskHref: paths.newRisk(id),
      csvHref: paths.riskRegisterCsv(id),
      filterAction: paths.riskRegister(id),
      heatNow:
        matrix && heatMapView(page.heatMap.now, matrix, fill(words.risksView.heatNow, { date: page.heatMap.today })),
      heatPrevious:
        matrix &&
        heatMapView(
          page.heatMap.previous,
          matrix,
          fill(words.risksView.heatPrevious, { date: page.heatMap.previousOn }),
        ),
      head: RISK_TABLE_HEAD,
      rows: riskTableRows(page.risks),
      values,
      filterItems: {
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
          (matrix?.bands ?? []).map((b) => ({ value: b.label, text: b.label })),
          values.band,
          words.risksView.anyBand,
        ),
      },
    });
  });

  app.get(paths.riskRegisterCsv(), { config: read }, async (request, reply) => {
    const { id } = idParam(request);
    const result = await riskRegisters.get(request.caller(), id, { status: 'all' });
    if (!result.ok) return reply.callNotFound();
    const rows = result.value.risks.map((r) => [
      r.reference,
      r.title,
      lookUp(`risks.types.${r.type}`),
      r.categoryName,
      r.cause,
      r.event,
      r.effect,
      r.owner.name,
      r.inherent.likelihood,
      r.inherent.impact,
      r.inherent.score,
      r.current.likelihood,
      r.current.impact,
      r.current.score,
      r.current.band.label,
      r.target.likelihood,
      r.target.impact,
      r.target.score,
      r.beyondAppetite ? 'yes' : 'no',
      r.nextReviewOn,
      r.reviewOverdue ? 'yes' : 'no',
      r.status,
    ]);
    const headers = [
      'Reference',
      'Title',
      'Type',
      'Category',
      'Cause',
      'Event',
      'Effect',
      'Owner',
      'Inherent likelihood',
      'Inherent impact',
      'Inherent score',
      'Current likelihood',
      'Current impact',
      'Current score',
      'Current band',
      'Target likelihood',
      'Target impact',
      'Target score',
      'Beyond appetite',
      'Next review',
      'Review overdue',
      'Status',
    ];
    return reply
      .header('content-disposition', 'attachment; filename="risk-register.csv"')
      .type('text/csv; charset=utf-8')
      .send(writeCsv(headers, rows));
  });
}
