import { navigationFor } from './navigation.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import qs from 'node:querystring';
import './platform/http/fastify-types.ts';
import { openApi } from './platform/http/openapi.ts';
import { docsRoutes } from './platform/http/docs.api.ts';
import type { Deps } from './container.ts';
import { accessControl, type DeclaredRoute } from './platform/http/access-control.ts';
import { csrfProtection } from './platform/http/csrf.ts';
import { errorPages } from './platform/http/error-pages.ts';
import { loggerOptions } from './platform/http/logging.ts';
import { refuseNulCharacters } from './platform/http/nul-characters.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { keepUploadedFileName } from './platform/http/uploaded-file-names.ts';
import { createDatabaseRateCounter, type RateCounter, rateLimits } from './platform/http/rate-limits.ts';
import { views } from './platform/http/views.ts';
import { assetRoutes } from './platform/http/assets.routes.ts';
import { closePdfBrowser } from './platform/documents/render-pdf.ts';
import { readingVersionsOnce } from './platform/data-version/request-scope.ts';

export interface BuildOptions {
  logger?: boolean;
  /** Where the log goes, instead of standard output (tests read it); turns the logger on. */
  logStream?: NodeJS.WritableStream;
  /** Filled with every route and its declared access, for the route × role test. */
  declaredRoutes?: DeclaredRoute[];
  /** Where rate limits are counted: the database (shared by every process) unless given (route tests). */
  rateCounter?: RateCounter;
}

/** The app as a plugin list: no listen here, so tests use inject() without a port. */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config, services } = deps;
  const secureCookies = config.baseUrl.startsWith('https://');
  const app = Fastify({
    logger: options.logger || options.logStream ? loggerOptions(config.logLevel, options.logStream) : false,
    bodyLimit: 5 * 1024 * 1024,
    // The person's own address for the sign-in throttle and rate limits, behind a proxy too.
    ...(config.trustProxyHops > 0
      ? { trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops }
      : {}),
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Background jobs running in this process finish before the database they write to is closed
  // (route tests build the app without a queue).
  const jobs = deps.jobs as Deps['jobs'] | undefined;
  if (jobs) app.addHook('onClose', () => jobs.stop());
  // The Chromium kept for printing PDFs goes with the app.
  app.addHook('onClose', closePdfBrowser);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // A page reads each council's data version once, however many kept answers it uses.
  app.addHook('onRequest', (request, _reply, done) =>
    request.method === 'GET' || request.method === 'HEAD' ? readingVersionsOnce(done) : done(),
  );
  await app.register(securityHeaders, { production: config.production });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  // Repeated fields (checkboxes) arrive as arrays.
  await app.register(fastifyFormbody, { parser: (body) => qs.parse(body) });
  await app.register(accessControl, {
    auth: services.auth,
    declaredRoutes: options.declaredRoutes ?? [],
    ancestry: deps.unitAncestry,
  });
  // Per-caller request limits (sign-in posts per address, API calls per person, uploads per
  // person): after the caller is known, before any body is read. Counted in the database, so every
  // app process on it shares one count.
  await app.register(rateLimits, {
    limits: config.rateLimits,
    counter: options.rateCounter ?? createDatabaseRateCounter(deps.database.db, deps.clock),
  });
  // File uploads (the import page): parsed after the access check and before the CSRF check,
  // which reads the form's token from the parsed fields. One file, 20 MB at most.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    // The body keeps a file's bytes only; its name is kept beside it (uploadedFileName).
    onFile: keepUploadedFileName,
    limits: { files: 1, fileSize: 20 * 1024 * 1024, fields: 20 },
  });
  await app.register(csrfProtection, { secureCookies });
  await app.register(refuseNulCharacters);
  await app.register(views, {
    serviceName: 'Golden Thread',
    secureCookies,
    folders: deps.web.flatMap((module) => (module.views ? [module.views] : [])),
    navigation: navigationFor,
    // One small query a page (the council's data version) while the answer kept for the person holds.
    navigationFacts: async (caller) => ({ mayTakeSignOffStep: await services.signOffQueue.mayTakeSomeStep(caller) }),
  });
  await app.register(errorPages);
  await app.register(openApi, { baseUrl: config.baseUrl });

  // Pages, then the JSON API: the platform's own, then each module's, in dependency order.
  await app.register(assetRoutes);
  for (const module of deps.web) if (module.pages) await app.register(module.pages);
  await app.register(docsRoutes);
  await app.register(
    async (api) => {
      for (const module of deps.web) if (module.api) await api.register(module.api);
    },
    { prefix: '/api/v1' },
  );

  return app;
}
