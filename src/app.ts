import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { unitsApi } from './modules/organisation/api/units.api.ts';
import type { Deps } from './container.ts';
import { accessControl, type DeclaredRoute } from './platform/http/access-control.ts';
import { csrfProtection } from './platform/http/csrf.ts';
import { errorPages } from './platform/http/error-pages.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { views } from './platform/http/views.ts';
import { assetRoutes } from './platform/http/assets.routes.ts';
import { authRoutes } from './modules/organisation/web/auth.routes.ts';
import { unitRoutes } from './modules/organisation/web/units.routes.ts';
import { peopleRoutes } from './modules/organisation/web/people.routes.ts';
import { portfoliosRoutes } from './modules/organisation/web/portfolios.routes.ts';
import { partnersRoutes } from './modules/organisation/web/partners.routes.ts';
import { governanceRoutes } from './modules/organisation/web/governance.routes.ts';
import { apiTokensRoutes } from './modules/organisation/web/api-tokens.routes.ts';
import { frameworkRoutes } from './modules/framework/web/framework.routes.ts';
import { plansRoutes } from './modules/plans/web/plans.routes.ts';
import { itemsRoutes } from './modules/plans/web/items.routes.ts';
import { auditRoutes } from './modules/audit/web/audit.routes.ts';
import { measuresRoutes } from './modules/measures/web/measures.routes.ts';
import { collectionRoutes } from './modules/collection/web/collection.routes.ts';
import { peopleApi } from './modules/organisation/api/people.api.ts';
import { portfoliosApi } from './modules/organisation/api/portfolios.api.ts';
import { partnersApi } from './modules/organisation/api/partners.api.ts';
import { governanceApi } from './modules/organisation/api/governance.api.ts';
import { frameworkApi } from './modules/framework/api/framework.api.ts';
import { plansApi } from './modules/plans/api/plans.api.ts';
import { itemsApi } from './modules/plans/api/items.api.ts';
import { measuresApi } from './modules/measures/api/measures.api.ts';
import { collectionApi } from './modules/collection/api/collection.api.ts';
import { importsApi } from './modules/imports/api/imports.api.ts';
import { importsRoutes } from './modules/imports/web/imports.routes.ts';
import { auditApi } from './modules/audit/api/audit.api.ts';
import { performanceApi } from './modules/performance/api/performance.api.ts';
import { performanceRoutes } from './modules/performance/web/performance.routes.ts';
import { settingsApi } from './modules/performance/api/settings.api.ts';
import { settingsRoutes } from './modules/performance/web/settings.routes.ts';

const modulesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');
const MODULE_VIEW_FOLDERS = ['organisation', 'home', 'audit', 'framework', 'plans', 'measures', 'collection', 'imports', 'performance'].map(
  (name) => path.join(modulesDir, name, 'web', 'views'),
);

export interface BuildOptions {
  logger?: boolean;
  /** Filled with every route and its declared access, for the route × role test. */
  declaredRoutes?: DeclaredRoute[];
}

/** The app as a plugin list: no listen here, so tests use inject() without a port. */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config, services } = deps;
  const secureCookies = config.baseUrl.startsWith('https://');
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(securityHeaders, { production: config.production });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  // Repeated fields (checkboxes) arrive as arrays.
  await app.register(fastifyFormbody, { parser: (body) => qs.parse(body) });
  await app.register(accessControl, { auth: services.auth, declaredRoutes: options.declaredRoutes ?? [] });
  // File uploads (the import page): parsed after the access check and before the CSRF check,
  // which reads the form's token from the parsed fields. One file, 20 MB at most.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { files: 1, fileSize: 20 * 1024 * 1024, fields: 20 },
  });
  await app.register(csrfProtection, { secureCookies });
  await app.register(views, {
    serviceName: 'Golden Thread',
    secureCookies,
    folders: MODULE_VIEW_FOLDERS,
    navigation: navigationFor,
  });
  await app.register(errorPages);
  await app.register(openApi, { baseUrl: config.baseUrl });

  // Pages
  await app.register(assetRoutes);
  await app.register(authRoutes, { services, secureCookies });
  await app.register(unitRoutes, { services });
  await app.register(peopleRoutes, { services });
  await app.register(portfoliosRoutes, { services });
  await app.register(partnersRoutes, { services });
  await app.register(governanceRoutes, { services });
  await app.register(apiTokensRoutes, { services });
  await app.register(frameworkRoutes, { services });
  await app.register(plansRoutes, { services });
  await app.register(itemsRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(measuresRoutes, { services });
  await app.register(collectionRoutes, { services });
  await app.register(importsRoutes, { services });
  await app.register(performanceRoutes, { services });
  await app.register(settingsRoutes, { services });

  // JSON API
  await app.register(docsRoutes);
  await app.register(
    async (api) => {
      await api.register(unitsApi, { services });
      await api.register(peopleApi, { services });
      await api.register(portfoliosApi, { services });
      await api.register(partnersApi, { services });
      await api.register(governanceApi, { services });
      await api.register(frameworkApi, { services });
      await api.register(plansApi, { services });
      await api.register(itemsApi, { services });
      await api.register(measuresApi, { services });
      await api.register(collectionApi, { services });
      await api.register(importsApi, { services });
      await api.register(auditApi, { services });
      await api.register(performanceApi, { services });
      await api.register(settingsApi, { services });
    },
    { prefix: '/api/v1' },
  );

  return app;
}
