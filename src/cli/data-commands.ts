/**
 * Data commands of the CLI: bulk import with a progress bar on stderr, export, and the reminder job.
 *
 *   npm run cli -- import values file.csv --as officer@council.gov.uk [--dry-run] [--organisation slug]
 *   npm run cli -- export values values.xlsx --as officer@council.gov.uk
 *   npm run cli -- reminders [--date 2025-10-22]
 *   npm run cli -- recalculate [--organisation slug]
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../container.ts';
import { IMPORT_KINDS, type ImportKind } from '../modules/imports/domain/index.ts';
import type { Principal } from '../kernel/access/index.ts';
import { recalculateStatuses } from '../modules/performance/index.ts';
import { runReminders } from '../modules/collection/index.ts';
import { CLI_LIMITS, type ImportOptions } from '../modules/imports/index.ts';
import { sayStored } from '../platform/words/index.ts';

export const DATA_USAGE = `  import <measures|breakdowns|targets|values> <file.csv|file.xlsx> --as <email> [--dry-run] [--organisation <slug>]
         [--approve-history] [--acknowledge-warnings]
              Check a file and, unless --dry-run, import it in one transaction (progress on stderr).
              Values land as submitted; --approve-history loads them as your approval of past figures,
              --acknowledge-warnings writes figures the plausibility check warned about.
  export <measures|breakdowns|targets|values> <file.csv|file.xlsx> --as <email> [--organisation <slug>]
              Write the organisation's active measures, breakdown categories, current targets or values to a file.
  reminders [--date YYYY-MM-DD]
              Send the reminder e-mails owed today (or on the date): needs SMTP_HOST.
  recalculate [--organisation <slug>]
              Recompute every measure's current status (the server also does this every six hours).`;

export class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(args: string[], valued: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else flags.set(name, true);
  }
  return { positional, flags };
}

function kindAndFile(parsed: Parsed, command: string): { kind: ImportKind; file: string; format: 'csv' | 'xlsx' } {
  const [kind, file, ...extra] = parsed.positional;
  const importKind = IMPORT_KINDS.find((known) => known === kind);
  if (!importKind) throw new UsageError(`${command}: say what to ${command}: measures, breakdowns, targets or values`);
  if (!file) throw new UsageError(`${command}: give the file name`);
  if (extra.length) throw new UsageError(`${command}: unexpected ${extra.join(' ')}`);
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx')
    throw new UsageError(`${command}: the file must end in .csv or .xlsx, not ${extension || '(nothing)'}`);
  return { kind: importKind, file, format: extension === '.csv' ? 'csv' : 'xlsx' };
}

async function callerFor(deps: Deps, parsed: Parsed): Promise<Principal & { kind: 'person' }> {
  const email = parsed.flags.get('as');
  if (typeof email !== 'string')
    throw new UsageError('Say whose permissions to use with --as <email> (the import is audited under that person)');
  const organisation = parsed.flags.get('organisation');
  const found = await deps.services.importExport.callerByEmail(
    email,
    typeof organisation === 'string' ? organisation : undefined,
  );
  if (!found.ok) throw new UsageError(sayStored(found.error.message));
  const principal = await deps.services.auth.principalFor(found.value);
  if (!principal || principal.kind !== 'person') throw new UsageError(`${email} cannot act: the account is not active`);
  return principal;
}

/** A progress bar on stderr (a line per step when stderr is not a terminal). */
function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
): NonNullable<ImportOptions['onProgress']> & { end(): void } {
  let last = '';
  const draw = (text: string) => {
    if (text === last) return;
    last = text;
    if (stream.isTTY) stream.write(`\r\x1b[2K${text}`);
    else stream.write(`${text}\n`);
  };
  const update = ({ phase, done, total }: { phase: string; done: number; total?: number }) => {
    const count = done.toLocaleString('en-GB');
    if (total === undefined || total === 0) return draw(`${phase}: ${count} rows`);
    const share = Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    draw(`${phase} ${bar} ${Math.round(share * 100)}% ${count} / ${total.toLocaleString('en-GB')}`);
  };
  return Object.assign(update, {
    end() {
      if (stream.isTTY && last) stream.write('\n');
    },
  });
}

export async function runDataCommand(
  name: string,
  args: string[],
  deps: Deps,
): Promise<{ code: number; output: string }> {
  if (name === 'import') {
    const parsed = parseArgs(args, ['as', 'organisation']);
    const { kind, file, format } = kindAndFile(parsed, 'import');
    const caller = await callerFor(deps, parsed);
    let bytes: Buffer;
    try {
      if (statSync(file).size > CLI_LIMITS.maxBytes)
        throw new UsageError(`${file} is larger than ${CLI_LIMITS.maxBytes / 1024 / 1024} MB: split it`);
      bytes = readFileSync(file);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(
        `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`,
      );
    }
    const progress = progressBar();
    const result = await deps.services.importExport.importFile(caller, kind, bytes, {
      format,
      dryRun: parsed.flags.has('dry-run'),
      fileName: path.basename(file),
      approveHistory: parsed.flags.has('approve-history'),
      acknowledgeWarnings: parsed.flags.has('acknowledge-warnings'),
      limits: CLI_LIMITS,
      onProgress: progress,
    });
    progress.end();
    if (!result.ok) return { code: 1, output: sayStored(result.error.message) };
    const report = result.value;
    const lines = [
      `${report.fileName}: ${report.rows.toLocaleString('en-GB')} rows, ${report.created.toLocaleString('en-GB')} new, ${report.updated.toLocaleString('en-GB')} changed, ${report.unchanged.toLocaleString('en-GB')} unchanged.`,
    ];
    if (report.errorCount > 0) {
      lines.push(`${report.errorCount.toLocaleString('en-GB')} problem(s); nothing was imported:`);
      for (const error of report.errors) lines.push(`  line ${error.line}, ${error.column || 'row'}: ${error.message}`);
      if (report.errorCount > report.errors.length)
        lines.push(`  … and ${(report.errorCount - report.errors.length).toLocaleString('en-GB')} more`);
      return { code: 1, output: lines.join('\n') };
    }
    lines.push(
      report.dryRun
        ? 'Dry run: nothing was written.'
        : report.written
          ? 'Imported in one transaction.'
          : 'Nothing to change.',
    );
    return { code: 0, output: lines.join('\n') };
  }
  if (name === 'export') {
    const parsed = parseArgs(args, ['as', 'organisation']);
    const { kind, file, format } = kindAndFile(parsed, 'export');
    const caller = await callerFor(deps, parsed);
    const result = await deps.services.importExport.exportFile(caller, kind, format);
    if (!result.ok) return { code: 1, output: sayStored(result.error.message) };
    writeFileSync(file, result.value.body);
    return { code: 0, output: `Wrote ${file} (${result.value.body.length.toLocaleString('en-GB')} bytes).` };
  }
  if (name === 'reminders') {
    const parsed = parseArgs(args, ['date']);
    if (parsed.positional.length) throw new UsageError(`reminders: unexpected ${parsed.positional.join(' ')}`);
    const date = parsed.flags.get('date');
    if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)))
      throw new UsageError('--date must be a date like 2025-10-22');
    const today = typeof date === 'string' ? date : deps.clock.today();
    const summary = await runReminders(
      {
        db: deps.database.db,
        smtp: deps.config.smtp,
        baseUrl: deps.config.baseUrl,
        log: (line) => process.stderr.write(`${line}\n`),
      },
      today,
    );
    return {
      code: summary.failed > 0 ? 1 : 0,
      output: `Reminders for ${today}: ${summary.sent.length} sent, ${summary.alreadySent} already sent, ${summary.failed} failed.`,
    };
  }
  if (name === 'recalculate') {
    const parsed = parseArgs(args, ['organisation']);
    if (parsed.positional.length) throw new UsageError(`recalculate: unexpected ${parsed.positional.join(' ')}`);
    const slug = parsed.flags.get('organisation');
    if (slug === true) throw new UsageError('--organisation needs a short name');
    try {
      const summary = await recalculateStatuses(
        {
          db: deps.database.db,
          performance: deps.services.performance,
          log: (line) => process.stderr.write(`${line}\n`),
        },
        slug,
      );
      return {
        code: 0,
        output: `Recomputed ${summary.statuses} statuses for ${summary.organisations} organisation${summary.organisations === 1 ? '' : 's'}.`,
      };
    } catch (error) {
      return { code: 1, output: error instanceof Error ? error.message : String(error) };
    }
  }
  throw new UsageError(`Unknown command: ${name}`);
}

export const DATA_COMMANDS = ['import', 'export', 'reminders', 'recalculate'];
