/**
 * Reads and writes for who signs values off: the council's chain and who may take each step
 * (kept in collection_rules), the facts a step is decided on (the measure's unit chain with its
 * heads, the person's governance bodies), and the values waiting for a sign-off step.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { parsedRows } from '../../../platform/db/rows.ts';
import { collectionRules } from '../../measures/index.ts';
import { governanceBodies, governanceBodyMembers } from '../../organisation/index.ts';
import { DEFAULT_SIGN_OFF_CHAIN, SIGN_OFF_CHAINS, type SignOffChain } from '../domain/workflow.ts';
import { DEFAULT_SIGN_OFF_WHO, storedWhoRule, type SignOffWho } from '../domain/sign-off-who.ts';

export interface SignOffSettings {
  chain: SignOffChain;
  who: SignOffWho;
}

/** The council's chain and who takes each step (the defaults when it has no rule row). */
export async function signOffSettingsFor(db: Db, organisationId: string): Promise<SignOffSettings> {
  const [row] = await db.select().from(collectionRules).where(eq(collectionRules.organisationId, organisationId));
  return signOffSettingsOf(row);
}

/** The sign-off settings a collection rule row holds (the defaults for none). */
export function signOffSettingsOf(row: typeof collectionRules.$inferSelect | undefined): SignOffSettings {
  if (!row) return { chain: DEFAULT_SIGN_OFF_CHAIN, who: DEFAULT_SIGN_OFF_WHO };
  const chain = (SIGN_OFF_CHAINS as readonly string[]).includes(row.signOffChain)
    ? (row.signOffChain as SignOffChain)
    : DEFAULT_SIGN_OFF_CHAIN;
  return {
    chain,
    who: {
      verify: storedWhoRule('verify', row.verifyWho, row.verifyRole, row.verifyBodyId),
      approve: storedWhoRule('approve', row.approveWho, row.approveRole, row.approveBodyId),
    },
  };
}

/** Saves the chain and both steps' rules, creating the rule row (other settings at their defaults). */
export async function saveSignOffSettings(
  db: Db,
  organisationId: string,
  settings: SignOffSettings,
  by: string,
): Promise<void> {
  const values = {
    signOffChain: settings.chain,
    verifyWho: settings.who.verify.who,
    verifyRole: settings.who.verify.role,
    verifyBodyId: settings.who.verify.bodyId,
    approveWho: settings.who.approve.who,
    approveRole: settings.who.approve.role,
    approveBodyId: settings.who.approve.bodyId,
    updatedBy: by,
  };
  await db
    .insert(collectionRules)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({
      target: collectionRules.organisationId,
      set: { ...values, rowVersion: sql`${collectionRules.rowVersion} + 1`, updatedAt: sql`now()` },
    });
}

/** The council's governance bodies, by name (the body a step may be given to). */
export async function bodiesOf(db: Db, organisationId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: governanceBodies.id, name: governanceBodies.name })
    .from(governanceBodies)
    .where(eq(governanceBodies.organisationId, organisationId))
    .orderBy(asc(governanceBodies.name));
}

/** The council's governance bodies the person is a member of. */
export async function bodyIdsOfMember(db: Db, organisationId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ id: governanceBodies.id })
    .from(governanceBodyMembers)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceBodyMembers.bodyId))
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodyMembers.personId, personId)));
  return rows.map((row) => row.id);
}

const split = (list: string | null) => (list ? list.split(',') : []);
const heads = (list: string | null) => split(list).map((head) => (head === '-' ? null : head));

const chainRow = z.object({ ids: z.string().nullable(), heads: z.string().nullable() });

/** The unit first, then each unit above it, with each one's head (null where none is named). */
export async function unitChainWithHeads(
  db: Db,
  organisationId: string,
  unitId: string | null,
): Promise<{ ancestry: string[]; heads: (string | null)[] }> {
  if (unitId === null) return { ancestry: [], heads: [] };
  const [row] = parsedRows(
    chainRow,
    await db.execute(sql`
      WITH RECURSIVE chain(id, parent_id, head, depth) AS (
        SELECT id, parent_id, head_person_id, 0 FROM units WHERE id = ${unitId} AND organisation_id = ${organisationId}
        UNION ALL
        SELECT u.id, u.parent_id, u.head_person_id, c.depth + 1 FROM units u JOIN chain c ON u.id = c.parent_id
        WHERE c.depth < 100
      )
      SELECT string_agg(id::text, ',' ORDER BY depth) AS ids,
             string_agg(coalesce(head::text, '-'), ',' ORDER BY depth) AS heads
      FROM chain`),
  );
  return { ancestry: split(row?.ids ?? null), heads: heads(row?.heads ?? null) };
}

const instant = z.union([z.string(), z.date()]).transform((value) => new Date(value).toISOString());

const waitingRow = z.object({
  value_id: z.string(),
  measure_id: z.string(),
  period_key: z.string(),
  status: z.enum(['submitted', 'verified']),
  value: z.number().nullable(),
  waiting_since: instant,
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  decimal_places: z.number(),
  verifier_person_id: z.string().nullable(),
  unit_ids: z.string().nullable(),
  unit_heads: z.string().nullable(),
  entered_by: z.string().nullable(),
  entered_by_name: z.string().nullable(),
  verified_by: z.string().nullable(),
  breakdown_id: z.string().nullable(),
  breakdown_dimension: z.string().nullable(),
  breakdown_label: z.string().nullable(),
});

export interface WaitingValue {
  valueId: string;
  measureId: string;
  periodKey: string;
  status: 'submitted' | 'verified';
  value: number | null;
  /** When the value reached its status (submitted or verified): the oldest waits longest. */
  waitingSince: string;
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  verifierPersonId: string | null;
  unitAncestry: string[];
  unitHeads: (string | null)[];
  enteredBy: string | null;
  enteredByName: string | null;
  verifiedBy: string | null;
  /** The breakdown category (a ward, an age group) the value is for; null for the whole measure. */
  breakdown: { id: string; dimension: string; label: string } | null;
}

/**
 * Every value of the council waiting for a sign-off step (submitted or verified), the whole
 * measure's and each breakdown category's (which are signed off on their own, as rows of their own),
 * oldest first, in one query: with its measure, the measure's unit chain and heads, and who last
 * entered and who verified it (the separation-of-duties facts). The service keeps those the
 * person may take the next step on; the units' chains are worked out once for the whole council.
 */
export async function waitingValues(db: Db, organisationId: string): Promise<WaitingValue[]> {
  const rows = parsedRows(
    waitingRow,
    await db.execute(sql`
      WITH RECURSIVE chain(start_id, id, parent_id, head, depth) AS (
        SELECT id, id, parent_id, head_person_id, 0 FROM units WHERE organisation_id = ${organisationId}
        UNION ALL
        SELECT c.start_id, u.id, u.parent_id, u.head_person_id, c.depth + 1
        FROM units u JOIN chain c ON u.id = c.parent_id WHERE c.depth < 100
      ),
      unit_chains AS (
        SELECT start_id,
               string_agg(id::text, ',' ORDER BY depth) AS unit_ids,
               string_agg(coalesce(head::text, '-'), ',' ORDER BY depth) AS unit_heads
        FROM chain GROUP BY start_id
      )
      SELECT v.id AS value_id, v.measure_id, v.period_key, v.status, v.value, v.updated_at AS waiting_since,
             m.code, m.title, m.unit, m.decimal_places, m.verifier_person_id,
             uc.unit_ids, uc.unit_heads,
             entered.actor_person_id AS entered_by, entered.name AS entered_by_name,
             verified.actor_person_id AS verified_by,
             b.id AS breakdown_id, b.dimension AS breakdown_dimension, b.label AS breakdown_label
      FROM measure_values v
      JOIN measures m ON m.id = v.measure_id AND m.organisation_id = v.organisation_id
      LEFT JOIN measure_breakdowns b ON b.id = v.breakdown_id AND b.organisation_id = v.organisation_id
      LEFT JOIN unit_chains uc ON uc.start_id = m.owner_unit_id
      LEFT JOIN LATERAL (
        SELECT e.actor_person_id, p.name FROM measure_value_events e
        LEFT JOIN people p ON p.id = e.actor_person_id
        WHERE e.value_id = v.id AND e.organisation_id = v.organisation_id
          AND e.action IN ('create', 'edit', 'submit', 'import')
        ORDER BY e.id DESC LIMIT 1
      ) entered ON true
      LEFT JOIN LATERAL (
        SELECT e.actor_person_id FROM measure_value_events e
        WHERE e.value_id = v.id AND e.organisation_id = v.organisation_id AND e.action = 'verify'
        ORDER BY e.id DESC LIMIT 1
      ) verified ON true
      WHERE v.organisation_id = ${organisationId}
        AND v.status IN ('submitted', 'verified')
      ORDER BY v.updated_at, m.code, v.period_key, b.dimension NULLS FIRST, b.position`),
  );
  return rows.map((row) => ({
    valueId: row.value_id,
    measureId: row.measure_id,
    periodKey: row.period_key,
    status: row.status,
    value: row.value,
    waitingSince: row.waiting_since,
    code: row.code,
    title: row.title,
    unit: row.unit,
    decimalPlaces: row.decimal_places,
    verifierPersonId: row.verifier_person_id,
    unitAncestry: split(row.unit_ids),
    unitHeads: heads(row.unit_heads),
    enteredBy: row.entered_by,
    enteredByName: row.entered_by_name,
    verifiedBy: row.verified_by,
    breakdown:
      row.breakdown_id === null
        ? null
        : { id: row.breakdown_id, dimension: row.breakdown_dimension ?? '', label: row.breakdown_label ?? '' },
  }));
}

const personFactsRow = z.object({
  named_verifier: z.boolean(),
  unit_head: z.boolean(),
  body_ids: z.string().nullable(),
});

/**
 * Whether the person is a named verifier of any of the council's measures, heads any of its
 * units, and which of its bodies they sit on: one query, however many measures the council has.
 */
export async function personSignOffFacts(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<{ namedVerifier: boolean; unitHead: boolean; bodyIds: string[] }> {
  const [row] = parsedRows(
    personFactsRow,
    await db.execute(sql`
      SELECT
        EXISTS (SELECT 1 FROM measures WHERE organisation_id = ${organisationId} AND verifier_person_id = ${personId}) AS named_verifier,
        EXISTS (SELECT 1 FROM units WHERE organisation_id = ${organisationId} AND head_person_id = ${personId}) AS unit_head,
        (SELECT string_agg(b.id::text, ',') FROM governance_body_members gm
           JOIN governance_bodies b ON b.id = gm.body_id
           WHERE b.organisation_id = ${organisationId} AND gm.person_id = ${personId}) AS body_ids`),
  );
  return {
    namedVerifier: row?.named_verifier ?? false,
    unitHead: row?.unit_head ?? false,
    bodyIds: split(row?.body_ids ?? null),
  };
}
