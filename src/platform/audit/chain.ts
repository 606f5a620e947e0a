/**
 * Checks the audit trail's hash chain (docs/decisions/0014-audit-hash-chain.md). The database
 * writes the chain (a trigger); this reads it back and recomputes each hash here, in Node, from the
 * row's canonical form, so a row edited behind the app's back, a row removed from the middle or a
 * chain re-linked around a removed row is found, with the first row where the chain breaks.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { parsedRows } from '../db/rows.ts';

/** The previous hash of an organisation's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Rows read at a time, so that a long trail is checked in bounded memory. */
const BATCH = 2_000;

export type ChainProblem =
  /** The row's stored hash is not the hash of what the row now says: the row was edited. */
  | 'hash-mismatch'
  /** The row's previous hash is not the hash of the row before it: a row was removed or inserted. */
  | 'broken-link'
  /** The row's position does not follow the row before it: rows were removed. */
  | 'missing-rows';

export interface ChainBreak {
  id: number;
  at: Date;
  chainSeq: number;
  problem: ChainProblem;
}

export interface ChainReport {
  organisationId: string;
  slug: string;
  rows: number;
  /** The first break in the organisation's chain, or null when the chain is whole. */
  firstBreak: ChainBreak | null;
  /**
   * The hash of the last row checked: an auditor who notes it down can later tell that rows were
   * removed from the end, or the whole chain rewritten, which the chain alone cannot show.
   */
  headHash: string;
}

const chainRow = z.object({
  id: z.coerce.number(),
  at: z.coerce.date(),
  chain_seq: z.coerce.number(),
  prev_hash: z.string(),
  hash: z.string(),
  canonical: z.string(),
});

const organisationRow = z.object({ organisationId: z.string(), slug: z.string() });

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Walks one organisation's chain in order and stops at the first break. */
async function verifyOrganisation(
  db: Db,
  organisation: { organisationId: string; slug: string },
): Promise<ChainReport> {
  let previousHash = GENESIS_HASH;
  let previousSeq = 0;
  let rows = 0;
  for (;;) {
    const batch = parsedRows(
      chainRow,
      await db.execute(sql`
        SELECT id, at, chain_seq, prev_hash, hash, audit_event_canonical(e) AS canonical
          FROM audit_events e
         WHERE organisation_id = ${organisation.organisationId} AND chain_seq > ${previousSeq}
         ORDER BY chain_seq
         LIMIT ${BATCH}`),
    );
    for (const row of batch) {
      rows += 1;
      const at = { id: row.id, at: row.at, chainSeq: row.chain_seq };
      const problem: ChainProblem | null =
        row.chain_seq !== previousSeq + 1
          ? 'missing-rows'
          : row.prev_hash !== previousHash
            ? 'broken-link'
            : sha256Hex(row.canonical) !== row.hash
              ? 'hash-mismatch'
              : null;
      if (problem) return { ...organisation, rows, firstBreak: { ...at, problem }, headHash: previousHash };
      previousHash = row.hash;
      previousSeq = row.chain_seq;
    }
    if (batch.length < BATCH) return { ...organisation, rows, firstBreak: null, headHash: previousHash };
  }
}

/** Every organisation's chain, or the one with this short name (slug); null when no organisation has it. */
export async function verifyAuditChains(db: Db, slug?: string): Promise<ChainReport[] | null> {
  const organisations = parsedRows(
    organisationRow,
    await db.execute(
      slug === undefined
        ? sql`SELECT id::text AS "organisationId", slug FROM organisations ORDER BY slug`
        : sql`SELECT id::text AS "organisationId", slug FROM organisations WHERE slug = ${slug}`,
    ),
  );
  if (slug !== undefined && organisations.length === 0) return null;
  const reports: ChainReport[] = [];
  for (const organisation of organisations) reports.push(await verifyOrganisation(db, organisation));
  return reports;
}
