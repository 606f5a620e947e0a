import type { FastifyInstance, FastifyReply } from 'fastify';
import { partnerInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { partnerKindItems, partnerKindName } from './governance.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';

const view = { access: { permission: 'view:organisation' } } as const;
const manage = { access: { permission: 'manage:governance' } } as const;

type Values = Record<string, unknown>;

export async function partnersRoutes(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  function renderForm(
    reply: FastifyReply,
    options: { partnerId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    return reply.render(
      'pages/partners/form.njk',
      {
        title: options.partnerId
          ? words.organisationPages.structureRoutes.editPartner
          : words.organisationPages.structureRoutes.addPartner,
        action: options.partnerId ? paths.editPartner(options.partnerId) : paths.newPartner(),
        backLink: options.partnerId ? paths.partner(options.partnerId) : paths.partners(),
        values: options.values,
        errors: options.errors,
        kindItems: partnerKindItems(options.values.kind),
      },
      options.status,
    );
  }

  app.get(paths.partners(), { config: view }, async (request, reply) => {
    const partners = await services.partners.list(request.caller());
    return reply.render('pages/partners/index.njk', {
      title: words.organisationPages.structureRoutes.partners,
      partners: partners.map((partner) => ({ ...partner, kindName: partnerKindName(partner.kind) })),
    });
  });

  app.get(paths.newPartner(), { config: manage }, async (_request, reply) => renderForm(reply, { values: {} }));

  app.post(paths.newPartner(), { config: manage }, async (request, reply) => {
    const values = request.body as Values;
    const form = parseForm(partnerInput, values);
    if (!form.ok) return renderForm(reply, { values, errors: form.errors, status: 400 });
    const result = await services.partners.create(request.caller(), form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, { values, errors: formErrorsFrom(result.error), status });
    }
    return reply
      .flash(fill(words.organisationPages.structureRoutes.partnerAdded, { name: result.value.name }))
      .redirect(paths.partner(result.value.id));
  });

  app.get(paths.partner(), { config: view }, async (request, reply) => {
    const detail = await services.partners.detail(request.caller(), idParam(request).id);
    if (!detail.ok) return reply.callNotFound();
    return reply.render('pages/partners/show.njk', {
      title: detail.value.partner.name,
      backLink: paths.partners(),
      ...detail.value,
      kindName: partnerKindName(detail.value.partner.kind),
    });
  });

  app.get(paths.editPartner(), { config: manage }, async (request, reply) => {
    const { id } = idParam(request);
    const partner = await services.partners.get(request.caller(), id);
    if (!partner.ok) return reply.callNotFound();
    return renderForm(reply, { partnerId: id, values: partner.value });
  });

  app.post(paths.editPartner(), { config: manage }, async (request, reply) => {
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(partnerInput, values);
    if (!form.ok) return renderForm(reply, { partnerId: id, values, errors: form.errors, status: 400 });
    const result = await services.partners.update(request.caller(), id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, { partnerId: id, values, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(words.organisationPages.structureRoutes.partnerUpdated).redirect(paths.partner(id));
  });
}
