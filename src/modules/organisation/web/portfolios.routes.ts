import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { portfolioInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { unitCheckboxItems } from './governance.presenter.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';

const view = { access: { permission: 'view:organisation' } } as const;
const manage = { access: { permission: 'manage:structure' } } as const;

type Values = Record<string, unknown>;

export async function portfoliosRoutes(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  async function renderForm(
    reply: FastifyReply,
    caller: SignedIn,
    options: { portfolioId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const [units, people] = await Promise.all([services.structure.list(caller), services.people.list(caller)]);
    return reply.render(
      'pages/portfolios/form.njk',
      {
        title: options.portfolioId
          ? words.organisationPages.structureRoutes.editPortfolio
          : words.organisationPages.structureRoutes.addPortfolio,
        action: options.portfolioId ? paths.editPortfolio(options.portfolioId) : paths.newPortfolio(),
        backLink: options.portfolioId ? paths.portfolio(options.portfolioId) : paths.portfolios(),
        values: options.values,
        errors: options.errors,
        holderItems: selectItems(
          people,
          (person) => person.id,
          (person) => (person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name),
          options.values.holderPersonId as string | undefined,
          words.organisationPages.structureRoutes.vacant,
        ),
        unitItems: unitCheckboxItems(units, options.values.unitIds),
      },
      options.status,
    );
  }

  app.get(paths.portfolios(), { config: view }, async (request, reply) => {
    const portfolios = await services.portfolios.list(request.caller());
    return reply.render('pages/portfolios/index.njk', {
      title: words.organisationPages.structureRoutes.portfolios,
      backLink: paths.units(),
      portfolios,
    });
  });

  app.get(paths.newPortfolio(), { config: manage }, async (request, reply) =>
    renderForm(reply, request.caller(), { values: {} }),
  );

  app.post(paths.newPortfolio(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = request.body as Values;
    const form = parseForm(portfolioInput, values);
    if (!form.ok) return renderForm(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await services.portfolios.create(caller, form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, caller, { values, errors: formErrorsFrom(result.error), status });
    }
    return reply
      .flash(fill(words.organisationPages.structureRoutes.portfolioAdded, { name: result.value.name }))
      .redirect(paths.portfolio(result.value.id));
  });

  app.get(paths.portfolio(), { config: view }, async (request, reply) => {
    const detail = await services.portfolios.detail(request.caller(), idParam(request).id);
    if (!detail.ok) return reply.callNotFound();
    return reply.render('pages/portfolios/show.njk', {
      title: detail.value.name,
      backLink: paths.portfolios(),
      portfolio: detail.value,
    });
  });

  app.get(paths.editPortfolio(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const portfolio = await services.portfolios.get(caller, id);
    if (!portfolio.ok) return reply.callNotFound();
    return renderForm(reply, caller, { portfolioId: id, values: portfolio.value });
  });

  app.post(paths.editPortfolio(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(portfolioInput, values);
    if (!form.ok) return renderForm(reply, caller, { portfolioId: id, values, errors: form.errors, status: 400 });
    const result = await services.portfolios.update(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return renderForm(reply, caller, { portfolioId: id, values, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(words.organisationPages.structureRoutes.portfolioUpdated).redirect(paths.portfolio(id));
  });
}
