import type { FastifyInstance, FastifyReply } from 'fastify';
import { valueEntryInput, valueTransitionInput } from '../domain/value-entry.ts';
import { parsePeriodKey } from '../../../kernel/measurement/index.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { CollectionPageServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import {
  entrySummary,
  gridRows,
  historyRows,
  myDataTables,
  offTargetHint,
  shown,
  statusTag,
} from './collection.presenter.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { actionButtons, earlierRows, figureRows } from './value-review.presenter.ts';

// Who may enter, verify or approve a value is decided by the service (owner, assignees, verifier, roles).
const w = words.collection.routes;

/** One version in the conflict panel: the figure, with its commentary when it has one. */
function versionInWords(figure: string, commentary: string): string {
  return commentary ? fill(words.collection.entry.versionWithCommentary, { figure, commentary }) : figure;
}
const staff = { access: { permission: 'view:organisation' } } as const;

const QUALITY = [
  { value: 'final', text: w.quality.final },
  { value: 'provisional', text: w.quality.provisional, hint: { text: w.quality.provisionalHint } },
  { value: 'estimated', text: w.quality.estimated, hint: { text: w.quality.estimatedHint } },
];

type Form = Record<string, unknown>;

function periodParam(request: { params: unknown }): string {
  const key = (request.params as { periodKey?: string }).periodKey ?? '';
  return /^[0-9A-Za-z-]{4,12}$/.test(key) ? key : 'invalid';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The breakdown category a value page is about (`?breakdown=<id>`, from the sign-off queue): null
 * for the whole measure, undefined for anything that is not an id (answered as not found).
 */
function breakdownParam(request: { query: unknown }): string | null | undefined {
  const raw = (request.query as { breakdown?: unknown } | undefined)?.breakdown;
  if (raw === undefined || raw === '') return null;
  return typeof raw === 'string' && UUID.test(raw) ? raw : undefined;
}

export async function collectionRoutes(app: FastifyInstance, { services }: { services: CollectionPageServices }) {
  app.get(paths.myData(), { config: staff }, async (request, reply) => {
    const data = await services.collection.myData(request.caller());
    return reply.render('pages/collection/my-data.njk', { title: w.myData, data, tables: myDataTables(data) });
  });

  // --- one measure, one period ----------------------------------------------------------------------

  async function renderEntry(
    reply: FastifyReply,
    caller: Caller,
    measureId: string,
    periodKey: string,
    options: {
      values?: Form;
      errors?: FormErrors;
      status?: number;
      conflict?: boolean;
      actionErrors?: FormErrors;
      /** The plausibility check the figure failed, shown with "I have checked this figure". */
      implausible?: string;
      /** A breakdown category's value (signed off here; entered on the grid, the API or an import). */
      breakdownId?: string | null;
    } = {},
  ) {
    const breakdownId = options.breakdownId ?? null;
    const [detail, officialFrom] = await Promise.all([
      services.collection.valueDetail(caller, measureId, periodKey, breakdownId),
      services.official.officialFrom(caller.organisationId),
    ]);
    if (!detail.ok) return reply.callNotFound();
    const d = detail.value;
    const { measure, value } = d;
    const stored: Form = value
      ? {
          value: value.value ?? '',
          numerator: value.numerator ?? '',
          denominator: value.denominator ?? '',
          commentary: value.commentary,
          quality: value.quality,
          evidenceUrl: value.evidenceUrl,
        }
      : { quality: 'final' };
    const values = options.values ?? stored;
    // A category's value has no page of its own: here it is only judged, never a form that saves the whole measure's.
    if (breakdownId !== null && !value) return reply.callNotFound();
    const category = d.category;
    const canEdit = breakdownId === null && d.actions.includes('save') && !d.locked && measure.status === 'active';
    const transitions = d.actions.filter((action) => action !== 'save' && action !== 'submit');
    return reply.render(
      'pages/collection/entry.njk',
      {
        title: `${measure.code}${category ? ` ${category}` : ''} ${d.periodLabel}`,
        category,
        actionHref: `${paths.valueAction(measure.id, d.periodKey)}${breakdownId ? `?breakdown=${breakdownId}` : ''}`,
        // Where the figure sits: the sign-off queue for whoever may sign it off, else my data.
        breadcrumbs: [
          { text: w.home, href: paths.home() },
          transitions.some((action) => action === 'verify' || action === 'approve')
            ? { text: words.signOffQueue.navigation, href: paths.signOffQueue() }
            : { text: w.myData, href: paths.myData() },
          { text: `${measure.code} ${measure.title}`, href: paths.measure(measure.id) },
        ],
        detail: d,
        closed: d.closed === null ? null : sayStored(d.closed),
        measure,
        ratio: measure.aggregation === 'ratio',
        values,
        errors: options.errors ?? options.actionErrors,
        // On a conflict the form carries the stored version, so saving again is a deliberate overwrite.
        rowVersion: value?.rowVersion ?? 0,
        conflict:
          options.conflict && value
            ? {
                stored: versionInWords(shown(value.value, measure.unit, measure.decimalPlaces), value.commentary),
                storedStatus: statusTag(value.status).text,
                yours: versionInWords(
                  String(options.values?.value ?? '') || words.collection.entry.versionNoValue,
                  String(options.values?.commentary ?? ''),
                ),
              }
            : null,
        canEdit,
        summaryRows: entrySummary(d, officialFrom),
        history: historyRows(d),
        qualityItems: QUALITY.map((item) => ({ ...item, checked: values.quality === item.value })),
        figure: canEdit ? null : figureRows(d),
        // The verifier's view: the figure in full and the earlier periods beside it.
        earlier: earlierRows(d, d.earlier),
        earlierCaption: fill(words.signOffQueue.recentCaption, { period: d.periodLabel }),
        actionButtons: actionButtons(transitions),
        offTargetHint: offTargetHint(d),
        implausible: options.implausible ?? null,
        checkedLabel: words.entryChecks.checked,
        confirmed: values.confirmImplausible === 'true',
      },
      options.status,
    );
  }

  app.get(paths.valueEntry(), { config: staff }, async (request, reply) => {
    const breakdownId = breakdownParam(request);
    if (breakdownId === undefined) return reply.callNotFound();
    return renderEntry(reply, request.caller(), idParam(request).id, periodParam(request), { breakdownId });
  });

  app.post(paths.valueEntry(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const periodKey = periodParam(request);
    const body = (request.body ?? {}) as Form;
    const form = parseForm(valueEntryInput, { ...body, periodKey, breakdownId: null });
    if (!form.ok) return renderEntry(reply, caller, id, periodKey, { values: body, errors: form.errors, status: 400 });
    const result = await services.collection.enter(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderEntry(reply, caller, id, periodKey, {
        values: body,
        errors: formErrorsFrom(result.error),
        status: result.error.code === 'conflict' ? 409 : 400,
        conflict: result.error.code === 'conflict',
        ...(result.error.code === 'implausible' ? { implausible: sayStored(result.error.message) } : {}),
      });
    }
    const done = result.value.status === 'submitted' ? w.valueSubmitted : w.valueDrafted;
    return reply.flash(done).redirect(paths.valueEntry(id, periodKey));
  });

  app.post(paths.valueAction(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const periodKey = periodParam(request);
    const body = (request.body ?? {}) as Form;
    const breakdownId = breakdownParam(request);
    if (breakdownId === undefined) return reply.callNotFound();
    const form = parseForm(valueTransitionInput, body);
    if (!form.ok)
      return renderEntry(reply, caller, id, periodKey, { actionErrors: form.errors, status: 400, breakdownId });
    // Only the stored value's id: the entry page's detail is drawn again only if the action is refused.
    const valueId = await services.collection.valueIdAt(caller, id, periodKey, breakdownId);
    if (!valueId.ok) return reply.callNotFound();
    const result = await services.collection.transition(caller, valueId.value, form.value);
    if (!result.ok) {
      const errors = formErrorsFrom(result.error);
      return renderEntry(reply, caller, id, periodKey, {
        actionErrors: errors,
        status: result.error.code === 'forbidden' ? 403 : 400,
        breakdownId,
      });
    }
    const back = `${paths.valueEntry(id, periodKey)}${breakdownId ? `?breakdown=${breakdownId}` : ''}`;
    return reply
      .flash(fill(w.valueMoved, { status: statusTag(result.value.status).text.toLowerCase() }))
      .redirect(back);
  });

  // --- the grid: all of a unit's measures for one period --------------------------------------------

  app.get(paths.dataEntry(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const query = request.query as { unitId?: string; period?: string };
    if (query.unitId && query.period)
      return reply.redirect(`${paths.unitDataEntry(query.unitId)}?period=${encodeURIComponent(query.period)}`);
    return renderChooser(reply, caller, query.unitId);
  });

  async function renderChooser(
    reply: FastifyReply,
    caller: Caller,
    unitId?: string,
    errors?: FormErrors,
    status?: number,
  ) {
    const units = await services.structure.list(caller);
    const periods = services.collection.gridPeriods();
    return reply.render(
      'pages/collection/choose.njk',
      {
        title: w.chooseTitle,
        errors,
        unitItems: selectItems(
          units,
          (unit) => unit.id,
          (unit) => fill(w.unitOption, { name: unit.name, code: unit.code }),
          unitId,
          w.selectUnit,
        ),
        periodItems: periods.flatMap((group) =>
          group.periods.map((period) => ({
            value: period.key,
            text: fill(w.periodOption, { period: period.label, frequency: group.frequency }),
          })),
        ),
      },
      status,
    );
  }

  async function renderGrid(
    reply: FastifyReply,
    caller: Caller,
    unitId: string,
    periodKey: string,
    options: {
      typed?: Form;
      rowErrors?: Record<string, Record<string, { text: string }>>;
      errors?: FormErrors;
      status?: number;
    } = {},
  ) {
    const grid = await services.collection.unitGrid(caller, unitId, periodKey);
    if (!grid.ok) {
      if (grid.error.code === 'not_found') return reply.callNotFound();
      return renderChooser(reply, caller, unitId, formErrorsFrom({ ...grid.error, field: 'period' }), 400);
    }
    const unit = await services.structure.get(caller, unitId);
    if (!unit.ok) return reply.callNotFound();
    const rows = gridRows(grid.value, options.typed, options.rowErrors);
    return reply.render(
      'pages/collection/grid.njk',
      {
        title: `${unit.value.name}: data for ${grid.value.periodLabel}`,
        backLink: paths.dataEntry(),
        unit: unit.value,
        grid: grid.value,
        rows,
        editable: rows.some((row) => row.canEnter),
        errors: options.errors,
        action: `${paths.unitDataEntry(unitId)}?period=${encodeURIComponent(periodKey)}`,
      },
      options.status,
    );
  }

  app.get(paths.unitDataEntry(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const period = (request.query as { period?: string }).period;
    // Another council's unit (or none) is a page that does not exist, with or without a period.
    if (!(await services.structure.get(caller, id)).ok) return reply.callNotFound();
    if (!period) return renderChooser(reply, caller, id);
    return renderGrid(reply, caller, id, period);
  });

  app.post(paths.unitDataEntry(), { config: staff }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const periodKey = (request.query as { period?: string }).period ?? '';
    if (!(await services.structure.get(caller, id)).ok) return reply.callNotFound();
    if (!parsePeriodKey(periodKey).ok) return renderChooser(reply, caller, id);
    const body = (request.body ?? {}) as Form;
    const grid = await services.collection.unitGrid(caller, id, periodKey);
    if (!grid.ok) return reply.callNotFound();
    const action = body.action === 'submit' ? 'submit' : 'save';
    const rowErrors: Record<string, Record<string, { text: string }>> = {};
    const summary: FormErrors['summary'] = [];
    let saved = 0;
    const text = (key: string) => String(body[key] ?? '').trim();
    for (const row of grid.value.rows) {
      if (!row.canEnter) continue;
      const mid = row.measure.id;
      const typed = {
        value: text(`value_${mid}`),
        numerator: text(`numerator_${mid}`),
        denominator: text(`denominator_${mid}`),
        commentary: text(`commentary_${mid}`),
      };
      const stored = row.value;
      const same = (a: string, b: number | string | null | undefined) =>
        a === (b === null || b === undefined ? '' : String(b));
      const unchanged =
        same(typed.value, stored?.value) &&
        same(typed.numerator, stored?.numerator) &&
        same(typed.denominator, stored?.denominator) &&
        same(typed.commentary, stored?.commentary ?? '');
      const nothingTyped = Object.values(typed).every((v) => v === '');
      // Rows left as they were are not touched (unless submitting a stored draft).
      if ((unchanged && !(action === 'submit' && stored)) || (!stored && nothingTyped)) continue;
      const form = parseForm(valueEntryInput, {
        periodKey,
        breakdownId: null,
        ...typed,
        quality: stored?.quality ?? 'final',
        evidenceUrl: stored?.evidenceUrl ?? '',
        action,
        rowVersion: body[`rowVersion_${mid}`] ?? 0,
      });
      const problem = form.ok ? await services.collection.enter(caller, mid, form.value) : null;
      if (form.ok && problem?.ok) {
        saved += 1;
        continue;
      }
      const field = !form.ok
        ? (Object.keys(form.errors.fields)[0] ?? 'value')
        : (problem && !problem.ok && problem.error.field) || 'value';
      const message = !form.ok
        ? (form.errors.summary[0]?.text ?? w.checkRow)
        : problem && !problem.ok
          ? sayStored(problem.error.message)
          : w.checkRow;
      const input = ['value', 'numerator', 'denominator', 'commentary'].includes(field)
        ? field
        : row.measure.aggregation === 'ratio'
          ? 'numerator'
          : 'value';
      rowErrors[mid] = { [input]: { text: message } };
      summary.push({ text: fill(w.rowProblem, { code: row.measure.code, message }), href: `#${input}_${mid}` });
    }
    if (summary.length > 0) {
      return renderGrid(reply, caller, id, periodKey, {
        typed: body,
        rowErrors,
        errors: {
          summary: saved
            ? [
                {
                  text: fill(saved === 1 ? w.someSavedOne : w.someSaved, { count: saved }),
                  href: '#grid',
                },
                ...summary,
              ]
            : summary,
          fields: {},
        },
        status: 400,
      });
    }
    const done = action === 'submit' ? [w.submittedOne, w.submitted] : [w.savedOne, w.saved];
    return reply
      .flash(saved === 0 ? w.nothingChanged : fill(saved === 1 ? done[0]! : done[1]!, { count: saved }))
      .redirect(`${paths.unitDataEntry(id)}?period=${encodeURIComponent(periodKey)}`);
  });
}
