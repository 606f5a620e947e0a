/**
 * The changes a recommendation goes through, each its own small form: the council's response, a
 * revised due date (with a committee's decision when it agreed the extension), a new status, and
 * closing it with the evidence. A refused change re-renders its form with the reason (400).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import type { Result } from '../../../kernel/result.ts';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { dateItems } from '../../../platform/http/date-input.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { responseInput, revisionInput, statusInput } from '../domain/inputs.ts';
import type { Status } from '../domain/vocabulary.ts';
import type { RegisterEntry } from '../recommendations.service.ts';
import type { RecommendationsServices } from '../services.ts';
import { withDates, type Values } from './forms.ts';
import { responseItems, statusItems } from './recommendation.presenter.ts';
import { changeRegister, refusalStatus } from './recommendations.routes.ts';
import { words } from '../../../platform/words/index.ts';

/** The statuses offered on the status form: closing has its own form, which asks for evidence. */
const UPDATABLE: readonly Status[] = ['open', 'in-progress', 'implemented', 'superseded'];

interface ChangeForm<S extends z.ZodType> {
  path: (id?: string) => string;
  template: string;
  title: string;
  schema: S;
  dates: string[];
  /** The form's first values, from the recommendation as it stands. */
  initial: (recommendation: RegisterEntry) => Values;
  /** What the template needs besides the values and errors. */
  extra: (values: Values, errors: FormErrors | undefined, caller: SignedIn) => Promise<Values> | Values;
  save: (caller: SignedIn, id: string, input: z.infer<S>) => Promise<Result<{ id: string }>>;
  done: string;
}

export async function recommendationChangeRoutes(
  app: FastifyInstance,
  { services }: { services: RecommendationsServices },
) {
  const { recommendations } = services;

  function register<S extends z.ZodType>(form: ChangeForm<S>) {
    async function render(
      request: FastifyRequest,
      reply: FastifyReply,
      values: Values | null,
      errors?: FormErrors,
      status?: number,
    ) {
      const caller = request.caller();
      const { id } = idParam(request);
      const detail = await recommendations.detail(caller, id);
      if (!detail.ok) return reply.callNotFound();
      const recommendation = detail.value.recommendation;
      const shown = values ?? form.initial(recommendation);
      return reply.render(
        form.template,
        {
          title: form.title,
          backLink: paths.recommendation(id),
          action: form.path(id),
          recommendation,
          values: shown,
          errors,
          ...(await form.extra(shown, errors, caller)),
        },
        status,
      );
    }

    app.get(form.path(), { config: changeRegister }, async (request, reply) => render(request, reply, null));

    app.post(form.path(), { config: changeRegister }, async (request, reply) => {
      const { id } = idParam(request);
      const values = withDates(request.body as Values, ...form.dates);
      const parsed = parseForm(form.schema, values);
      if (!parsed.ok) return render(request, reply, values, parsed.errors, 400);
      const result = await form.save(request.caller(), id, parsed.value);
      if (!result.ok) {
        if (result.error.code === 'not_found') return reply.callNotFound();
        return render(request, reply, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
      }
      return reply.flash(form.done).redirect(paths.recommendation(id));
    });
  }

  register({
    path: paths.recommendationResponse,
    template: 'pages/recommendations/response.njk',
    title: words.recommendationsPages.titles.response,
    schema: responseInput,
    dates: [],
    initial: (r) => ({ response: r.response ?? '', reason: r.responseReason, agreedAction: r.agreedAction }),
    extra: (values) => ({ responseItems: responseItems(values.response) }),
    save: (caller, id, input) => recommendations.respond(caller, id, input),
    done: words.recommendationFlash.responseRecorded,
  });

  register({
    path: paths.recommendationDueDate,
    template: 'pages/recommendations/due-date.njk',
    title: words.recommendationsPages.titles.dueDate,
    schema: revisionInput,
    dates: ['newDueDate', 'decidedOn'],
    initial: () => ({}),
    extra: async (values, errors, caller) => ({
      newDueDateItems: dateItems(values.newDueDate, values, 'newDueDate', !!errors?.fields.newDueDate),
      decidedOnItems: dateItems(values.decidedOn, values, 'decidedOn', !!errors?.fields.decidedOn),
      bodyItems: selectItems(
        (await recommendations.choices(caller)).bodies,
        (body) => body.id,
        (body) => body.name,
        values.bodyId as string | undefined,
        words.recommendationsPages.choices.noCommitteeDecision,
      ),
    }),
    save: (caller, id, input) => recommendations.revise(caller, id, input),
    done: words.recommendationFlash.dueDateRevised,
  });

  register({
    path: paths.recommendationStatus,
    template: 'pages/recommendations/status.njk',
    title: words.recommendationsPages.titles.status,
    schema: statusInput,
    dates: [],
    initial: (r) => ({ status: r.status }),
    extra: (values) => ({ statusItems: statusItems(values.status, UPDATABLE) }),
    save: (caller, id, input) => recommendations.changeStatus(caller, id, input),
    done: words.recommendationFlash.statusUpdated,
  });

  register({
    path: paths.closeRecommendation,
    template: 'pages/recommendations/close.njk',
    title: words.recommendationsPages.titles.close,
    schema: statusInput,
    dates: [],
    initial: () => ({}),
    extra: () => ({}),
    save: (caller, id, input) => recommendations.changeStatus(caller, id, { ...input, status: 'closed' }),
    done: words.recommendationFlash.closed,
  });
}
