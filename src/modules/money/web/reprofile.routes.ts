/**
 * Reprofiling a capital scheme from its page: asking to move part of a year's budget into a later
 * year, and approving or rejecting a request. Both answer with the scheme's page: a flash once
 * done, or the form again with the refusal named beside the field it concerns.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../kernel/paths.ts';
import type { DomainError } from '../../../kernel/result.ts';
import { parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { sayStored, words } from '../../../platform/words/index.ts';
import { reprofileDecisionInput } from '../reprofile.service.ts';
import type { MoneyServices } from '../services.ts';
import { forbiddenPage, notFoundPage, stringValues, yearOf } from './programme-helpers.ts';
import { decisionIds, renderSchemePage } from './scheme-page.ts';

const edit = { access: { permission: 'edit:money' } } as const;
const uuid = z.uuid();
const said = () => words.capitalReprofile;

/** A refusal on the form: against the element it names (renamed to the page's id), else at the section. */
function errorsOn(error: DomainError, ids: Record<string, string> = {}): FormErrors {
  const text = sayStored(error.message);
  const field = error.field ? (ids[error.field] ?? error.field) : null;
  return {
    summary: [{ text, href: `#${field ?? 'reprofiling'}` }],
    fields: field ? { [field]: { text } } : {},
  };
}

export async function reprofileRoutes(app: FastifyInstance, { services }: { services: MoneyServices }) {
  /** The scheme (and reprofile) ids from the path, the page's year; null when unreadable: not found. */
  function target(request: FastifyRequest) {
    const params = request.params as { id: string; reprofileId?: string };
    const asked = yearOf(request.query);
    const year = asked === undefined ? services.reserves.defaultYear() : asked;
    const readable =
      year !== null &&
      uuid.safeParse(params.id).success &&
      (params.reprofileId === undefined || uuid.safeParse(params.reprofileId).success);
    return readable ? { schemeId: params.id, reprofileId: params.reprofileId ?? '', year } : null;
  }
  const back = (schemeId: string, year: number) => `${paths.capitalScheme(schemeId)}?year=${year}#reprofiling`;

  app.post(paths.capitalReprofiles(), { config: edit }, async (request, reply) => {
    const at = target(request);
    if (!at) return notFoundPage(reply);
    const caller = request.caller();
    const values = stringValues(request.body);
    const result = await services.reprofiles.request(caller, at.schemeId, {
      fromYear: values.fromYear ?? '',
      toYear: values.toYear ?? '',
      amount: values.amount ?? '',
      reason: values.reason ?? '',
    });
    if (!result.ok) {
      if (result.error.code === 'not_found' && !result.error.field) return notFoundPage(reply);
      if (result.error.code === 'forbidden') return forbiddenPage(reply);
      return renderSchemePage(reply, services, caller, at.schemeId, at.year, {
        reprofile: { values, errors: errorsOn(result.error), status: STATUS_FOR[result.error.code] },
      });
    }
    return reply.flash(said().requested).redirect(back(at.schemeId, at.year));
  });

  app.post(paths.capitalReprofileDecision(), { config: edit }, async (request, reply) => {
    const at = target(request);
    if (!at) return notFoundPage(reply);
    const caller = request.caller();
    const body = stringValues(request.body);
    const ids = decisionIds(at.reprofileId);
    // What was posted, under the page's ids for this request's form, so it is shown again.
    const values = { [ids.decisionId]: body.decision ?? '', [ids.reasonId]: body.reason ?? '' };
    const renamed = { decision: ids.decisionId, reason: ids.reasonId };
    const answer = (error: DomainError) =>
      renderSchemePage(reply, services, caller, at.schemeId, at.year, {
        reprofile: { values, errors: errorsOn(error, renamed), status: STATUS_FOR[error.code] },
      });
    const form = parseForm(reprofileDecisionInput, body);
    if (!form.ok) {
      const [field, problem] = Object.entries(form.errors.fields)[0]!;
      return answer({ code: 'invalid', message: problem.text, field });
    }
    const result = await services.reprofiles.decide(caller, at.schemeId, at.reprofileId, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return notFoundPage(reply);
      // Deciding one's own request, or one already decided, is named on the page rather than a bare refusal.
      return answer(result.error);
    }
    const flash = result.value.status === 'approved' ? said().approved : said().rejected;
    return reply.flash(flash).redirect(back(at.schemeId, at.year));
  });
}
