import { fileURLToPath } from 'node:url';
import type { ModuleWeb } from '../../platform/module.ts';
import type { HomeServices } from './services.ts';
import { councilRoutes } from './web/council.routes.ts';
import { homeRoutes } from './web/home.routes.ts';

export type { HomeServices } from './services.ts';

/** The home page and the health check. */
export function createHomeModule(services: HomeServices): { web: ModuleWeb } {
  return {
    web: {
      views: fileURLToPath(new URL('./web/views', import.meta.url)),
      pages: async (app) => {
        await app.register(homeRoutes, { services });
        await app.register(councilRoutes);
      },
    },
  };
}
