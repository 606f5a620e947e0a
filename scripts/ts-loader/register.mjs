/**
 * Runs the TypeScript sources directly: `node --import ./scripts/ts-loader/register.mjs src/server.ts`.
 * Each .ts module is compiled on load by esbuild, with source maps for stack traces. Why not tsx:
 * docs/decisions/0009-typescript-loader.md (tsx forces esbuild's keepNames, which costs the
 * performance engine about a third of its time).
 */
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./hooks.mjs', import.meta.url);
