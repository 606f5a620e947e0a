/** The council's delivery settings page: derived-status bands, escalation thresholds, who approves revised dates. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { words } from '../../../platform/words/index.ts';
import { deliverySettingsInput, REVISED_DATE_APPROVERS } from '../domain/index.ts';
import type { ActionsServices } from '../services.ts';

const access = { access: { permission: 'manage:framework' } } as const;

export async function deliverySettingsRoutes(app: FastifyInstance, { services }: { services: ActionsServices }) {
  async function render(
    reply: FastifyReply,
    caller: Caller,
    values?: Record<string, unknown>,
    errors?: FormErrors,
    status?: number,
  ) {
    const current = await services.deliverySettings.get(caller);
    const shown = values ?? (current.ok ? current.value : {});
    return reply.render(
      'pages/actions/settings.njk',
      {
        title: words.actionsView.titles.settings,
        backLink: paths.council(),
        values: shown,
        errors,
        approverItems: REVISED_DATE_APPROVERS.map((a) => ({
          value: a,
          text: words.revisedDateApprover[a],
          checked: shown.revisedDateApprover === a,
        })),
      },
      status,
    );
  }

  app.get(paths.deliverySettings(), { config: access }, async (request, reply) => render(reply, request.caller()));

  app.post(paths.deliverySettings(), { config: access }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(deliverySettingsInput, values);
    if (!form.ok) return render(reply, caller, values, form.errors, 400);
    const saved = await services.deliverySettings.save(caller, form.value);
    if (!saved.ok) {
      if (saved.error.code === 'forbidden') return reply.render('pages/errors/forbidden.njk', {}, 403);
      return render(reply, caller, values, formErrorsFrom(saved.error), STATUS_FOR[saved.error.code]);
    }
    return reply.flash(words.actionFlash.settingsSaved).redirect(paths.deliverySettings());
  });
}
