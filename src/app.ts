import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
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
  await app.register(csrfProtection, { secureCookies });
  await app.register(views, { serviceName: 'Golden Thread', secureCookies });
  await app.register(errorPages);
  await app.register(openApi, { baseUrl: config.baseUrl });

  // Pages
  await app.register(assetRoutes);
  await app.register(authRoutes, { services, secureCookies });
  await app.register(unitRoutes, { services });

  // JSON API
  await app.register(docsRoutes);
  await app.register(
    async (api) => {
      await api.register(unitsApi, { services });
    },
    { prefix: '/api/v1' },
  );

  return app;
}
