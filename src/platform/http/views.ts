import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import { holdsPermission, type Principal, type SignedIn } from '../../kernel/access/index.ts';
import { paths } from '../../kernel/paths.ts';
import { registerFilters } from './filters.ts';
import { wrapTablesForScrolling } from './scrolling-tables.ts';
import { cacheTemplateExports } from './template-exports.ts';

const FLASH_COOKIE = 'gt_flash';

interface Flash {
  message: string;
  kind: 'success' | 'important';
}

/** The platform's own templates (layout, error pages); modules add their folders after it. */
export const platformViews = path.join(path.dirname(fileURLToPath(import.meta.url)), 'views');

export interface NavigationItem {
  text: string;
  href: string;
  active: boolean;
}

/**
 * What the navigation needs to know beyond the person's grants (whether a sign-off step could be
 * theirs), loaded once per page request by the app; absent on pages rendered without a route.
 */
export type NavigationFacts = Readonly<Record<string, boolean>>;

/** A kept model's page content, rendered (reply.renderKept), and the context it was rendered with. */
interface KeptContent {
  context: Record<string, unknown>;
  html: string;
}

export interface ViewOptions {
  serviceName: string;
  secureCookies: boolean;
  /** Template folders, searched in order after the platform's own. */
  folders: string[];
  /** The service navigation for this person on this page (the app's list; the platform knows none). */
  navigation: (principal: Principal, currentUrl: string, facts: NavigationFacts) => NavigationItem[];
  /** Loads the navigation's facts for a signed-in person before a page route runs (not for the API). */
  navigationFacts?: (caller: SignedIn) => Promise<NavigationFacts>;
}

/**
 * The environments made so far, by their folders. Nunjucks compiles a template on its first render
 * and keeps it in the environment's loaders, so a new environment compiles every template again.
 * A server builds one app, but a test process builds one per test file, and each file's first pages
 * paid for compiling the layout, the GOV.UK macros and its own templates afresh. The environment
 * holds nothing of an app (its filters and globals are the catalogue's and the status tags', the
 * same for every app), so one per list of folders serves every app in the process.
 */
const environments = new Map<string, nunjucks.Environment>();

export function viewEnvironmentFor(folders: string[]): nunjucks.Environment {
  const key = folders.join('\n');
  const made = environments.get(key);
  if (made) return made;
  cacheTemplateExports();
  const require = createRequire(import.meta.url);
  const govuk = path.dirname(path.dirname(require.resolve('govuk-frontend/package.json')));
  const moj = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'));
  const env = nunjucks.configure([platformViews, ...folders, path.join(govuk, 'govuk-frontend', 'dist'), moj], {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  registerFilters(env);
  environments.set(key, env);
  return env;
}

function readFlash(request: FastifyRequest): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    return JSON.parse(unsigned.value) as Flash;
  } catch {
    return undefined;
  }
}

/**
 * reply.render: templates get the signed-in person, navigation, CSRF token and any flash message.
 * reply.renderKept: the same page for a model kept between requests (platform/data-version), its
 * content (the page's pageContent block) rendered once per model and the layout per request.
 */
export const views = fp(
  async (app: FastifyInstance, options: ViewOptions) => {
    const env = viewEnvironmentFor(options.folders);
    const noFacts: NavigationFacts = {};
    app.decorateRequest('navigationFacts', null);
    const loadFacts = options.navigationFacts;
    if (loadFacts) {
      app.addHook('preHandler', async (request) => {
        const principal = request.principal;
        if (principal.kind !== 'person' || request.url.startsWith('/api/') || request.routeOptions.config.static)
          return;
        request.navigationFacts = await loadFacts(principal);
      });
    }
    app.decorateReply('render', function render(template: string, context = {}, statusCode?: number) {
      const request = this.request;
      const flash = readFlash(request);
      if (flash) this.clearCookie(FLASH_COOKIE, { path: '/' });
      const principal = request.principal;
      const html = wrapTablesForScrolling(
        env.render(template, {
          serviceName: options.serviceName,
          principal,
          signedIn: principal.kind === 'person',
          can: (permission: Parameters<typeof holdsPermission>[1]) => holdsPermission(principal, permission),
          csrfToken: request.csrfToken,
          currentPath: request.url,
          navigation: options.navigation(principal, request.url, request.navigationFacts ?? noFacts),
          paths,
          flash,
          ...context,
        }),
      );
      if (statusCode) this.code(statusCode);
      return this.type('text/html; charset=utf-8').send(html);
    });
    // Each kept model's page content, rendered once: gone with the model (a new version's model is
    // a new object). Per template, as one model may be shown by more than one page.
    const keptContent = new WeakMap<object, Map<string, KeptContent>>();
    app.decorateReply(
      'renderKept',
      function renderKept(template: string, keptFor: object, contextOf: () => Record<string, unknown>) {
        const principal = this.request.principal;
        let ofModel = keptContent.get(keptFor);
        if (!ofModel) keptContent.set(keptFor, (ofModel = new Map<string, KeptContent>()));
        let kept = ofModel.get(template);
        if (!kept) {
          const context = contextOf();
          // Nothing of the person beyond what the model's key holds (their access, through can):
          // no name, navigation, CSRF token, address or message, so no one else is shown them.
          const html = env.render(template, {
            serviceName: options.serviceName,
            can: (permission: Parameters<typeof holdsPermission>[1]) => holdsPermission(principal, permission),
            paths,
            ...context,
            contentOnly: true,
          });
          kept = { context, html };
          ofModel.set(template, kept);
        }
        return this.render(template, { ...kept.context, keptContent: kept.html });
      },
    );
    app.decorateReply('flash', function flash(message: string, kind: Flash['kind'] = 'success') {
      return this.setCookie(FLASH_COOKIE, JSON.stringify({ message, kind }), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        signed: true,
      });
    });
  },
  { name: 'views', dependencies: ['@fastify/cookie'] },
);
