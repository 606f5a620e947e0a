/** Signing in through the council's provider (public), and the administrator's settings page. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rolePhrase, ROLES, type SignedIn } from '../../../kernel/access/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { SECOND_FACTOR_PATH, SESSION_COOKIE } from '../../../platform/http/access-control.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { selectItems } from '../../../platform/http/options.presenter.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, say, words } from '../../../platform/words/index.ts';
import { holdForSecondFactor, safeReturnTo } from '../../organisation/index.ts';
import { mappingInput, providerInput } from '../domain/settings.ts';
import type { SingleSignOnServices } from '../services.ts';
import type { PendingSignIn } from '../sign-in.service.ts';

const w = words.singleSignOn;
/** Between leaving for the provider and coming back: the checks, in a signed cookie, for 10 minutes. */
const PENDING_COOKIE = 'gt_sso';
const PENDING_MINUTES = 10;
const SESSION_SECONDS = 8 * 3600;
/** What the pending cookie holds: the checks, until when, and where the person was going. */
type Pending = PendingSignIn & { until: number; returnTo?: string };

const signInPage = { access: 'public', rateLimit: 'sign-in' } as const;
// Only a signed-in person, never an API token, changes how the council signs in.
const manage = { access: { permission: 'manage:roles' }, sessionOnly: true } as const;

type Values = Record<string, unknown>;

/** Where the person was going before signing in (a same-site path, else home), from the query. */
const returnToOf = (request: FastifyRequest) => safeReturnTo((request.query as { returnTo?: unknown }).returnTo);
/** A sign-in address carrying where to go afterwards, when that is not simply home. */
const carrying = (path: string, returnTo: string) =>
  returnTo === paths.home() ? path : `${path}?returnTo=${encodeURIComponent(returnTo)}`;

export async function singleSignOnRoutes(
  app: FastifyInstance,
  {
    services,
    secureCookies,
    clock,
    baseUrl,
  }: { services: SingleSignOnServices; secureCookies: boolean; clock: () => Date; baseUrl: string },
) {
  const { singleSignOn, singleSignOnSettings: settings } = services;

  const refusedPage = (reply: FastifyReply, message: string, status = 400) =>
    reply
      .header('cache-control', 'no-store')
      .render('pages/single-sign-on/refused.njk', { title: w.refusedTitle, message }, status);

  app.get(paths.singleSignOn(), { config: { access: 'public' } }, async (request, reply) => {
    const providers = await singleSignOn.providers();
    const returnTo = returnToOf(request);
    return reply.render('pages/single-sign-on/sign-in.njk', {
      title: w.signInTitle,
      buttons: providers.map((provider) => ({
        text: fill(w.signInWith, { provider: provider.displayName }),
        href: carrying(paths.singleSignOnStart(provider.id), returnTo),
      })),
      passwordHref: carrying(paths.signIn(), returnTo),
    });
  });

  app.get(paths.singleSignOnStart(), { config: signInPage }, async (request, reply) => {
    const started = await singleSignOn.begin(idParam(request).id);
    if (!started) return reply.callNotFound();
    const until = clock().getTime() + PENDING_MINUTES * 60_000;
    // Where the person was going travels with the checks, to be used once they are back.
    const pending: Pending = { ...started.pending, until, returnTo: returnToOf(request) };
    reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), {
      path: paths.singleSignOn(),
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      sameSite: 'lax',
      secure: secureCookies,
      signed: true,
      maxAge: PENDING_MINUTES * 60,
    });
    return reply.header('cache-control', 'no-store').redirect(started.url);
  });

  /** The checks kept when the person left for the provider, while they last. */
  function pendingOf(request: FastifyRequest): Pending | null {
    const raw = request.cookies[PENDING_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    if (!unsigned?.valid || !unsigned.value) return null;
    try {
      const value = JSON.parse(unsigned.value) as Pending;
      return value.until > clock().getTime() ? value : null;
    } catch {
      return null;
    }
  }

  app.get(paths.singleSignOnCallback(), { config: signInPage }, async (request, reply) => {
    const pending = pendingOf(request);
    // Used once: a second visit to the same address starts again.
    reply.clearCookie(PENDING_COOKIE, { path: paths.singleSignOn() });
    if (!pending) return refusedPage(reply, w.notChecked);
    const callbackUrl = new URL(request.url, baseUrl);
    const outcome = await singleSignOn.complete(pending, callbackUrl, {
      address: request.ip,
      userAgent: String(request.headers['user-agent'] ?? ''),
    });
    if (outcome.kind === 'refused') return refusedPage(reply, say(outcome.reason), 403);
    // Checked again: a cookie made before it carried the way on has none.
    const returnTo = safeReturnTo(pending.returnTo);
    if (outcome.kind === 'second-factor') {
      const { personId, firstStep } = outcome;
      return holdForSecondFactor(reply, personId, { clock, secureCookies, returnTo, firstStep });
    }
    // A new token at every sign-in: a session fixed before sign-in is never promoted.
    reply.setCookie(SESSION_COOKIE, outcome.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: SESSION_SECONDS,
    });
    return reply.redirect(outcome.session.mustEnrolSecondFactor ? SECOND_FACTOR_PATH : returnTo);
  });

  async function settingsPage(
    reply: FastifyReply,
    caller: SignedIn,
    options: { provider?: Values; mapping?: Values; errors?: FormErrors; status?: number } = {},
  ) {
    const [provider, mappings, units] = await Promise.all([
      settings.provider(caller),
      settings.mappings(caller),
      settings.units(caller),
    ]);
    const mapping = options.mapping ?? {};
    return reply.render(
      'pages/single-sign-on/settings.njk',
      {
        title: w.title,
        callbackHint: fill(w.callbackHint, { uri: `${baseUrl}${paths.singleSignOnCallback()}`, home: `${baseUrl}/` }),
        provider: options.provider ?? provider ?? { claim: 'groups' },
        hasSecret: provider?.hasSecret ?? false,
        hasProvider: Boolean(provider),
        mappings: mappings.map((row) => ({
          ...row,
          roleName: say(rolePhrase(row.role)),
          unitName: row.unitName ?? w.wholeCouncil,
        })),
        mapping,
        roleItems: selectItems(
          ROLES,
          (role) => role,
          (role) => say(rolePhrase(role)),
          String(mapping.role ?? ''),
          '',
        ),
        unitItems: selectItems(
          units,
          (unit) => unit.id,
          (unit) => unit.name,
          String(mapping.unitId ?? ''),
          w.wholeCouncil,
        ),
        errors: options.errors,
      },
      options.status,
    );
  }

  app.get(paths.singleSignOnSettings(), { config: manage }, (request, reply) => settingsPage(reply, request.caller()));

  app.post(paths.singleSignOnSettings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    // The secret is never sent back to the browser, even after a refusal.
    const shown = { ...values, clientSecret: '' };
    const form = parseForm(providerInput, values);
    if (!form.ok) return settingsPage(reply, caller, { provider: shown, errors: form.errors, status: 400 });
    const result = await settings.saveProvider(caller, form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return settingsPage(reply, caller, { provider: shown, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(w.providerSaved).redirect(paths.singleSignOnSettings());
  });

  app.post(paths.singleSignOnMappings(), { config: manage }, async (request, reply) => {
    const caller = request.caller();
    const values = (request.body ?? {}) as Values;
    const form = parseForm(mappingInput, values);
    if (!form.ok) return settingsPage(reply, caller, { mapping: values, errors: form.errors, status: 400 });
    const result = await settings.addMapping(caller, form.value);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return settingsPage(reply, caller, { mapping: values, errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(w.mappingAdded).redirect(paths.singleSignOnSettings());
  });

  app.post(paths.removeSingleSignOnMapping(), { config: manage }, async (request, reply) => {
    const result = await settings.removeMapping(request.caller(), idParam(request).id);
    if (!result.ok) return result.error.code === 'not_found' ? reply.callNotFound() : reply.code(403).send();
    return reply.flash(w.mappingRemoved).redirect(paths.singleSignOnSettings());
  });
}
