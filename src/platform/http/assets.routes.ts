import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const govukDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
const mojDist = path.join(path.dirname(require.resolve('@ministryofjustice/frontend/package.json')), 'moj');
const ownAssets = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

const ASSET_MAX_AGE_MS = 60 * 60 * 1000;

/** Which folder serves which file names under /assets. Nothing else is reachable. */
const ROOTS: { match: RegExp; root: string }[] = [
  { match: /^govuk-frontend\.min\.(css|js)(\.map)?$/, root: govukDist },
  { match: /^(fonts|images)\/[\w.-]+$/, root: path.join(govukDist, 'assets') },
  { match: /^manifest\.json$/, root: path.join(govukDist, 'assets') },
  { match: /^moj-frontend\.min\.(css|js)(\.map)?$/, root: mojDist },
  { match: /^app\.(css|js)$/, root: ownAssets },
  { match: /^charts\/[\w.-]+\.js$/, root: ownAssets },
];

export async function assetRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: ownAssets, serve: false });
  app.get('/assets/*', { config: { access: 'public', static: true } }, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    const entry = ROOTS.find((candidate) => candidate.match.test(file));
    if (!entry) return reply.callNotFound();
    // Fresh for an hour. @fastify/static writes its own Cache-Control (max-age=0 unless told), over
    // any set before: with it, every page view asked again for each of its eight assets.
    return reply.sendFile(file, entry.root, { maxAge: ASSET_MAX_AGE_MS });
  });
}
