import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { words } from '../../../platform/words/index.ts';
import { settingsInput } from '../domain/inputs.ts';
import { TRIGGERS } from '../domain/trigger.ts';
import type { ImprovementPlansServices } from '../services.ts';

const manage = { access: { permission: 'manage:framework' } } as const;

type Values = Record<string, unknown>;

/** The council's improvement-plan settings: its panel, and when a key measure needs a plan. */
export async function improvementSettingsRoutes(
  app: FastifyInstance,
  { services }: { services: ImprovementPlansServices },
) {
  async function render(
    reply: FastifyReply,
    caller: Caller,
    options: { values?: Values; errors?: FormErrors; status?: number } = {},
  ) {
    const { settings, bodies, canManage } = await services.improvementSettings.get(caller);
    const values = options.values ?? {
      panelBodyId: settings.panelBodyId ?? '',
      consecutivePeriods: String(settings.consecutivePeriods),
      triggers: settings.triggers,
    };
    const chosen = Array.isArray(values.triggers) ? values.triggers : values.triggers ? [values.triggers] : [];
    return reply.render(
      'pages/improvement-plans/settings.njk',
      {
        title: words.improvementPlans.settingsTitle,
        backLink: paths.improvementPlans(),
        canManage,
        isDefault: settings.isDefault,
        values,
        errors: options.errors,
        bodyItems: selectItems(
          bodies,
          (body) => body.id,
          (body) => body.name,
          values.panelBodyId as string | undefined,
          words.improvementPlansPages.choices.panelNotNamed,
        ),
        triggerItems: TRIGGERS.map((trigger) => ({
          value: trigger,
          text: words.improvementPlanTrigger[trigger],
          checked: chosen.includes(trigger),
        })),
      },
      options.status,
    );
  }

  app.get(paths.improvementPlanSettings(), { config: manage }, async (request, reply) =>
    render(reply, request.caller()),
  );

  app.post(paths.improvementPlanSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    const form = parseForm(settingsInput, values);
    if (!form.ok) return render(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await services.improvementSettings.update(caller, form.value);
    if (!result.ok)
      return render(reply, caller, {
        values,
        errors: formErrorsFrom(result.error),
        status: STATUS_FOR[result.error.code],
      });
    return reply.flash(words.improvementPlans.settingsSaved).redirect(paths.improvementPlanSettings());
  });
}
