import type { FastifyInstance } from 'fastify';
import { paths } from '../../kernel/paths.ts';
import { words } from '../words/index.ts';

interface Operation {
  summary?: string;
  tags?: string[];
}

/** The OpenAPI document and a readable page listing every operation, grouped by tag. */
export async function docsRoutes(app: FastifyInstance) {
  app.get(paths.openApi(), { config: { access: 'public' } }, async () => app.swagger());

  app.get(paths.apiDocs(), { config: { access: 'public' } }, async (_request, reply) => {
    const document = app.swagger() as { paths?: Record<string, Record<string, Operation>> };
    const groups = new Map<string, { method: string; path: string; summary: string }[]>();
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(operations)) {
        const tag = operation.tags?.[0] ?? words.apiDocs.otherGroup;
        const list = groups.get(tag) ?? [];
        list.push({ method: method.toUpperCase(), path, summary: operation.summary ?? '' });
        groups.set(tag, list);
      }
    }
    return reply.render('pages/api/docs.njk', {
      title: words.apiDocs.title,
      groups: [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([tag, operations]) => ({ tag, operations })),
    });
  });
}
