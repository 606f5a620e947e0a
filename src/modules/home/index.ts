import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { HomeServices } from './services.ts';
import { councilRoutes } from './web/council.routes.ts';
import { homeRoutes } from './web/home.routes.ts';
import { hubRoutes } from './web/hubs.routes.ts';

export type { HomeServices } from './services.ts';

/** The home page, the health check and the pages that gather several modules under one entry. */
export function createHomeModule(services: HomeServices): { web: ModuleWeb } {
  return {
    web: {
      views: fileURLToPath(new URL('./web/views', import.meta.url)),
      pages: async (app) => {
        await app.register(homeRoutes, { services });
        await app.register(councilRoutes);
        await app.register(hubRoutes);
      },
    },
  };
}
