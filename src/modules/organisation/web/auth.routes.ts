import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { OrganisationServices } from '../services.ts';
import { SESSION_COOKIE } from '../../../platform/http/access-control.ts';
import { formErrorsFrom, parseForm } from '../../../platform/http/form-errors.ts';
import { paths } from '../../../kernel/paths.ts';
import { linkProblemMessage, MIN_PASSWORD_LENGTH } from '../password-links.service.ts';
import { sayStored } from '../../../platform/words/index.ts';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .email('Enter an email address in the correct format, like name@example.gov.uk'),
  password: z.string().min(1, 'Enter your password'),
  returnTo: z.string().optional(),
});

const setPasswordForm = z
  .object({
    token: z.string().min(1),
    password: z
      .string()
      .min(1, 'Enter a password')
      .min(MIN_PASSWORD_LENGTH, `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`),
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: 'Enter the same password twice',
    path: ['confirmPassword'],
  });

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
function safeReturnTo(value: unknown): string {
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

export async function authRoutes(
  app: FastifyInstance,
  {
    services,
    secureCookies,
  }: { services: Pick<OrganisationServices, 'auth' | 'passwordLinks'>; secureCookies: boolean },
) {
  app.get(paths.signIn(), { config: { access: 'public' } }, (request, reply) => {
    const returnTo = (request.query as { returnTo?: unknown }).returnTo;
    return reply.render('pages/auth/sign-in.njk', { returnTo: safeReturnTo(returnTo), values: {} });
  });

  app.post(paths.signIn(), { config: { access: 'public' } }, async (request, reply) => {
    const form = parseForm(signInForm, request.body);
    const values = { email: (request.body as { email?: string })?.email ?? '' };
    const returnTo = safeReturnTo((request.body as { returnTo?: unknown })?.returnTo);
    if (!form.ok) return reply.render('pages/auth/sign-in.njk', { errors: form.errors, values, returnTo }, 400);
    const result = await services.auth.signIn(form.value.email, form.value.password);
    if (!result) {
      const message = 'Enter a correct email address and password';
      return reply.render(
        'pages/auth/sign-in.njk',
        {
          errors: { summary: [{ text: message, href: '#email' }], fields: { email: { text: message } } },
          values,
          returnTo,
        },
        400,
      );
    }
    // A new token at every sign-in: a session fixed before sign-in is never promoted.
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: 8 * 3600,
    });
    return reply.redirect(returnTo);
  });

  // The token is in the address: no cache may keep the page (the app's Referrer-Policy is same-origin).
  const privateLink = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
  const tokenOf = (source: unknown): string => {
    const token = (source as { token?: unknown } | undefined)?.token;
    return typeof token === 'string' ? token : '';
  };

  app.get(paths.setPassword(), { config: { access: 'public' } }, async (request, reply) => {
    const token = tokenOf(request.query);
    const problem = token ? await services.passwordLinks.check(token) : 'unknown';
    privateLink(reply);
    if (problem) {
      return reply.render('pages/auth/link-problem.njk', { message: linkProblemMessage(problem) }, 400);
    }
    return reply.render('pages/auth/set-password.njk', { token, minLength: MIN_PASSWORD_LENGTH });
  });

  app.post(paths.setPassword(), { config: { access: 'public' } }, async (request, reply) => {
    const token = tokenOf(request.body);
    privateLink(reply);
    const problem = token ? await services.passwordLinks.check(token) : 'unknown';
    if (problem) {
      return reply.render('pages/auth/link-problem.njk', { message: linkProblemMessage(problem) }, 400);
    }
    const form = parseForm(setPasswordForm, request.body);
    if (!form.ok) {
      return reply.render(
        'pages/auth/set-password.njk',
        { token, minLength: MIN_PASSWORD_LENGTH, errors: form.errors },
        400,
      );
    }
    const result = await services.passwordLinks.use(token, form.value.password);
    if (!result.ok) {
      return result.error.field
        ? reply.render(
            'pages/auth/set-password.njk',
            { token, minLength: MIN_PASSWORD_LENGTH, errors: formErrorsFrom(result.error) },
            400,
          )
        : reply.render('pages/auth/link-problem.njk', { message: sayStored(result.error.message) }, 400);
    }
    return reply.flash('Your password has been set. Sign in with it').redirect(paths.signIn());
  });

  app.post(paths.signOut(), { config: { access: 'signed-in' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await services.auth.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(paths.home());
  });
}
