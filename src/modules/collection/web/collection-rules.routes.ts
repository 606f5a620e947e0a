import type { FastifyInstance, FastifyReply } from 'fastify';
import { say, words } from '../../../platform/words/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { STATUS_FOR } from '../../../platform/http/http-status.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { CollectionRulesService } from '../collection-rules.service.ts';
import {
  closureDaysText,
  collectionRulesForm,
  holidayRegionName,
  HOLIDAY_REGIONS,
} from '../domain/collection-rules.ts';

/** Administrators of the whole council (the service checks the grant is organisation-wide). */
const manage = { access: { permission: 'manage:structure' } } as const;

type Values = Record<string, unknown>;

/** The collection rules page: the calendar data collection runs to. */
export async function collectionRulesRoutes(app: FastifyInstance, { rules }: { rules: CollectionRulesService }) {
  async function render(
    reply: FastifyReply,
    caller: Caller,
    options: { values?: Values; errors?: FormErrors; status?: number } = {},
  ) {
    const current = await rules.get(caller);
    const values = options.values ?? { ...current, closureDays: closureDaysText(current.closureDays) };
    return reply.render(
      'pages/collection/rules.njk',
      {
        title: words.collection.rules.title,
        action: paths.collectionRules(),
        isDefault: current.isDefault,
        values,
        regionItems: HOLIDAY_REGIONS.map((region) => ({
          value: region,
          text: say(holidayRegionName(region)),
          checked: values.holidayRegion === region,
        })),
        errors: options.errors,
      },
      options.status,
    );
  }

  app.get(paths.collectionRules(), { config: manage }, async (request, reply) => render(reply, request.caller()));

  app.post(paths.collectionRules(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    const form = parseForm(collectionRulesForm, values);
    if (!form.ok) return render(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await rules.update(caller, form.value);
    if (!result.ok) {
      return render(reply, caller, {
        values,
        errors: formErrorsFrom(result.error),
        status: STATUS_FOR[result.error.code],
      });
    }
    return reply.flash(words.collection.rules.saved).redirect(paths.collectionRules());
  });
}
