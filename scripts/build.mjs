/**
 * `npm run build`: bundles the server and the CLI with esbuild into dist/ (or the folder given as
 * the first argument). Packages stay in node_modules (`packages: 'external'`), and the bundle keeps
 * reading templates, assets and migrations from the source tree: each source file's
 * `import.meta.url` is rewritten to its own place in src/, relative to the bundle, so the paths the
 * code builds from it (`./web/views`, `./migrations`, `createRequire`) are the ones the loader sees.
 * See docs/decisions/0009-typescript-loader.md (the build).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** dist/server.js and dist/cli.js, beside their shared chunks (see sourceUrlPlugin). */
const ENTRY_POINTS = [
  { in: 'src/server.ts', out: 'server' },
  { in: 'src/cli/main.ts', out: 'cli' },
];

/**
 * Rewrites `import.meta.url` in each .ts file to that file's own URL. Every output file (the two
 * entries and the shared chunks) sits at the top of outdir, so the source file is found relative
 * to whichever output file holds the code, and a built copy keeps working if the checkout moves.
 */
function sourceUrlPlugin(outdir) {
  return {
    name: 'source-import-meta-url',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const relative = path.relative(outdir, args.path).split(path.sep).join('/');
        const ownUrl = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', ownUrl), loader: 'ts' };
      });
    },
  };
}

/** Builds into `outdir` (absolute, or relative to the repository). */
export async function buildApp(outdir = 'dist') {
  const out = path.resolve(root, outdir);
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    plugins: [sourceUrlPlugin(out)],
  });
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildApp(process.argv[2] ?? 'dist');
  console.log(`Built the server and the CLI into ${path.relative(process.cwd(), out) || '.'}`);
}
