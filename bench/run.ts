/**
 * npm run bench                      every scenario, on PGlite and PostgreSQL
 * npm run bench -- foundation        the named scenario(s) only
 * npm run bench -- --db=pglite       one database kind only (pglite | postgres)
 * npm run bench -- load --seconds 30 a scenario's option (`--name value` or `--name=value`)
 *
 * Prints a table, writes bench/results/<scenario>-<date>.json and bench/results/latest.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, type DatabaseKind } from './lib/context.ts';
import { SCENARIOS } from './scenarios/index.ts';

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

function parseArgs(argv: string[]): { names: string[]; kinds: DatabaseKind[]; options: Record<string, string> } {
  const names: string[] = [];
  const options: Record<string, string> = {};
  let kinds: DatabaseKind[] = ['pglite', 'postgres'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const db = /^--db=(.+)$/.exec(arg)?.[1];
    const option = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!db && option) {
      const value = option[2] ?? argv[++i];
      if (value === undefined) throw new Error(`--${option[1]} needs a value`);
      options[option[1]!] = value;
    } else if (db) {
      const wanted = db.split(',');
      const unknown = wanted.filter((kind) => kind !== 'pglite' && kind !== 'postgres');
      if (unknown.length) throw new Error(`Unknown --db ${unknown.join(', ')}: use pglite, postgres or both`);
      kinds = wanted as DatabaseKind[];
    } else names.push(arg);
  }
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}. Known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  return { names, kinds, options };
}

function machine(kinds: DatabaseKind[]) {
  return {
    cpuCount: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    databases: kinds.join(', '),
  };
}

function table(results: Record<string, number>): string {
  const rows = Object.entries(results).map(([metric, value]) => `| ${metric} | ${value} |`);
  return ['| Metric | Value |', '| --- | ---: |', ...rows].join('\n');
}

async function main(): Promise<void> {
  const { names, kinds, options } = parseArgs(process.argv.slice(2));
  const selected = names.length ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  const ctx = createContext(kinds, options);
  const date = new Date().toISOString().slice(0, 10);
  const about = machine(kinds);
  const sections: string[] = [];
  mkdirSync(resultsDir, { recursive: true });
  try {
    for (const scenario of selected) {
      process.stderr.write(`${scenario.name}: ${scenario.description}\n`);
      const started = performance.now();
      const results = await scenario.run(ctx);
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const notes = ctx.takeNotes();
      const after = notes.map((note) => `\n\n${note}`).join('');
      console.log(`\n${scenario.name} (${seconds} s)\n${table(results)}${after}`);
      writeFileSync(
        path.join(resultsDir, `${scenario.name}-${date}.json`),
        `${JSON.stringify({ scenario: scenario.name, date, seconds, machine: about, results, ...(notes.length ? { notes } : {}) }, null, 2)}\n`,
      );
      sections.push(`## ${scenario.name}\n\n${scenario.description}. Took ${seconds} s.\n\n${table(results)}${after}`);
    }
  } finally {
    await ctx.dispose();
  }
  const header = [
    '# Latest benchmark results',
    '',
    `Run on ${date}: ${about.cpuCount} CPUs (${about.cpuModel}), ${about.memoryGiB} GiB, Node ${about.node}, ${about.platform}; databases: ${about.databases}.`,
    'Times in milliseconds. Other work on the machine affects them: compare runs from the same machine only.',
  ].join('\n');
  writeFileSync(path.join(resultsDir, 'latest.md'), `${header}\n\n${sections.join('\n\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
