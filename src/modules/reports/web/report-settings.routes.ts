/** The council's report settings page: the exception margin every report uses, changed by framework managers. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { words } from '../../../platform/words/index.ts';
import { reportSettingsInput } from '../domain/settings.ts';
import type { ReportsServices } from '../services.ts';

const manage = { access: { permission: 'manage:framework' } } as const;
const w = words.reports;

export async function reportSettingsRoutes(app: FastifyInstance, { services }: { services: ReportsServices }) {
  const { reportSettings } = services;

  async function render(
    reply: FastifyReply,
    caller: Caller,
    values?: Record<string, unknown>,
    errors?: FormErrors,
    status?: number,
  ) {
    const current = await reportSettings.get(caller);
    return reply.render(
      'pages/reports/settings.njk',
      {
        title: w.settings.title,
        breadcrumbs: [{ text: w.title, href: paths.reportDefinitions() }],
        values: values ?? (current.ok ? current.value : {}),
        errors,
      },
      status,
    );
  }

  app.get(paths.reportSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    // The page changes a council-wide setting: someone who manages only a unit's framework cannot.
    if (!reportSettings.mayChange(caller)) return reply.render('pages/errors/forbidden.njk', {}, 403);
    return render(reply, caller);
  });

  app.post(paths.reportSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(reportSettingsInput, values);
    if (!form.ok) return render(reply, caller, values, form.errors, 400);
    const saved = await reportSettings.save(caller, form.value);
    if (!saved.ok) {
      if (saved.error.code === 'forbidden') return reply.render('pages/errors/forbidden.njk', {}, 403);
      return render(reply, caller, values, formErrorsFrom(saved.error), STATUS_FOR[saved.error.code]);
    }
    return reply.flash(w.settings.saved).redirect(paths.reportSettings());
  });
}
