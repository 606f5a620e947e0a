import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { apiTokenInput } from '../domain/index.ts';
import type { OrganisationServices } from '../services.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, words } from '../../../platform/words/index.ts';

// sessionOnly: a token must never make more tokens (or revoke its owner's others).
const own = { access: { permission: 'manage:api-tokens' }, sessionOnly: true } as const;

export async function apiTokensRoutes(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  async function renderPage(
    reply: FastifyReply,
    caller: SignedIn,
    options: {
      values?: Record<string, unknown>;
      errors?: FormErrors;
      status?: number;
      created?: { name: string; token: string };
    } = {},
  ) {
    const tokens = await services.apiTokens.list(caller);
    // A new token is on this page once: never keep it in a cache.
    if (options.created) reply.header('cache-control', 'no-store');
    return reply.render(
      'pages/account/api-tokens.njk',
      {
        title: words.signInPages.yourApiTokens,
        tokens,
        values: options.values ?? {},
        errors: options.errors,
        created: options.created,
      },
      options.status,
    );
  }

  app.get(paths.apiTokens(), { config: own }, async (request, reply) => renderPage(reply, request.caller()));

  app.post(paths.apiTokens(), { config: own }, async (request, reply) => {
    const caller = request.caller();
    const values = request.body as Record<string, unknown>;
    const form = parseForm(apiTokenInput, values);
    if (!form.ok) return renderPage(reply, caller, { values, errors: form.errors, status: 400 });
    const result = await services.apiTokens.create(caller, form.value);
    if (!result.ok) return renderPage(reply, caller, { values, errors: formErrorsFrom(result.error), status: 400 });
    return renderPage(reply, caller, { created: { name: result.value.apiToken.name, token: result.value.token } });
  });

  app.post(paths.revokeApiToken(), { config: own }, async (request, reply) => {
    const caller = request.caller();
    const result = await services.apiTokens.revoke(caller, idParam(request).id);
    if (!result.ok) {
      if (result.error.code === 'not_found') return reply.callNotFound();
      return renderPage(reply, caller, { errors: formErrorsFrom(result.error), status: 409 });
    }
    return reply.flash(fill(words.signInPages.tokenRevoked, { name: result.value.name })).redirect(paths.apiTokens());
  });
}
