import type { FastifyInstance } from 'fastify';
import { auditQuery } from '../audit.service.ts';
import type { AuditServices } from '../services.ts';
import { dateItems, isoFromParts } from '../../../platform/http/date-input.ts';
import { parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { auditCsv, presentAuditPage } from './audit.presenter.ts';
import { sayStored, words } from '../../../platform/words/index.ts';

const view = { access: { permission: 'view:audit' } } as const;
const DATE_FIELDS = ['from', 'to'] as const;

/** Repeated query parameters arrive as arrays; a filter takes the first. */
function queryValues(query: unknown): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
  }
  return values;
}

/**
 * The filters as the service reads them: the page's form sends each date as GOV.UK day, month
 * and year boxes (`from-day` …); links (pagination, the export) carry the ISO date (`from`).
 */
function filterValues(query: unknown): Record<string, string | undefined> {
  const values = queryValues(query);
  for (const field of DATE_FIELDS) {
    if (`${field}-day` in values || `${field}-month` in values || `${field}-year` in values) {
      values[field] = isoFromParts(values, field);
    }
  }
  return values;
}

/** A date's error links to its day box, where the GOV.UK date input puts the focus. */
function dateErrorsToDayBoxes(errors: FormErrors): FormErrors {
  const isDate = (field: string) => (DATE_FIELDS as readonly string[]).includes(field);
  return {
    ...errors,
    summary: errors.summary.map((item) => (isDate(item.href.slice(1)) ? { ...item, href: `${item.href}-day` } : item)),
  };
}

export async function auditRoutes(app: FastifyInstance, { services }: { services: AuditServices }) {
  app.get(paths.audit(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const values = filterValues(request.query);
    const options = await services.audit.filterOptions(caller);
    if (!options.ok) return reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
    const query = parseForm(auditQuery, values);
    // A bad filter keeps what was typed, names the problem and shows the unfiltered trail.
    const result = await services.audit.list(caller, query.ok ? query.value : { page: 1 });
    if (!result.ok) return reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
    const errors = query.ok ? undefined : dateErrorsToDayBoxes(query.errors);
    const typed = queryValues(request.query);
    return reply.render(
      'pages/audit/index.njk',
      {
        title: words.audit.title,
        errors,
        ...presentAuditPage(result.value, options.value, values),
        fromItems: dateItems(values.from, typed, 'from', Boolean(errors?.fields.from)),
        toItems: dateItems(values.to, typed, 'to', Boolean(errors?.fields.to)),
      },
      query.ok ? 200 : 400,
    );
  });

  app.get(paths.auditExport(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const query = parseForm(auditQuery, filterValues(request.query));
    if (!query.ok) {
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send(query.errors.summary.map((item) => item.text).join('\n'));
    }
    const result = await services.audit.exportEvents(caller, query.value);
    if (!result.ok) {
      if (result.error.code === 'forbidden') return reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
      return reply.code(400).type('text/plain; charset=utf-8').send(sayStored(result.error.message));
    }
    return reply
      .header('content-disposition', 'attachment; filename="audit-trail.csv"')
      .type('text/csv; charset=utf-8')
      .send(auditCsv(result.value.events, result.value.names));
  });
}
