import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Caller } from '../../../platform/services/caller.ts';
import type { CollectionServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { CHAIN_LABELS, signOffChainInput } from '../sign-off.service.ts';
import { SIGN_OFF_CHAINS } from '../domain/workflow.ts';
import { fill, words } from '../../../platform/words/index.ts';

const manage = { access: { permission: 'manage:roles' } } as const;

/** The administrator's page choosing the council's sign-off chain. */
export async function signOffRoutes(app: FastifyInstance, { services }: { services: CollectionServices }) {
  async function render(
    reply: FastifyReply,
    caller: Caller,
    options: { chosen?: string; errors?: FormErrors; status?: number } = {},
  ) {
    const current = await services.signOff.chain(caller);
    const chosen = options.chosen ?? current;
    return reply.render(
      'pages/collection/sign-off.njk',
      {
        title: 'How values are signed off',
        backLink: paths.framework(),
        action: paths.signOffSettings(),
        current: CHAIN_LABELS[current].text,
        items: SIGN_OFF_CHAINS.map((chain) => ({
          value: chain,
          text: CHAIN_LABELS[chain].text,
          hint: { text: CHAIN_LABELS[chain].hint },
          checked: chain === chosen,
        })),
        errors: options.errors,
      },
      options.status,
    );
  }

  app.get(paths.signOffSettings(), { config: manage }, async (request, reply) => render(reply, request.caller()));

  app.post(paths.signOffSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(signOffChainInput, body);
    if (!form.ok) return render(reply, caller, { errors: form.errors, status: 400 });
    const result = await services.signOff.setChain(caller, form.value.chain);
    if (!result.ok) return render(reply, caller, { errors: formErrorsFrom(result.error), status: 403 });
    return reply
      .flash(fill(words.signOff.chainChanged, { chain: CHAIN_LABELS[result.value].text }))
      .redirect(paths.signOffSettings());
  });
}
