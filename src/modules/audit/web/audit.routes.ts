import type { FastifyInstance } from 'fastify';
import { auditQuery } from '../audit.service.ts';
import type { AuditServices } from '../services.ts';
import { parseForm } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { presentAuditPage } from './audit.presenter.ts';

const view = { access: { permission: 'view:audit' } } as const;

/** Repeated query parameters arrive as arrays; a filter takes the first. */
function queryValues(query: unknown): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
  }
  return values;
}

export async function auditRoutes(app: FastifyInstance, { services }: { services: AuditServices }) {
  app.get(paths.audit(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const values = queryValues(request.query);
    const options = await services.audit.filterOptions(caller);
    if (!options.ok) return reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
    const query = parseForm(auditQuery, values);
    // A bad filter keeps what was typed, names the problem and shows the unfiltered trail.
    const result = await services.audit.list(caller, query.ok ? query.value : { page: 1 });
    if (!result.ok) return reply.code(403).render('pages/errors/forbidden.njk', {}, 403);
    return reply.render(
      'pages/audit/index.njk',
      {
        title: 'Audit trail',
        errors: query.ok ? undefined : query.errors,
        ...presentAuditPage(result.value, options.value, values),
      },
      query.ok ? 200 : 400,
    );
  });
}
