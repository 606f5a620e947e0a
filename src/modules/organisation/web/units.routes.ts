import type { FastifyInstance } from 'fastify';
import { unitInput } from '../domain/unit.ts';
import { unitKindItems } from './governance.presenter.ts';
import type { OrganisationServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { fill, words } from '../../../platform/words/index.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { buildTree } from '../../../platform/http/tree.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';

const manage = { access: { permission: 'manage:structure' } } as const;
const view = { access: { permission: 'view:organisation' } } as const;

export async function unitRoutes(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  async function renderForm(
    reply: import('fastify').FastifyReply,
    caller: Parameters<OrganisationServices['structure']['list']>[0],
    options: { unitId?: string; values: Record<string, unknown>; errors?: FormErrors; status?: number },
  ) {
    const [units, people] = await Promise.all([services.structure.list(caller), services.people.list(caller)]);
    return reply.render(
      'pages/units/form.njk',
      {
        title: options.unitId
          ? words.organisationPages.structureRoutes.editUnit
          : words.organisationPages.structureRoutes.addUnit,
        action: options.unitId ? paths.editUnit(options.unitId) : paths.newUnit(),
        backLink: options.unitId ? paths.unit(options.unitId) : paths.units(),
        values: options.values,
        errors: options.errors,
        kindItems: unitKindItems(options.values.kind),
        parentItems: selectItems(
          units.filter((unit) => unit.id !== options.unitId),
          (unit) => unit.id,
          (unit) => `${unit.name} (${unit.code})`,
          options.values.parentId as string | undefined,
          words.organisationPages.structureRoutes.topOfOrganisation,
        ),
        headItems: selectItems(
          people,
          (person) => person.id,
          (person) => person.name,
          options.values.headPersonId as string | undefined,
          words.organisationPages.structureRoutes.notSet,
        ),
      },
      options.status,
    );
  }

  app.get(paths.units(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const units = await services.structure.list(caller);
    return reply.render('pages/units/index.njk', {
      title: words.organisationPages.structureRoutes.structure,
      tree: buildTree(units, (unit) => unit.parentId),
    });
  });

  app.get(paths.newUnit(), { config: manage }, async (request, reply) =>
    renderForm(reply, request.caller(), { values: { parentId: (request.query as { parentId?: string }).parentId } }),
  );

  app.post(paths.newUnit(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const form = parseForm(unitInput, request.body);
    if (!form.ok)
      return renderForm(reply, caller, {
        values: request.body as Record<string, unknown>,
        errors: form.errors,
        status: 400,
      });
    const result = await services.structure.create(caller, form.value);
    if (!result.ok)
      return renderForm(reply, caller, {
        values: request.body as Record<string, unknown>,
        errors: formErrorsFrom(result.error),
        status: 400,
      });
    return reply
      .flash(fill(words.organisationPages.structureRoutes.unitAdded, { name: result.value.name }))
      .redirect(paths.unit(result.value.id));
  });

  app.get(paths.unit(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const detail = await services.structure.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    return reply.render('pages/units/show.njk', {
      title: detail.value.unit.name,
      backLink: paths.units(),
      ...detail.value,
    });
  });

  app.get(paths.editUnit(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const unit = await services.structure.get(caller, id);
    if (!unit.ok) return reply.callNotFound();
    return renderForm(reply, caller, { unitId: id, values: unit.value });
  });

  app.post(paths.editUnit(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const form = parseForm(unitInput, request.body);
    const values = request.body as Record<string, unknown>;
    if (!form.ok) return renderForm(reply, caller, { unitId: id, values, errors: form.errors, status: 400 });
    const result = await services.structure.update(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderForm(reply, caller, { unitId: id, values, errors: formErrorsFrom(result.error), status: 400 });
    }
    return reply.flash(words.organisationPages.structureRoutes.unitUpdated).redirect(paths.unit(id));
  });
}
