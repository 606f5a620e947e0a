/**
 * The link picker: search the council's plan items (objectives), measures and actions by code or
 * title with a GET form, then tick what the risk concerns and save. Works without JavaScript: the
 * present links are ticked boxes (untick to remove), the search's finds unticked ones beside them.
 */
import { lookUp } from '../../../platform/words/index.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { idParam } from '../../../platform/http/params.ts';
import { riskLinksInput } from '../domain/index.ts';
import type { RisksServices } from '../services.ts';
import { linkChoices, type LinkKind } from './risk-links.presenter.ts';

const edit = { access: { permission: 'edit:risks' } } as const;

const wordsOf = (query: unknown) => {
  const q = (query as { q?: unknown } | undefined)?.q;
  return typeof q === 'string' ? q.trim().slice(0, 100) : '';
};

export async function riskLinksRoutes(app: FastifyInstance, { services }: { services: RisksServices }) {
  const { risks } = services;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    words: string,
    ticked?: Record<LinkKind, string[]>,
    errors?: FormErrors,
    status?: number,
  ) {
    const { id } = idParam(request);
    const caller = request.caller();
    const [found, linkable] = await Promise.all([risks.get(caller, id), risks.linkable(caller, words)]);
    if (!found.ok) return reply.callNotFound();
    if (!found.value.canEdit || found.value.risk.status === 'closed') {
      return reply.render('pages/errors/forbidden.njk', {}, 403);
    }
    const r = found.value.risk;
    return reply.render(
      'pages/risks/links.njk',
      {
        title: lookUp('risksView.titles.links'),
        caption: `${r.reference} ${r.title}`,
        backLink: paths.risk(id),
        action: paths.riskLinks(id),
        words,
        searched: words !== '',
        groups: linkChoices(found.value.links, linkable.ok ? linkable.value : undefined, ticked),
        errors,
      },
      status,
    );
  }

  app.get(paths.riskLinks(), { config: edit }, async (request, reply) =>
    render(request, reply, wordsOf(request.query)),
  );

  app.post(paths.riskLinks(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const values = (request.body ?? {}) as Record<string, unknown>;
    const words = wordsOf(values);
    const form = parseForm(riskLinksInput, values);
    if (!form.ok) return render(request, reply, words, undefined, form.errors, 400);
    const result = await risks.setLinks(request.caller(), id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found' && !result.error.field) return reply.callNotFound();
      const ticked = { items: form.value.itemIds, measures: form.value.measureIds, actions: form.value.actionIds };
      return render(request, reply, words, ticked, formErrorsFrom(result.error), STATUS_FOR[result.error.code]);
    }
    return reply.flash(lookUp('risksView.flash.linksSaved')).redirect(paths.risk(id));
  });
}
