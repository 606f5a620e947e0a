#!/usr/bin/env node
/**
 * The type check (as `tsc --noEmit`) and the type-aware lint (as `eslint .`) on ONE TypeScript
 * program: `npm test` ran them as two processes that each built and checked the whole program
 * (tsc 50 core-s, eslint 85 core-s, most of eslint's being the type checker answering its
 * promise and `any` rules). Here the type check fills the checker's caches and eslint's typed rules
 * read them (typescript-eslint's `parserOptions.programs`), so the program is parsed, bound and
 * checked once.
 *
 *   node scripts/typecheck-and-lint.mjs [--typecheck-exit-file FILE]
 *
 * Prints tsc's diagnostics, then eslint's report. Exits non-zero if either found a problem. With
 * --typecheck-exit-file it also writes the type check's own exit status (0 or 2, as tsc's) to FILE
 * as soon as it is known, so that `npm test` reports the two checks apart (scripts/test-all.sh).
 * `npm run typecheck` and `npm run lint` still run each tool on its own.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const exitFileAt = args.indexOf('--typecheck-exit-file');
const typecheckExitFile = exitFileAt >= 0 ? args[exitFileAt + 1] : undefined;
if (exitFileAt >= 0 && !typecheckExitFile) {
  console.error('--typecheck-exit-file needs a file name');
  process.exit(2);
}

const formatHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => ts.sys.newLine,
};

/** The program tsc would build from tsconfig.json, and its diagnostics (`tsc --noEmit`). */
function typecheck() {
  const configFile = path.join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.formatDiagnostic(diagnostic, formatHost));
      },
    },
  );
  if (!parsed) throw new Error(`could not read ${configFile}`);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return { program, diagnostics };
}

const { program, diagnostics } = typecheck();
if (diagnostics.length > 0) {
  const colour = process.stdout.isTTY ?? false;
  const text = colour
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost)
    : ts.formatDiagnostics(diagnostics, formatHost);
  process.stdout.write(`${text}\nFound ${diagnostics.length} type error(s).\n`);
}
const typecheckStatus = diagnostics.length > 0 ? 2 : 0;
if (typecheckExitFile) writeFileSync(typecheckExitFile, `${typecheckStatus}\n`);

// The same rules and files as `eslint .` (eslint.config.js), the TypeScript files typed from the
// program above instead of a second one built by the project service.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false, programs: [program] } },
    },
  ],
});
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const report = await formatter.format(results);
if (report) process.stdout.write(report);
const lintFailed = results.some((result) => result.errorCount > 0 || result.fatalErrorCount > 0);

process.exitCode = typecheckStatus !== 0 ? typecheckStatus : lintFailed ? 1 : 0;
