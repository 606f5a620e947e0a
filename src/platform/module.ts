import type { FastifyPluginAsync } from 'fastify';

/**
 * What a feature module hands the app: its templates, its pages and its JSON API. The app
 * registers every module's parts in one list (src/app.ts); the platform knows no module by name.
 */
export interface ModuleWeb {
  /** Folder of the module's Nunjucks templates, searched by name after the platform's own. */
  views?: string;
  /** Registers the module's pages. */
  pages?: FastifyPluginAsync;
  /** Registers the module's JSON API, under /api/v1. */
  api?: FastifyPluginAsync;
}
