/** Highlight reports, stages and milestones of a project: each a short form of its own. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import type { Result } from '../../../kernel/result.ts';
import type { Clock } from '../../../platform/clock.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { formatDate } from '../../../platform/http/filters.ts';
import {
  DELIVERY_RAGS,
  DIMENSIONS,
  milestoneCompletionInput,
  milestoneInput,
  milestoneRevisionInput,
  projectUpdateInput,
  stageInput,
} from '../domain/index.ts';
import type { ProjectDetail } from '../projects.service.ts';
import type { ProjectsServices } from '../services.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import { dateItems, withDates } from './project.presenter.ts';
import { statusOf } from './projects.routes.ts';

const edit = { access: { permission: 'edit:plans' } } as const;
type Values = Record<string, unknown>;

interface FormPage {
  template: string;
  title: string;
  /** The date fields of the form (GOV.UK date inputs). */
  dates: readonly string[];
  /** Extra context for the template, from the project and the values typed. */
  context?: (detail: ProjectDetail, values: Values, request: FastifyRequest) => Values;
}

const ragItems = (selected: unknown) =>
  DELIVERY_RAGS.map((rag) => ({ value: rag, text: words.rag[rag], checked: rag === selected }));

export async function deliveryRoutes(
  app: FastifyInstance,
  { services, clock }: { services: ProjectsServices; clock: Clock },
) {
  /**
   * Registers a GET (the empty form) and a POST (parse, call, redirect to the project or show the
   * refusal against its field) for one of the project's forms.
   */
  function form<S extends z.ZodType, T>(
    path: string,
    page: FormPage,
    schema: S,
    initial: (detail: ProjectDetail, request: FastifyRequest) => Values | undefined,
    call: (request: FastifyRequest, value: z.infer<S>) => Promise<Result<T>>,
    done: string,
  ) {
    async function render(
      request: FastifyRequest,
      reply: FastifyReply,
      values: Values | null,
      errors?: FormErrors,
      status?: number,
    ) {
      const detail = await services.projects.detail(request.caller(), idParam(request).id);
      if (!detail.ok) return reply.callNotFound();
      const start = values ?? initial(detail.value, request);
      if (!start) return reply.callNotFound();
      const project = detail.value.project;
      const dates = Object.fromEntries(
        page.dates.map((name) => [
          `${name}Items`,
          dateItems(start[name], values ?? undefined, name, Boolean(errors?.fields[name])),
        ]),
      );
      return reply.render(
        page.template,
        {
          title: page.title,
          caption: `${project.code} ${project.title}`,
          backLink: paths.project(project.id),
          formAction: request.url,
          values: start,
          errors,
          ...dates,
          ...(page.context?.(detail.value, start, request) ?? {}),
        },
        status,
      );
    }
    app.get(path, { config: edit }, async (request, reply) => render(request, reply, null));
    app.post(path, { config: edit }, async (request, reply) => {
      const values = withDates(request.body as Values, page.dates);
      const parsed = parseForm(schema, values);
      if (!parsed.ok) return render(request, reply, values, parsed.errors, 400);
      const result = await call(request, parsed.value);
      if (!result.ok) {
        if (result.error.code === 'not_found') return reply.callNotFound();
        return render(request, reply, values, formErrorsFrom(result.error), statusOf(result.error));
      }
      return reply.flash(done).redirect(paths.project(idParam(request).id));
    });
  }

  const milestoneOf = (detail: ProjectDetail, request: FastifyRequest) =>
    detail.milestones.find((milestone) => milestone.id === idParam(request, 'milestoneId').id);
  const milestoneView = (detail: ProjectDetail, request: FastifyRequest) => {
    const milestone = milestoneOf(detail, request);
    return (
      milestone && {
        ...milestone,
        dueText: formatDate(milestone.dueDate),
        revisedText: formatDate(milestone.revisedDueDate),
      }
    );
  };

  form(
    paths.newProjectUpdate(),
    {
      template: 'pages/projects/update-form.njk',
      title: words.projectsView.titles.report,
      dates: ['reportedOn'],
      context: (_detail, values) => ({
        dimensions: DIMENSIONS.map((dimension) => ({
          name: dimension,
          label: words.projectDimension[dimension],
          items: ragItems(values[`${dimension}Rag`]),
        })),
        overallItems: ragItems(values.overallRag),
      }),
    },
    projectUpdateInput,
    (detail) => ({ reportedOn: clock.today(), percentComplete: detail.updates[0]?.percentComplete ?? '' }),
    (request, value) => services.projectDelivery.recordUpdate(request.caller(), idParam(request).id, value),
    words.projectFlash.reportRecorded,
  );

  form(
    paths.newProjectStage(),
    {
      template: 'pages/projects/stage-form.njk',
      title: words.projectsView.titles.stage,
      dates: ['startDate', 'endDate'],
    },
    stageInput,
    () => ({}),
    (request, value) => services.projectDelivery.addStage(request.caller(), idParam(request).id, value),
    words.projectFlash.stageAdded,
  );

  // Up and down buttons on the project page (no script): each a small form naming the direction.
  app.post(paths.moveProjectStage(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const direction = (request.body as Values | undefined)?.direction;
    if (direction !== 'up' && direction !== 'down') return reply.callNotFound();
    const result = await services.projectDelivery.moveStage(
      request.caller(),
      id,
      idParam(request, 'stageId').id,
      direction,
    );
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return reply.render(
        'pages/errors/problem.njk',
        { detail: sayStored(result.error.message) },
        statusOf(result.error),
      );
    }
    return reply
      .flash(fill(words.projectFlash.stageMoved, { position: result.value.position }))
      .redirect(`${paths.project(id)}#stages`);
  });

  form(
    paths.newProjectMilestone(),
    {
      template: 'pages/projects/milestone-form.njk',
      title: words.projectsView.titles.milestone,
      dates: ['dueDate'],
      context: (detail, values) => ({
        stageItems: selectItems(
          detail.stages,
          (stage) => stage.id,
          (stage) => `${stage.position}. ${stage.name}`,
          typeof values.stageId === 'string' ? values.stageId : null,
          words.projectMilestone.noStage,
        ),
      }),
    },
    milestoneInput,
    () => ({}),
    (request, value) => services.projectDelivery.addMilestone(request.caller(), idParam(request).id, value),
    words.projectFlash.milestoneAdded,
  );

  form(
    paths.projectMilestoneAction(undefined, undefined, 'revise'),
    {
      template: 'pages/projects/milestone-revise.njk',
      title: words.projectsView.titles.revise,
      dates: ['revisedDueDate'],
      context: (detail, _values, request) => ({ milestone: milestoneView(detail, request) }),
    },
    milestoneRevisionInput,
    (detail, request) => (milestoneOf(detail, request)?.completedOn === null ? {} : undefined),
    (request, value) =>
      services.projectDelivery.reviseMilestone(
        request.caller(),
        idParam(request).id,
        idParam(request, 'milestoneId').id,
        value,
      ),
    words.projectFlash.milestoneRevised,
  );

  form(
    paths.projectMilestoneAction(undefined, undefined, 'complete'),
    {
      template: 'pages/projects/milestone-complete.njk',
      title: words.projectsView.titles.complete,
      dates: ['completedOn'],
      context: (detail, _values, request) => ({ milestone: milestoneView(detail, request) }),
    },
    milestoneCompletionInput,
    (detail, request) =>
      milestoneOf(detail, request)?.completedOn === null ? { completedOn: clock.today() } : undefined,
    (request, value) =>
      services.projectDelivery.completeMilestone(
        request.caller(),
        idParam(request).id,
        idParam(request, 'milestoneId').id,
        value,
      ),
    words.projectFlash.milestoneCompleted,
  );
}
