import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { DomainError } from '../../../kernel/result.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, words } from '../../../platform/words/index.ts';
import {
  PROJECT_ACTIONS,
  PROJECT_STATUSES,
  projectActionInput,
  projectChangeInput,
  projectInput,
  type ProjectAction,
} from '../domain/index.ts';
import type { ProjectFilters } from '../projects.service.ts';
import type { ProjectsServices } from '../services.ts';
import {
  dateItems,
  presentList,
  presentProject,
  projectFormChoices,
  projectFormValues,
  projectsCsv,
  statusFilterItems,
  withDates,
} from './project.presenter.ts';

const view = { access: { permission: 'view:plans' } } as const;
const edit = { access: { permission: 'edit:plans' } } as const;

type Values = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list's filters from the query string; anything malformed is simply not a filter. */
export function filtersFrom(request: FastifyRequest): ProjectFilters & { query: string } {
  const query = request.query as Record<string, string | undefined>;
  const id = (name: string) => (query[name] && UUID.test(query[name]) ? query[name] : undefined);
  const status = PROJECT_STATUSES.find((candidate) => candidate === query.status);
  const filters = { managerPersonId: id('manager'), unitId: id('unit'), programmeId: id('programme'), status };
  const params = new URLSearchParams();
  for (const [name, value] of [
    ['manager', filters.managerPersonId],
    ['unit', filters.unitId],
    ['programme', filters.programmeId],
    ['status', status],
  ] as const) {
    if (value) params.set(name, value);
  }
  return { ...filters, query: params.size ? `?${params.toString()}` : '' };
}

/** A refusal's status: not found and forbidden as themselves, a state conflict 409, anything else 400. */
export const statusOf = (error: DomainError) =>
  error.code === 'forbidden' ? 403 : error.code === 'invalid_state' || error.code === 'duplicate' ? 409 : 400;

export async function projectsRoutes(
  app: FastifyInstance,
  { services, clock }: { services: ProjectsServices; clock: Clock },
) {
  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { projectId?: string; values: Values; errors?: FormErrors; status?: number },
  ) {
    const { values, errors } = options;
    const planId = typeof values.planId === 'string' && UUID.test(values.planId) ? values.planId : null;
    const choices = await services.projects.formOptions(request.caller(), planId);
    return reply.render(
      'pages/projects/form.njk',
      {
        title: options.projectId ? words.projectsView.titles.editProject : words.projectsView.titles.addProject,
        action: options.projectId ? paths.editProject(options.projectId) : paths.newProject(),
        backLink: options.projectId ? paths.project(options.projectId) : paths.projects(),
        editing: Boolean(options.projectId),
        values,
        errors,
        ...projectFormChoices(choices, values),
        startItems: dateItems(values.startDate, values, 'startDate', Boolean(errors?.fields.startDate)),
        endItems: dateItems(values.endDate, values, 'endDate', Boolean(errors?.fields.endDate)),
      },
      options.status,
    );
  }

  app.get(paths.projects(), { config: view }, async (request, reply) => {
    const caller = request.caller();
    const filters = filtersFrom(request);
    const [rows, options] = await Promise.all([
      services.projects.list(caller, filters),
      services.projects.formOptions(caller, null),
    ]);
    return reply.render('pages/projects/index.njk', {
      title: words.projectsView.titles.projects,
      projects: presentList(rows),
      exportHref: `${paths.projectsExport()}${filters.query}`,
      managerItems: selectItems(
        options.people,
        (row) => row.id,
        (row) => row.name,
        filters.managerPersonId,
        words.projectsView.anyManager,
      ),
      unitItems: selectItems(
        options.units,
        (row) => row.id,
        (row) => row.name,
        filters.unitId,
        words.projectsView.anyUnit,
      ),
      programmeItems: selectItems(
        options.programmes,
        (row) => row.id,
        (row) => `${row.code} ${row.title}`,
        filters.programmeId,
        words.projectsView.anyProgramme,
      ),
      statusItems: statusFilterItems(filters.status),
      filtered: filters.query !== '',
    });
  });

  app.get(paths.projectsExport(), { config: view }, async (request, reply) => {
    const rows = await services.projects.list(request.caller(), filtersFrom(request));
    return reply
      .header('content-disposition', 'attachment; filename="projects.csv"')
      .type('text/csv; charset=utf-8')
      .send(projectsCsv(rows));
  });

  app.get(paths.newProject(), { config: edit }, async (request, reply) => renderForm(request, reply, { values: {} }));

  app.post(paths.newProject(), { config: edit }, async (request, reply) => {
    const values = withDates(request.body as Values, ['startDate', 'endDate']);
    // "Show the plan's items" posts the form to itself: shown again with the plan's items, nothing saved.
    if (values.refresh === 'items') return renderForm(request, reply, { values });
    const form = parseForm(projectInput, values);
    if (!form.ok) return renderForm(request, reply, { values, errors: form.errors, status: 400 });
    const result = await services.projects.create(request.caller(), form.value);
    if (!result.ok)
      return renderForm(request, reply, {
        values,
        errors: formErrorsFrom(result.error),
        status: statusOf(result.error),
      });
    return reply
      .flash(fill(words.projectFlash.added, { code: result.value.code, title: result.value.title }))
      .redirect(paths.project(result.value.id));
  });

  app.get(paths.project(), { config: view }, async (request, reply) => {
    const detail = await services.projects.detail(request.caller(), idParam(request).id);
    if (!detail.ok) return reply.callNotFound();
    const page = presentProject(detail.value, clock.today());
    return reply.render('pages/projects/show.njk', {
      title: `${page.project.code} ${page.project.title}`,
      backLink: paths.projects(),
      ...page,
    });
  });

  app.get(paths.editProject(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const detail = await services.projects.detail(request.caller(), id);
    if (!detail.ok) return reply.callNotFound();
    const { project, items } = detail.value;
    const values = projectFormValues(
      project,
      items.map((item) => item.id),
    );
    return renderForm(request, reply, { projectId: id, values });
  });

  app.post(paths.editProject(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const values = withDates(request.body as Values, ['startDate', 'endDate']);
    if (values.refresh === 'items') return renderForm(request, reply, { projectId: id, values });
    const form = parseForm(projectChangeInput, values);
    if (!form.ok) return renderForm(request, reply, { projectId: id, values, errors: form.errors, status: 400 });
    const result = await services.projects.update(request.caller(), id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderForm(request, reply, {
        projectId: id,
        values,
        errors: formErrorsFrom(result.error),
        status: statusOf(result.error),
      });
    }
    return reply.flash(words.projectFlash.projectUpdated).redirect(paths.project(id));
  });

  const actionOf = (request: FastifyRequest): ProjectAction | undefined =>
    PROJECT_ACTIONS.find((action) => action === (request.params as Values).action);

  async function renderAction(
    request: FastifyRequest,
    reply: FastifyReply,
    action: ProjectAction,
    values: Values,
    errors?: FormErrors,
    status?: number,
  ) {
    const project = await services.projects.get(request.caller(), idParam(request).id);
    if (!project.ok) return reply.callNotFound();
    return reply.render(
      'pages/projects/action.njk',
      {
        title: words.projectAction[action],
        caption: `${project.value.code} ${project.value.title}`,
        backLink: paths.project(project.value.id),
        formAction: paths.projectAction(project.value.id, action),
        action,
        needsReason: action === 'cancel' || action === 'hold',
        values,
        errors,
      },
      status,
    );
  }

  app.get(paths.projectAction(), { config: edit }, async (request, reply) => {
    const action = actionOf(request);
    return action ? renderAction(request, reply, action, {}) : reply.callNotFound();
  });

  app.post(paths.projectAction(), { config: edit }, async (request, reply) => {
    const action = actionOf(request);
    if (!action) return reply.callNotFound();
    const { id } = idParam(request);
    const values = { ...(request.body as Values), action };
    const form = parseForm(projectActionInput, values);
    if (!form.ok) return renderAction(request, reply, action, values, form.errors, 400);
    const result = await services.projects.act(request.caller(), id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderAction(request, reply, action, values, formErrorsFrom(result.error), statusOf(result.error));
    }
    return reply.flash(words.projectActionDone[action]).redirect(paths.project(id));
  });
}
