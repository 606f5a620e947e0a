import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { programmeInput } from '../domain/index.ts';
import type { ProjectsServices } from '../services.ts';
import { presentList } from './project.presenter.ts';
import { statusOf } from './projects.routes.ts';
import { fill, words } from '../../../platform/words/index.ts';

const view = { access: { permission: 'view:plans' } } as const;
const edit = { access: { permission: 'edit:plans' } } as const;
type Values = Record<string, unknown>;

export async function programmesRoutes(app: FastifyInstance, { services }: { services: ProjectsServices }) {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { programmeId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const choices = await services.projects.formOptions(request.caller(), null);
    const chosen = (name: string) => (typeof options.values[name] === 'string' ? options.values[name] : null);
    const person = (row: { name: string; jobTitle: string }) =>
      row.jobTitle ? `${row.name}, ${row.jobTitle}` : row.name;
    return reply.render(
      'pages/projects/programme-form.njk',
      {
        title: options.programmeId ? words.projectsView.titles.editProgramme : words.projectsView.titles.addProgramme,
        action: options.programmeId ? paths.editProgramme(options.programmeId) : paths.newProgramme(),
        backLink: options.programmeId ? paths.programme(options.programmeId) : paths.programmes(),
        values: options.values,
        errors: options.errors,
        sponsorItems: selectItems(
          choices.people,
          (row) => row.id,
          person,
          chosen('sponsorPersonId'),
          words.projectsView.noSponsorYet,
        ),
        managerItems: selectItems(
          choices.people,
          (row) => row.id,
          person,
          chosen('managerPersonId'),
          words.projectsView.noManagerYet,
        ),
        unitItems: selectItems(
          choices.units,
          (row) => row.id,
          (row) => row.name,
          chosen('unitId'),
          words.projectsView.wholeCouncil,
        ),
      },
      options.status,
    );
  }

  app.get(paths.programmes(), { config: view }, async (request, reply) =>
    reply.render('pages/projects/programmes.njk', {
      title: words.projectsView.titles.programmes,
      backLink: paths.projects(),
      programmes: await services.programmes.list(request.caller()),
    }),
  );

  app.get(paths.newProgramme(), { config: edit }, async (request, reply) => renderForm(request, reply, { values: {} }));

  app.post(paths.newProgramme(), { config: edit }, async (request, reply) => {
    const values = request.body as Values;
    const form = parseForm(programmeInput, values);
    if (!form.ok) return renderForm(request, reply, { values, errors: form.errors, status: 400 });
    const result = await services.programmes.create(request.caller(), form.value);
    if (!result.ok)
      return renderForm(request, reply, {
        values,
        errors: formErrorsFrom(result.error),
        status: statusOf(result.error),
      });
    return reply
      .flash(fill(words.projectFlash.added, { code: result.value.code, title: result.value.title }))
      .redirect(paths.programme(result.value.id));
  });

  app.get(paths.programme(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const programme = await services.programmes.get(caller, id);
    if (!programme.ok) return reply.callNotFound();
    return reply.render('pages/projects/programme.njk', {
      title: `${programme.value.code} ${programme.value.title}`,
      backLink: paths.programmes(),
      programme: programme.value,
      projects: presentList(await services.projects.list(caller, { programmeId: id })),
    });
  });

  app.get(paths.editProgramme(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const programme = await services.programmes.get(request.caller(), id);
    if (!programme.ok) return reply.callNotFound();
    return renderForm(request, reply, { programmeId: id, values: { ...programme.value } });
  });

  app.post(paths.editProgramme(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const values = request.body as Values;
    const form = parseForm(programmeInput, values);
    if (!form.ok) return renderForm(request, reply, { programmeId: id, values, errors: form.errors, status: 400 });
    const result = await services.programmes.update(request.caller(), id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderForm(request, reply, {
        programmeId: id,
        values,
        errors: formErrorsFrom(result.error),
        status: statusOf(result.error),
      });
    }
    return reply.flash(words.projectFlash.programmeUpdated).redirect(paths.programme(id));
  });
}
