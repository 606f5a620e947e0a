import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OrganisationServices } from '../services.ts';
import { SECOND_FACTOR_PATH, SESSION_COOKIE } from '../../../platform/http/access-control.ts';
import { formErrorsFrom, parseForm } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { linkProblemPhrase } from '../password-links.service.ts';
import type { FirstStep, SignInOutcome } from '../auth.service.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { say, sayStored, words } from '../../../platform/words/index.ts';

/** The address a person signs in with, or asks a reset link for. */
const emailField = z
  .string()
  .trim()
  .min(1, phraseText('signIn.enterEmail'))
  .email(phraseText('organisationChecks.emailFormat'));

const signInForm = z.object({
  email: emailField,
  password: z.string().min(1, phraseText('signIn.enterPassword')),
  returnTo: z.string().optional(),
});

// The length and deny-list rules are the service's (the policy); the form only asks for something.
const setPasswordForm = z
  .object({
    token: z.string().min(1),
    password: z.string().min(1, phraseText('signIn.enterNewPassword')),
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: phraseText('signIn.samePasswordTwice'),
    path: ['confirmPassword'],
  });

/**
 * A port a later module fills (single sign-on): where to send a person who has just signed out so
 * their session at an identity provider ends too; null to go home.
 */
export type SignOutElsewhere = (organisationId: string, personId: string) => Promise<string | null>;

/** A path on this site: one slash, then not a second slash or a backslash (browsers read it as a slash). */
const SAME_SITE_PATH = /^\/(?![/\\])/;
/** Whitespace and control characters, which browsers drop from a URL (so "/\t/x" is "//x"). */
const UNSAFE_CHARACTER = /[\s\p{Cc}\p{Cf}\p{Z}]/u;

/**
 * Only same-site paths: a sign-in link must never bounce a person to another site. The value must
 * be printable ASCII (anything else cannot go in a Location header), and both it and its decoded
 * form must be a same-site path with no whitespace or control characters; anything else (a
 * repeated parameter too), home.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value) || !SAME_SITE_PATH.test(value)) return paths.home();
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return paths.home();
  }
  return SAME_SITE_PATH.test(decoded) && !UNSAFE_CHARACTER.test(decoded) && !decoded.includes('\\')
    ? value
    : paths.home();
}

const codeForm = z.object({
  code: z.string().trim().min(1, phraseText('signIn.enterCodeOrRecoveryCode')),
  returnTo: z.string().optional(),
});

const forgotForm = z.object({ email: emailField });

/**
 * Between the first step and the second factor: a signed cookie naming the person, until when, and
 * how they passed the first step (for the session's audit row), for 5 minutes.
 */
const PENDING_COOKIE = 'gt_pending';
const PENDING_MINUTES = 5;
const firstStepSchema = z.union([
  z.object({ method: z.literal('password') }),
  z.object({ method: z.literal('single sign-on'), issuer: z.string() }),
]);

/**
 * Sends a person who has passed the first step (their password, or the council's single sign-on)
 * on to give a code from their second factor; no session starts until they do.
 */
export function holdForSecondFactor(
  reply: FastifyReply,
  personId: string,
  options: { clock: () => Date; secureCookies: boolean; returnTo: string; firstStep: FirstStep },
) {
  const until = options.clock().getTime() + PENDING_MINUTES * 60_000;
  // base64url: the issuer's dots stay out of the value's dot-separated parts.
  const firstStep = Buffer.from(JSON.stringify(options.firstStep)).toString('base64url');
  reply.setCookie(PENDING_COOKIE, `${personId}.${until}.${firstStep}`, {
    path: paths.signIn(),
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secureCookies,
    signed: true,
    maxAge: PENDING_MINUTES * 60,
  });
  return reply.redirect(`${paths.signInCode()}?returnTo=${encodeURIComponent(options.returnTo)}`);
}
const SESSION_SECONDS = 8 * 3600;

const minutesFor = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? phrase('signIn.oneMinute') : phrase('signIn.minutes', { count: minutes });
};

/** A refusal on a form page: the summary linking to the field, and the field's own message. */
const fieldError = (field: string, text: string) => ({
  summary: [{ text, href: `#${field}` }],
  fields: { [field]: { text } },
});

export async function authRoutes(
  app: FastifyInstance,
  {
    services,
    secureCookies,
    clock,
    signOutElsewhere,
  }: {
    services: Pick<OrganisationServices, 'auth' | 'passwordLinks'>;
    secureCookies: boolean;
    clock: () => Date;
    signOutElsewhere?: SignOutElsewhere;
  },
) {
  const signInPage = { access: 'public', rateLimit: 'sign-in' } as const;
  const context = (request: FastifyRequest) => ({
    address: request.ip,
    userAgent: String(request.headers['user-agent'] ?? ''),
  });

  /**
   * The answer to a sign-in step: a session (cookie and on), the second step, or a refusal. A
   * throttled attempt is 429 with Retry-After and a message that is the same whoever the e-mail
   * address belongs to, or no one.
   */
  function answer(
    reply: FastifyReply,
    outcome: SignInOutcome,
    page: { template: string; field: string; values: Record<string, unknown>; returnTo: string },
  ) {
    const refusal = (status: number, text: string) =>
      reply.render(
        page.template,
        { errors: fieldError(page.field, text), values: page.values, returnTo: page.returnTo },
        status,
      );
    switch (outcome.kind) {
      case 'throttled':
        reply.header('retry-after', String(outcome.retryAfterSeconds));
        return refusal(
          429,
          sayStored(phraseText('signIn.throttled', { minutes: minutesFor(outcome.retryAfterSeconds) })),
        );
      case 'refused':
        return refusal(
          400,
          sayStored(phraseText(page.field === 'code' ? 'signIn.wrongCode' : 'signIn.wrongCredentials')),
        );
      case 'second-factor':
        return holdForSecondFactor(reply, outcome.personId, {
          clock,
          secureCookies,
          returnTo: page.returnTo,
          firstStep: outcome.firstStep,
        });
      case 'signed-in':
        // A new token at every sign-in: a session fixed before sign-in is never promoted.
        reply.clearCookie(PENDING_COOKIE, { path: paths.signIn() });
        reply.setCookie(SESSION_COOKIE, outcome.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies,
          maxAge: SESSION_SECONDS,
        });
        return reply.redirect(outcome.session.mustEnrolSecondFactor ? SECOND_FACTOR_PATH : page.returnTo);
    }
  }

  /** The person part-way through signing in, and how they passed the first step, while it lasts. */
  function pendingPerson(request: FastifyRequest): { personId: string; firstStep: FirstStep | undefined } | null {
    const raw = request.cookies[PENDING_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    if (!unsigned?.valid || !unsigned.value) return null;
    const [personId, until, encoded] = unsigned.value.split('.');
    if (!personId || !(Number(until) > clock().getTime())) return null;
    return { personId, firstStep: firstStepFrom(encoded) };
  }
  /** The first step from the signed cookie; none from a cookie made before it was kept there. */
  function firstStepFrom(encoded: string | undefined): FirstStep | undefined {
    if (!encoded) return undefined;
    try {
      const parsed = firstStepSchema.safeParse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** No password given in the last few minutes (or none at all): start again, from the sign-in page. */
  const codeExpired = (reply: FastifyReply) =>
    reply.render('pages/auth/code-expired.njk', { message: sayStored(phraseText('signIn.codeExpired')) }, 400);

  app.get(paths.signIn(), { config: { access: 'public' } }, (request, reply) => {
    const returnTo = (request.query as { returnTo?: unknown }).returnTo;
    return reply.render('pages/auth/sign-in.njk', { returnTo: safeReturnTo(returnTo), values: {} });
  });

  app.post(paths.signIn(), { config: signInPage }, async (request, reply) => {
    const form = parseForm(signInForm, request.body);
    const values = { email: (request.body as { email?: string })?.email ?? '' };
    const returnTo = safeReturnTo((request.body as { returnTo?: unknown })?.returnTo);
    if (!form.ok) return reply.render('pages/auth/sign-in.njk', { errors: form.errors, values, returnTo }, 400);
    const outcome = await services.auth.attempt(form.value.email, form.value.password, context(request));
    return answer(reply, outcome, { template: 'pages/auth/sign-in.njk', field: 'email', values, returnTo });
  });

  app.get(paths.signInCode(), { config: { access: 'public' } }, (request, reply) => {
    if (!pendingPerson(request)) return codeExpired(reply);
    const returnTo = safeReturnTo((request.query as { returnTo?: unknown }).returnTo);
    return reply.render('pages/auth/sign-in-code.njk', { returnTo, values: {} });
  });

  app.post(paths.signInCode(), { config: signInPage }, async (request, reply) => {
    const returnTo = safeReturnTo((request.body as { returnTo?: unknown })?.returnTo);
    const pending = pendingPerson(request);
    if (!pending) return codeExpired(reply);
    const form = parseForm(codeForm, request.body);
    if (!form.ok)
      return reply.render('pages/auth/sign-in-code.njk', { errors: form.errors, values: {}, returnTo }, 400);
    const outcome = await services.auth.completeSecondFactor(
      pending.personId,
      form.value.code,
      context(request),
      pending.firstStep,
    );
    return answer(reply, outcome, { template: 'pages/auth/sign-in-code.njk', field: 'code', values: {}, returnTo });
  });

  app.get(paths.forgotPassword(), { config: { access: 'public' } }, (_request, reply) =>
    reply.render('pages/auth/forgot-password.njk', { values: {} }),
  );

  app.post(paths.forgotPassword(), { config: signInPage }, async (request, reply) => {
    const form = parseForm(forgotForm, request.body);
    const values = { email: (request.body as { email?: string })?.email ?? '' };
    if (!form.ok) return reply.render('pages/auth/forgot-password.njk', { errors: form.errors, values }, 400);
    await services.passwordLinks.requestReset(form.value.email);
    // The same page whether or not anyone holds the address: it must not tell.
    return reply.render('pages/auth/forgot-password-sent.njk', { email: form.value.email });
  });

  // The token is in the address: no cache may keep the page (the app's Referrer-Policy is same-origin).
  const privateLink = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
  const tokenOf = (source: unknown): string => {
    const token = (source as { token?: unknown } | undefined)?.token;
    return typeof token === 'string' ? token : '';
  };
  const minLength = services.passwordLinks.passwordMinLength;

  app.get(paths.setPassword(), { config: { access: 'public' } }, async (request, reply) => {
    const token = tokenOf(request.query);
    const problem = token ? await services.passwordLinks.check(token) : 'unknown';
    privateLink(reply);
    if (problem) {
      return reply.render('pages/auth/link-problem.njk', { message: say(linkProblemPhrase(problem)) }, 400);
    }
    return reply.render('pages/auth/set-password.njk', { token, minLength });
  });

  app.post(paths.setPassword(), { config: signInPage }, async (request, reply) => {
    const token = tokenOf(request.body);
    privateLink(reply);
    const problem = token ? await services.passwordLinks.check(token) : 'unknown';
    if (problem) {
      return reply.render('pages/auth/link-problem.njk', { message: say(linkProblemPhrase(problem)) }, 400);
    }
    const form = parseForm(setPasswordForm, request.body);
    if (!form.ok) {
      return reply.render('pages/auth/set-password.njk', { token, minLength, errors: form.errors }, 400);
    }
    const result = await services.passwordLinks.use(token, form.value.password);
    if (!result.ok) {
      return result.error.field
        ? reply.render('pages/auth/set-password.njk', { token, minLength, errors: formErrorsFrom(result.error) }, 400)
        : reply.render('pages/auth/link-problem.njk', { message: sayStored(result.error.message) }, 400);
    }
    return reply.flash(words.signInPages.passwordSet).redirect(paths.signIn());
  });

  app.post(paths.signOut(), { config: { access: 'signed-in', duringEnrolment: true } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const caller = request.caller();
    if (token) await services.auth.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    // Signed in through the council's provider: end the session there too, when it offers a way.
    const elsewhere = signOutElsewhere ? await signOutElsewhere(caller.organisationId, caller.personId) : null;
    return reply.redirect(elsewhere ?? paths.home());
  });
}
