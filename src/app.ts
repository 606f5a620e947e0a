import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import qs from 'node:querystring';
import './web/fastify-types.ts';
import { openApi } from './api/openapi.ts';
import { docsRoutes } from './api/routes/docs.api.ts';
import { unitsApi } from './api/routes/units.api.ts';
import type { Deps } from './container.ts';
import { accessControl, type DeclaredRoute } from './web/plugins/access-control.ts';
import { csrfProtection } from './web/plugins/csrf.ts';
import { errorPages } from './web/plugins/error-pages.ts';
import { securityHeaders } from './web/plugins/security-headers.ts';
import { views } from './web/plugins/views.ts';
import { assetRoutes } from './web/routes/assets.routes.ts';
import { authRoutes } from './web/routes/auth.routes.ts';
import { unitRoutes } from './web/routes/units.routes.ts';
import { peopleRoutes } from './web/routes/people.routes.ts';
import { portfoliosRoutes } from './web/routes/portfolios.routes.ts';
import { partnersRoutes } from './web/routes/partners.routes.ts';
import { governanceRoutes } from './web/routes/governance.routes.ts';
import { apiTokensRoutes } from './web/routes/api-tokens.routes.ts';
import { frameworkRoutes } from './web/routes/framework.routes.ts';
import { plansRoutes } from './web/routes/plans.routes.ts';
import { itemsRoutes } from './web/routes/items.routes.ts';
import { auditRoutes } from './web/routes/audit.routes.ts';
import { measuresRoutes } from './web/routes/measures.routes.ts';
import { collectionRoutes } from './web/routes/collection.routes.ts';
import { peopleApi } from './api/routes/people.api.ts';
import { portfoliosApi } from './api/routes/portfolios.api.ts';
import { partnersApi } from './api/routes/partners.api.ts';
import { governanceApi } from './api/routes/governance.api.ts';
import { frameworkApi } from './api/routes/framework.api.ts';
import { plansApi } from './api/routes/plans.api.ts';
import { itemsApi } from './api/routes/items.api.ts';
import { measuresApi } from './api/routes/measures.api.ts';
import { collectionApi } from './api/routes/collection.api.ts';
import { importsApi } from './api/routes/imports.api.ts';
import { importsRoutes } from './web/routes/imports.routes.ts';
import { auditApi } from './api/routes/audit.api.ts';
import { performanceApi } from './api/routes/performance.api.ts';
import { performanceRoutes } from './web/routes/performance.routes.ts';
import { settingsApi } from './api/routes/settings.api.ts';
import { settingsRoutes } from './web/routes/settings.routes.ts';

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
  await app.register(views, { serviceName: 'Golden Thread', secureCookies });
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
