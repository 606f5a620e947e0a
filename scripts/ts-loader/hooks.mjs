/**
 * Module hooks (run on Node's loader thread): a .ts file under file: is compiled to an ES module.
 * Only what the project uses is supported: ESM, explicit `.ts` extensions, `import type` for types
 * (verbatimModuleSyntax), no path aliases, no decorators. Everything else loads as Node would.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const OPTIONS = {
  loader: 'ts',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
};

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = await readFile(path, 'utf8');
  const { code } = await transform(source, { ...OPTIONS, sourcefile: path });
  return { format: 'module', source: code, shortCircuit: true };
}
