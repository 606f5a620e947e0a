/** The council's escalation rule: how many days overdue before the unit head is told. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { words } from '../../../platform/words/index.ts';
import { settingsInput } from '../domain/inputs.ts';
import type { RecommendationsServices } from '../services.ts';
import type { Values } from './forms.ts';
import { refusalStatus, viewRegister } from './recommendations.routes.ts';

const manage = { access: { permission: 'manage:framework' } } as const;

export async function recommendationSettingsRoutes(
  app: FastifyInstance,
  { services }: { services: RecommendationsServices },
) {
  function render(reply: FastifyReply, values: Values, errors?: FormErrors, status?: number) {
    return reply.render(
      'pages/recommendations/settings.njk',
      { title: words.recommendations.settingsTitle, backLink: paths.recommendations(), values, errors },
      status,
    );
  }

  app.get(paths.recommendationSettings(), { config: viewRegister }, async (request, reply) =>
    render(reply, await services.recommendations.settings(request.caller())),
  );

  app.post(paths.recommendationSettings(), { config: manage }, async (request, reply) => {
    const values = request.body as Values;
    const form = parseForm(settingsInput, values);
    if (!form.ok) return render(reply, values, form.errors, 400);
    const result = await services.recommendations.saveSettings(request.caller(), form.value);
    if (!result.ok) return render(reply, values, formErrorsFrom(result.error), refusalStatus(result.error.code));
    return reply.flash(words.recommendations.settingsSaved).redirect(paths.recommendations());
  });
}
