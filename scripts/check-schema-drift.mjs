#!/usr/bin/env node
// Schema drift check (`npm run schema:check`): the Drizzle schema (src/schema.ts) and the SQL
// migrations in src/platform/db/migrations must agree.
//
// How: copy the migrations into a scratch folder and run `drizzle-kit generate` against it. If the
// schema says something the migrations do not, drizzle-kit writes a new migration there and we fail,
// printing the SQL it would add. The real migrations folder is never written to. We also check that
// the journal and the .sql files list the same migrations, because drizzle-kit only compares the
// schema with the last snapshot and would not notice a migration file missing from the journal.
//
// Exit status: 0 when they agree, 1 on drift, 2 when the check itself could not run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsDir = 'src/platform/db/migrations';
const schemaFile = './src/schema.ts';
// drizzle-kit prefixes `--out` with "./", so the scratch folder must be relative to the repository.
const scratchDir = join('.tmp', `schema-drift-${process.pid}`);

function sqlFiles(dir) {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.sql'))
    .sort();
}

function journalTags(dir) {
  const journal = JSON.parse(readFileSync(join(root, dir, 'meta', '_journal.json'), 'utf8'));
  return journal.entries.map((entry) => `${entry.tag}.sql`).sort();
}

function fail(message) {
  console.error(`schema drift: ${message}`);
  process.exitCode = 1;
}

const inFolder = sqlFiles(migrationsDir);
const inJournal = journalTags(migrationsDir);
const notInJournal = inFolder.filter((name) => !inJournal.includes(name));
const missingFiles = inJournal.filter((name) => !inFolder.includes(name));
if (notInJournal.length > 0) {
  fail(`migration files not in meta/_journal.json (they would never run): ${notInJournal.join(', ')}`);
}
if (missingFiles.length > 0) {
  fail(`meta/_journal.json lists migrations with no .sql file: ${missingFiles.join(', ')}`);
}

mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(join(root, scratchDir), { recursive: true, force: true });
cpSync(join(root, migrationsDir), join(root, scratchDir), { recursive: true });
try {
  const drizzleKit = join(root, 'node_modules', '.bin', 'drizzle-kit');
  const run = spawnSync(
    drizzleKit,
    ['generate', '--dialect', 'postgresql', '--schema', schemaFile, '--out', scratchDir, '--name', 'drift'],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.error || run.status !== 0) {
    console.error(run.stdout ?? '', run.stderr ?? '', run.error ?? '');
    console.error(`schema drift: drizzle-kit generate could not run (exit ${run.status ?? 'none'})`);
    process.exitCode = 2;
  } else {
    const added = sqlFiles(scratchDir).filter((name) => !inFolder.includes(name));
    for (const name of added) {
      fail(
        `src/schema.ts differs from the migrations in ${migrationsDir}; ` +
          `drizzle-kit would add ${name}:\n\n${readFileSync(join(root, scratchDir, name), 'utf8')}\n` +
          'Write the migration with `npm run db:generate -- --name <what-changed>` and commit it.',
      );
    }
    if (added.length === 0 && process.exitCode !== 1) {
      console.log(`schema drift: none (src/schema.ts matches ${inFolder.length} migrations)`);
    }
  }
} finally {
  if (existsSync(join(root, scratchDir))) rmSync(join(root, scratchDir), { recursive: true, force: true });
}
