/**
 * `verify-audit`: checks each organisation's audit hash chain and names the first broken link.
 *
 *   npm run cli -- verify-audit [--organisation <slug>]
 */
import type { Deps } from '../container.ts';
import { type ChainProblem, type ChainReport, verifyAuditChains } from '../platform/audit/chain.ts';
import { parseArgs, UsageError } from './data-commands.ts';

export const AUDIT_USAGE = `  verify-audit [--organisation <slug>]
              Check the audit trail's hash chain: names the first row where it breaks, or says it is whole
              (exit code 1 when broken). Note the last hash it prints to tell later if rows were removed from the end.`;

const PROBLEMS: Record<ChainProblem, string> = {
  'hash-mismatch': 'the row no longer matches its hash (it was changed after it was written)',
  'broken-link': 'the row does not follow the one before it (a row was removed or put in)',
  'missing-rows': 'rows before it are missing',
};

export function describeChain(report: ChainReport): string {
  const rows = `${report.rows.toLocaleString('en-GB')} row${report.rows === 1 ? '' : 's'}`;
  if (!report.firstBreak) return `${report.slug}: the chain is whole (${rows}, last hash ${report.headHash}).`;
  const { id, at, chainSeq, problem } = report.firstBreak;
  return `${report.slug}: the chain is broken at audit row ${id} (written ${at.toISOString()}, position ${chainSeq}): ${PROBLEMS[problem]}.`;
}

export async function verifyAuditCommand(args: string[], deps: Deps): Promise<{ code: number; output: string }> {
  const parsed = parseArgs(args, ['organisation']);
  if (parsed.positional.length) throw new UsageError(`verify-audit: unexpected ${parsed.positional.join(' ')}`);
  const slug = parsed.flags.get('organisation');
  const reports = await verifyAuditChains(deps.database.db, typeof slug === 'string' ? slug : undefined);
  if (reports === null) return { code: 1, output: `No organisation has the short name ${String(slug)}.` };
  if (reports.length === 0) return { code: 0, output: 'There are no organisations, so no audit trail to check.' };
  return { code: reports.some((report) => report.firstBreak) ? 1 : 0, output: reports.map(describeChain).join('\n') };
}
