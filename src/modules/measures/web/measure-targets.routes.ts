/** The target form of a measure: setting a target and revising one, with the process check's warning. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { targetInput, targetRevisionInput } from '../domain/targets.ts';
import { TARGET_KINDS, TARGET_KIND_LABELS } from '../../../kernel/measurement/vocabulary.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { MeasuresPageServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { showTarget, targetSlotText } from './measure.presenter.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import type { TargetWarning } from '../target-warnings.ts';

const w = words.measures.targetRoutes;
const edit = { access: { permission: 'edit:measures' } } as const;

type Values = Record<string, unknown>;
const radios = <T extends string>(options: readonly T[], labels: Record<T, string>, selected: unknown) =>
  options.map((value) => ({ value, text: labels[value], checked: selected === value }));

/** The flash after a target is saved: an important notice naming the process limits when it has warnings. */
function flashTargetSet(reply: FastifyReply, done: string, warnings: readonly TargetWarning[]): FastifyReply {
  if (warnings.length === 0) return reply.flash(done);
  const warning = warnings.map((w) => sayStored(w.message)).join('. ');
  return reply.flash(fill(words.measureFigures.targetCheck.saved, { done, warning }), 'important');
}

export async function measureTargetsRoutes(app: FastifyInstance, { services }: { services: MeasuresPageServices }) {
  const body = (request: FastifyRequest) => (request.body ?? {}) as Values;

  async function renderTargetForm(
    reply: FastifyReply,
    caller: Caller,
    id: string,
    options: { values: Values; errors?: FormErrors; status?: number; targetId?: string },
  ) {
    const detail = await services.measures.detail(caller, id);
    if (!detail.ok) return reply.callNotFound();
    const m = detail.value.measure;
    const revising = options.targetId ? detail.value.currentTargets.find((t) => t.id === options.targetId) : undefined;
    if (options.targetId && !revising) return reply.callNotFound();
    const breakdownLabel = (bid: string | null) => detail.value.breakdowns.find((b) => b.id === bid)?.label ?? null;
    return reply.render(
      'pages/measures/target-form.njk',
      {
        title: fill(revising ? w.reviseTitle : w.setTitle, { code: m.code }),
        measure: m,
        backLink: paths.measure(id),
        action: revising ? paths.reviseMeasureTarget(id, revising.id) : paths.measureTargets(id),
        revising: revising
          ? {
              forWhat: targetSlotText(revising, breakdownLabel(revising.breakdownId)),
              current: showTarget(m, revising),
            }
          : null,
        isRange: m.polarity === 'within-range',
        values: options.values,
        errors: options.errors,
        kindItems: radios(TARGET_KINDS, TARGET_KIND_LABELS, options.values.kind ?? 'annual'),
        breakdownItems: selectItems(
          detail.value.breakdowns,
          (b) => b.id,
          (b) => fill(w.breakdownOption, { dimension: b.dimension, label: b.label }),
          options.values.breakdownId as string | undefined,
          w.wholeMeasure,
        ),
      },
      options.status,
    );
  }

  app.get(paths.measureTargets(), { config: edit }, async (request, reply) =>
    renderTargetForm(reply, request.caller(), idParam(request).id, { values: { kind: 'annual' } }),
  );

  app.post(paths.measureTargets(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const form = parseForm(targetInput, request.body);
    if (!form.ok)
      return renderTargetForm(reply, caller, id, { values: body(request), errors: form.errors, status: 400 });
    const result = await services.measures.setTarget(caller, id, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderTargetForm(reply, caller, id, {
        values: body(request),
        errors: formErrorsFrom(result.error),
        status: 400,
      });
    }
    return flashTargetSet(reply, w.set, result.value.warnings).redirect(paths.measure(id));
  });

  app.get(paths.reviseMeasureTarget(), { config: edit }, async (request, reply) => {
    const { id } = idParam(request);
    const { id: targetId } = idParam(request, 'targetId');
    return renderTargetForm(reply, request.caller(), id, { values: {}, targetId });
  });

  app.post(paths.reviseMeasureTarget(), { config: edit }, async (request, reply) => {
    const caller = request.caller();
    const { id } = idParam(request);
    const { id: targetId } = idParam(request, 'targetId');
    const form = parseForm(targetRevisionInput, request.body);
    if (!form.ok)
      return renderTargetForm(reply, caller, id, { values: body(request), errors: form.errors, status: 400, targetId });
    const result = await services.measures.reviseTarget(caller, id, targetId, form.value);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderTargetForm(reply, caller, id, {
        values: body(request),
        errors: formErrorsFrom(result.error),
        status: 400,
        targetId,
      });
    }
    return flashTargetSet(reply, w.revised, result.value.warnings).redirect(paths.measure(id));
  });
}
