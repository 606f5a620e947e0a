import type { FastifyInstance, FastifyReply } from 'fastify';
import { performanceSettingsForm } from '../domain/index.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { PerformanceServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { currentSettingsRows, settingsFormValues, settingsSourceText } from './settings.presenter.ts';
import { sayStored, words } from '../../../platform/words/index.ts';

const manage = { access: { permission: 'manage:framework' } } as const;

type Values = Record<string, unknown>;

/** The council's performance settings: roll-up rule, risk appetite, direction-of-travel tolerance. */
export async function settingsRoutes(app: FastifyInstance, { services }: { services: PerformanceServices }) {
  const settings = services.performanceSettings;

  /**
   * The page: the current settings and, for those who manage the framework for the whole
   * organisation, the form (with what was typed and its errors, if any).
   */
  async function render(
    reply: FastifyReply,
    caller: Caller,
    options: { values?: Values; errors?: FormErrors; status?: number } = {},
  ) {
    const [current, canManage] = await Promise.all([settings.get(caller), settings.canManage(caller)]);
    if (!current.ok) return reply.render('pages/errors/forbidden.njk', {}, 403);
    return reply.render(
      'pages/settings/performance.njk',
      {
        title: words.performancePages.titles.settings,
        backLink: paths.framework(),
        action: paths.performanceSettings(),
        canManage,
        isDefault: current.value.isDefault,
        sourceText: settingsSourceText(current.value),
        currentRows: currentSettingsRows(current.value),
        values: options.values ?? settingsFormValues(current.value),
        errors: options.errors,
      },
      options.status,
    );
  }

  app.get(paths.performanceSettings(), { config: manage }, async (request, reply) => render(reply, request.caller()));

  app.post(paths.performanceSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    const form = parseForm(performanceSettingsForm, values);
    if (!form.ok) return render(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await settings.update(caller, form.value.settings, form.value.rowVersion);
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'conflict') {
        // Keep what they typed, shown against the settings now stored; saving again is deliberate.
        const latest = await settings.get(caller);
        return render(reply, caller, {
          values: { ...values, rowVersion: latest.ok ? String(latest.value.rowVersion) : values.rowVersion },
          errors: { summary: [{ text: sayStored(error.message), href: '#current-settings' }], fields: {} },
          status: 409,
        });
      }
      return render(reply, caller, {
        values,
        // A refusal not about one field (forbidden) points at the current settings.
        errors: error.field
          ? formErrorsFrom(error)
          : { summary: [{ text: sayStored(error.message), href: '#current-settings' }], fields: {} },
        status: error.code === 'forbidden' ? 403 : 400,
      });
    }
    return reply.flash(words.performancePages.titles.settingsSaved).redirect(paths.performanceSettings());
  });
}
