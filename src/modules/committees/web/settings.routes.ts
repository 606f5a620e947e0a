/** The council's timetable settings: lead times before a meeting and the request escalation. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import { words } from '../../../platform/words/index.ts';
import { settingsInput } from '../domain/settings.ts';
import type { CommitteeSettingsService } from '../settings.service.ts';

const manage = { access: { permission: 'manage:framework' } } as const;
const w = words.committees;
const FIELDS = ['dataDueDays', 'signOffDays', 'reportIssuedDays', 'escalateAfterDays'] as const;

export async function committeeSettingsRoutes(
  app: FastifyInstance,
  { settings }: { settings: CommitteeSettingsService },
) {
  async function render(
    reply: FastifyReply,
    caller: Caller,
    options: { values?: Record<string, unknown>; errors?: FormErrors; status?: number } = {},
  ) {
    const current = await settings.get(caller);
    const values = options.values ?? Object.fromEntries(FIELDS.map((name) => [name, String(current[name])]));
    return reply.render(
      'pages/committees/settings.njk',
      {
        title: w.settingsTitle,
        intro: w.settingsIntro,
        isDefault: current.isDefault,
        breadcrumbs: [{ text: w.timetableTitle, href: paths.timetable() }],
        fields: FIELDS.map((name) => ({
          name,
          label: w.settingsLabel[name],
          value: values[name],
          error: options.errors?.fields[name],
        })),
        errors: options.errors,
      },
      options.status,
    );
  }

  app.get(paths.committeeSettings(), { config: manage }, async (request, reply) => render(reply, request.caller()));

  app.post(paths.committeeSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(settingsInput, values);
    if (!form.ok) return render(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await settings.update(caller, form.value);
    if (!result.ok)
      return render(reply, caller, {
        values,
        errors: formErrorsFrom(result.error),
        status: STATUS_FOR[result.error.code],
      });
    return reply.flash(w.settingsSaved).redirect(paths.committeeSettings());
  });
}
