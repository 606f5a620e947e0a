import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Caller } from '../../../platform/services/caller.ts';
import type { CollectionServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { CHAIN_LABELS, signOffSettingsForm } from '../sign-off.service.ts';
import { SIGN_OFF_CHAINS } from '../domain/workflow.ts';
import { fill, say, words } from '../../../platform/words/index.ts';
import { stepChoices } from './sign-off.presenter.ts';

const manage = { access: { permission: 'manage:roles' } } as const;

type Form = Record<string, unknown>;

/** The administrator's page choosing the council's sign-off chain and who takes each step. */
export async function signOffRoutes(app: FastifyInstance, { services }: { services: CollectionServices }) {
  async function render(
    reply: FastifyReply,
    caller: Caller,
    options: { form?: Form; errors?: FormErrors; status?: number } = {},
  ) {
    const [settings, bodies] = await Promise.all([services.signOff.settings(caller), services.signOff.bodies(caller)]);
    const chosen = options.form ?? {};
    const chain = typeof chosen.chain === 'string' ? chosen.chain : settings.chain;
    const describe = (step: 'verify' | 'approve') => say(services.signOff.describe(step, settings.who[step], bodies));
    return reply.render(
      'pages/collection/sign-off.njk',
      {
        title: words.signOffQueue.settingsTitle,
        backLink: paths.framework(),
        action: paths.signOffSettings(),
        current: CHAIN_LABELS[settings.chain].text,
        currentVerify: fill(words.signOffQueue.nowVerify, { who: describe('verify') }),
        currentApprove: fill(words.signOffQueue.nowApprove, { who: describe('approve') }),
        items: SIGN_OFF_CHAINS.map((value) => ({
          value,
          text: CHAIN_LABELS[value].text,
          hint: { text: CHAIN_LABELS[value].hint },
          checked: value === chain,
        })),
        verify: stepChoices('verify', settings.who.verify, bodies, chosen, options.errors),
        approve: stepChoices('approve', settings.who.approve, bodies, chosen, options.errors),
        errors: options.errors,
      },
      options.status,
    );
  }

  app.get(paths.signOffSettings(), { config: manage }, async (request, reply) => render(reply, request.caller()));

  app.post(paths.signOffSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const body = (request.body ?? {}) as Form;
    const form = parseForm(signOffSettingsForm, body);
    if (!form.ok) return render(reply, caller, { form: body, errors: form.errors, status: 400 });
    const before = await services.signOff.chain(caller);
    const result = await services.signOff.setSettings(caller, form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return render(reply, caller, { form: body, errors: formErrorsFrom(result.error), status });
    }
    const [bodies, saved] = [await services.signOff.bodies(caller), result.value];
    const lead =
      saved.chain === before
        ? words.signOffQueue.settingsSaved
        : fill(words.signOff.chainChanged, { chain: CHAIN_LABELS[saved.chain].text });
    return reply
      .flash(
        fill(words.signOffQueue.whoSaved, {
          lead,
          verify: say(services.signOff.describe('verify', saved.who.verify, bodies)),
          approve: say(services.signOff.describe('approve', saved.who.approve, bodies)),
        }),
      )
      .redirect(paths.signOffSettings());
  });
}
