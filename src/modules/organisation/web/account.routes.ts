import type { FastifyInstance, FastifyReply } from 'fastify';
import { phraseText } from '../../../kernel/phrase.ts';
import { z } from 'zod';
import type { SignedIn } from '../../../kernel/access/index.ts';
import { paths } from '../../../kernel/paths.ts';
import { SESSION_COOKIE } from '../../../platform/http/access-control.ts';
import { formErrorsFrom, parseForm, type FormErrors } from '../../../platform/http/form-errors.ts';
import { idParam } from '../../../platform/http/params.ts';
import { fill, sayStored, words } from '../../../platform/words/index.ts';
import type { OrganisationServices } from '../services.ts';

// Only a signed-in person, never an API token, manages their sessions and second factor.
const own = { access: 'signed-in', sessionOnly: true } as const;
const enrolment = { ...own, duringEnrolment: true } as const;
const councilRules = { access: { permission: 'manage:roles' }, sessionOnly: true } as const;

const w = words.signInPages;
const codeForm = z.object({ code: z.string().trim().min(1, phraseText('signIn.enterCode')) });
const settingsForm = z.object({
  administratorsNeedSecondFactor: z.enum(['yes', 'no'], { message: phraseText('signIn.administratorsRuleMissing') }),
  secondFactorAfterSingleSignOn: z.enum(['yes', 'no'], {
    message: phraseText('singleSignOn.secondFactorAfterMissing'),
  }),
});
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** "Your sessions", "Your second factor" and the council's sign-in rules. */
export async function accountRoutes(app: FastifyInstance, { services }: { services: OrganisationServices }) {
  async function secondFactorPage(
    reply: FastifyReply,
    caller: SignedIn,
    options: { errors?: FormErrors; status?: number; recoveryCodes?: string[] } = {},
  ) {
    const status = await services.secondFactor.status(caller);
    return reply.render(
      'pages/account/second-factor.njk',
      { title: w.yourSecondFactor, status, errors: options.errors, recoveryCodes: options.recoveryCodes },
      options.status,
    );
  }

  app.get(paths.sessions(), { config: own }, async (request, reply) => {
    const sessions = await services.sessions.list(request.caller(), request.cookies[SESSION_COOKIE]);
    return reply.render('pages/account/sessions.njk', { title: w.yourSessions, sessions });
  });

  app.post(paths.endSession(), { config: own }, async (request, reply) => {
    const result = await services.sessions.end(request.caller(), idParam(request).id);
    if (!result.ok) return reply.callNotFound();
    return reply.flash(w.sessionEnded).redirect(paths.sessions());
  });

  app.post(paths.endOtherSessions(), { config: own }, async (request, reply) => {
    const result = await services.sessions.endOthers(request.caller(), request.cookies[SESSION_COOKIE] ?? '');
    const ended = result.ok ? result.value.ended : 0;
    return reply
      .flash(ended === 1 ? w.otherSessionEnded : fill(w.otherSessionsEnded, { count: ended }))
      .redirect(paths.sessions());
  });

  app.get(paths.secondFactor(), { config: enrolment }, async (request, reply) =>
    secondFactorPage(reply, request.caller()),
  );

  app.post(paths.secondFactor(), { config: enrolment }, async (request, reply) => {
    const result = await services.secondFactor.start(request.caller());
    if (!result.ok)
      return secondFactorPage(reply, request.caller(), { errors: formErrorsFrom(result.error), status: 409 });
    return reply.redirect(paths.secondFactor());
  });

  app.post(paths.secondFactorConfirm(), { config: enrolment }, async (request, reply) => {
    const caller = request.caller();
    const form = parseForm(codeForm, request.body);
    if (!form.ok) return secondFactorPage(reply, caller, { errors: form.errors, status: 400 });
    const result = await services.secondFactor.confirm(caller, form.value.code);
    if (!result.ok) return secondFactorPage(reply, caller, { errors: formErrorsFrom(result.error), status: 400 });
    return secondFactorPage(reply, caller, { recoveryCodes: result.value.recoveryCodes });
  });

  app.post(paths.secondFactorRecoveryCodes(), { config: own }, async (request, reply) => {
    const caller = request.caller();
    const result = await services.secondFactor.renewRecoveryCodes(caller);
    if (!result.ok) return secondFactorPage(reply, caller, { errors: formErrorsFrom(result.error), status: 409 });
    return secondFactorPage(reply, caller, { recoveryCodes: result.value.recoveryCodes });
  });

  app.post(paths.secondFactorOff(), { config: own }, async (request, reply) => {
    const caller = request.caller();
    const form = parseForm(codeForm, request.body);
    if (!form.ok) return secondFactorPage(reply, caller, { errors: form.errors, status: 400 });
    const result = await services.secondFactor.turnOff(caller, form.value.code);
    if (!result.ok) {
      const status = result.error.code === 'forbidden' ? 403 : 400;
      return secondFactorPage(reply, caller, { errors: formErrorsFrom(result.error), status });
    }
    return reply.flash(w.secondFactorOff).redirect(paths.secondFactor());
  });

  app.get(paths.signInSettings(), { config: councilRules }, async (request, reply) => {
    const rules = await services.secondFactor.signInRules(request.caller().organisationId);
    return reply.render('pages/account/sign-in-settings.njk', {
      title: w.signInRules,
      values: {
        administratorsNeedSecondFactor: yesNo(rules.administratorsNeedSecondFactor),
        secondFactorAfterSingleSignOn: yesNo(rules.secondFactorAfterSingleSignOn),
      },
    });
  });

  app.post(paths.signInSettings(), { config: councilRules }, async (request, reply) => {
    const values = request.body as Record<string, unknown>;
    const form = parseForm(settingsForm, values);
    if (!form.ok) {
      return reply.render(
        'pages/account/sign-in-settings.njk',
        { title: w.signInRules, values, errors: form.errors },
        400,
      );
    }
    const result = await services.secondFactor.setSignInRules(request.caller(), {
      administratorsNeedSecondFactor: form.value.administratorsNeedSecondFactor === 'yes',
      secondFactorAfterSingleSignOn: form.value.secondFactorAfterSingleSignOn === 'yes',
    });
    if (!result.ok) {
      return reply.render(
        'pages/account/sign-in-settings.njk',
        {
          title: w.signInRules,
          values,
          errors: {
            summary: [{ text: sayStored(result.error.message), href: '#administratorsNeedSecondFactor' }],
            fields: {},
          },
        },
        403,
      );
    }
    return reply.flash(w.signInRulesSaved).redirect(paths.signInSettings());
  });
}
