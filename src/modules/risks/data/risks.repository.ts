/**
 * Registers and risks as the pages read them: each risk with its latest assessment (its current
 * position), owner and register; the ratings a heat map counts at a date; a risk's history.
 * Raw queries run on PGlite and PostgreSQL alike (DISTINCT ON, dates compared as dates).
 */
import { and, asc, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { parsedRows } from '../../../platform/db/rows.ts';
import { actions } from '../../actions/index.ts';
import { people, units } from '../../organisation/index.ts';
import { measures } from '../../measures/index.ts';
import { planItems } from '../../plans/index.ts';
import { REGISTER_LEVELS, REVIEW_FREQUENCIES, RISK_STATUSES, RISK_TYPES } from '../domain/index.ts';
import { riskAssessments, riskControls, riskEvents, riskLinks, riskRegisters } from './risks.schema.ts';

const int = z.coerce.number().int();
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10)));

const riskRow = z.object({
  id: z.string(),
  register_id: z.string(),
  register_name: z.string(),
  register_level: z.enum(REGISTER_LEVELS),
  reference: z.string(),
  title: z.string(),
  cause: z.string(),
  event: z.string(),
  effect: z.string(),
  owner_person_id: z.string(),
  owner_name: z.string(),
  owner_status: z.string(),
  type: z.enum(RISK_TYPES),
  category: z.string(),
  review_frequency: z.enum(REVIEW_FREQUENCIES),
  next_review_on: isoDate,
  status: z.enum(RISK_STATUSES),
  closed_reason: z.string().nullable(),
  closed_on: isoDate.nullable(),
  matrix_id: z.string(),
  inherent_likelihood: int,
  inherent_impact: int,
  current_likelihood: int,
  current_impact: int,
  target_likelihood: int,
  target_impact: int,
  assessed_on: isoDate,
});

export interface RiskRow {
  id: string;
  registerId: string;
  registerName: string;
  registerLevel: (typeof REGISTER_LEVELS)[number];
  reference: string;
  title: string;
  cause: string;
  event: string;
  effect: string;
  owner: { id: string; name: string; hasLeft: boolean };
  type: (typeof RISK_TYPES)[number];
  category: string;
  reviewFrequency: (typeof REVIEW_FREQUENCIES)[number];
  nextReviewOn: string;
  status: (typeof RISK_STATUSES)[number];
  closedReason: string | null;
  closedOn: string | null;
  matrixId: string;
  inherent: { likelihood: number; impact: number };
  current: { likelihood: number; impact: number };
  target: { likelihood: number; impact: number };
  assessedOn: string;
}

function toRisk(r: z.output<typeof riskRow>): RiskRow {
  return {
    id: r.id,
    registerId: r.register_id,
    registerName: r.register_name,
    registerLevel: r.register_level,
    reference: r.reference,
    title: r.title,
    cause: r.cause,
    event: r.event,
    effect: r.effect,
    owner: { id: r.owner_person_id, name: r.owner_name, hasLeft: r.owner_status !== 'active' },
    type: r.type,
    category: r.category,
    reviewFrequency: r.review_frequency,
    nextReviewOn: r.next_review_on,
    status: r.status,
    closedReason: r.closed_reason,
    closedOn: r.closed_on,
    matrixId: r.matrix_id,
    inherent: { likelihood: r.inherent_likelihood, impact: r.inherent_impact },
    current: { likelihood: r.current_likelihood, impact: r.current_impact },
    target: { likelihood: r.target_likelihood, impact: r.target_impact },
    assessedOn: r.assessed_on,
  };
}

/** The council's risks (of one register, or one risk) with their latest assessment. */
export async function loadRisks(
  db: Db,
  organisationId: string,
  filter: { registerId?: string; riskId?: string } = {},
): Promise<RiskRow[]> {
  const result = await db.execute(sql`
    SELECT r.id, r.register_id, g.name AS register_name, g.level AS register_level, r.reference, r.title,
           r.cause, r.event, r.effect, r.owner_person_id, p.name AS owner_name, p.status AS owner_status,
           r.type, r.category, r.review_frequency, r.next_review_on, r.status, r.closed_reason, r.closed_on,
           a.matrix_id, a.inherent_likelihood, a.inherent_impact, a.current_likelihood, a.current_impact,
           a.target_likelihood, a.target_impact, a.assessed_on
      FROM risks r
      JOIN risk_registers g ON g.id = r.register_id
      JOIN people p ON p.id = r.owner_person_id
      JOIN (
        SELECT DISTINCT ON (risk_id) *
          FROM risk_assessments
         WHERE organisation_id = ${organisationId}
         ORDER BY risk_id, assessed_at DESC, id DESC
      ) a ON a.risk_id = r.id
     WHERE r.organisation_id = ${organisationId}
       ${filter.registerId ? sql`AND r.register_id = ${filter.registerId}` : sql``}
       ${filter.riskId ? sql`AND r.id = ${filter.riskId}` : sql``}
     ORDER BY r.reference`);
  return parsedRows(riskRow, result).map(toRisk);
}

const ratingRow = z.object({ likelihood: int, impact: int, n: int });

/**
 * How many of a register's risks were in each cell on a date: each risk's latest assessment made
 * on or before it, for risks open then (not yet closed, and created by then). The risk's current
 * register is the one counted: an escalated risk moves its history with it.
 */
export async function ratingsAt(db: Db, organisationId: string, registerId: string, onDate: string) {
  const result = await db.execute(sql`
    SELECT a.current_likelihood AS likelihood, a.current_impact AS impact, count(*) AS n
      FROM risks r
      JOIN (
        SELECT DISTINCT ON (risk_id) risk_id, current_likelihood, current_impact
          FROM risk_assessments
         WHERE organisation_id = ${organisationId} AND assessed_on <= ${onDate}::date
         ORDER BY risk_id, assessed_on DESC, assessed_at DESC, id DESC
      ) a ON a.risk_id = r.id
     WHERE r.organisation_id = ${organisationId} AND r.register_id = ${registerId}
       AND (r.closed_on IS NULL OR r.closed_on > ${onDate}::date)
     GROUP BY a.current_likelihood, a.current_impact`);
  return parsedRows(ratingRow, result).flatMap((row) =>
    Array.from({ length: row.n }, () => ({ likelihood: row.likelihood, impact: row.impact })),
  );
}

export async function listRegisters(db: Db, organisationId: string) {
  return db
    .select({
      id: riskRegisters.id,
      name: riskRegisters.name,
      level: riskRegisters.level,
      unitId: riskRegisters.unitId,
      unitName: units.name,
      ownerPersonId: riskRegisters.ownerPersonId,
      ownerName: people.name,
      description: riskRegisters.description,
    })
    .from(riskRegisters)
    .innerJoin(units, eq(units.id, riskRegisters.unitId))
    .innerJoin(people, eq(people.id, riskRegisters.ownerPersonId))
    .where(eq(riskRegisters.organisationId, organisationId))
    .orderBy(asc(riskRegisters.name));
}

export type RegisterRow = Awaited<ReturnType<typeof listRegisters>>[number];

export async function findRegister(db: Db, organisationId: string, id: string): Promise<RegisterRow | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const rows = await listRegisters(db, organisationId);
  return rows.find((r) => r.id === id) ?? null;
}

export async function loadControls(db: Db, organisationId: string, riskId: string) {
  return db
    .select({
      id: riskControls.id,
      description: riskControls.description,
      ownerPersonId: riskControls.ownerPersonId,
      ownerName: people.name,
      effectiveness: riskControls.effectiveness,
    })
    .from(riskControls)
    .innerJoin(people, eq(people.id, riskControls.ownerPersonId))
    .where(and(eq(riskControls.organisationId, organisationId), eq(riskControls.riskId, riskId)))
    .orderBy(asc(riskControls.createdAt), asc(riskControls.id));
}

export async function loadAssessments(db: Db, organisationId: string, riskId: string) {
  return db
    .select()
    .from(riskAssessments)
    .where(and(eq(riskAssessments.organisationId, organisationId), eq(riskAssessments.riskId, riskId)))
    .orderBy(desc(riskAssessments.assessedAt), desc(riskAssessments.id));
}

export async function loadEvents(db: Db, organisationId: string, riskId: string) {
  return db
    .select()
    .from(riskEvents)
    .where(and(eq(riskEvents.organisationId, organisationId), eq(riskEvents.riskId, riskId)))
    .orderBy(desc(riskEvents.at));
}

export async function loadLinks(db: Db, organisationId: string, riskId: string) {
  const linked = and(eq(riskLinks.organisationId, organisationId), eq(riskLinks.riskId, riskId));
  const [items, linkedMeasures, linkedActions] = await Promise.all([
    db
      .select({ id: planItems.id, code: planItems.code, title: planItems.title })
      .from(riskLinks)
      .innerJoin(planItems, eq(planItems.id, riskLinks.itemId))
      .where(linked)
      .orderBy(asc(planItems.code)),
    db
      .select({ id: measures.id, code: measures.code, title: measures.title })
      .from(riskLinks)
      .innerJoin(measures, eq(measures.id, riskLinks.measureId))
      .where(linked)
      .orderBy(asc(measures.code)),
    db
      .select({ id: actions.id, code: actions.code, title: actions.title })
      .from(riskLinks)
      .innerJoin(actions, eq(actions.id, riskLinks.actionId))
      .where(linked)
      .orderBy(asc(actions.code)),
  ]);
  return { items, measures: linkedMeasures, actions: linkedActions };
}

/** How many of the ids are the council's own plan items, measures and actions (another council's are not). */
export async function countOwnLinks(
  db: Db,
  organisationId: string,
  ids: { itemIds: string[]; measureIds: string[]; actionIds: string[] },
) {
  const own = async (table: typeof planItems | typeof measures | typeof actions, wanted: string[]) =>
    wanted.length
      ? (
          await db
            .select({ id: table.id })
            .from(table)
            .where(and(eq(table.organisationId, organisationId), inArray(table.id, wanted)))
        ).length
      : 0;
  const [items, found, actionCount] = await Promise.all([
    own(planItems, ids.itemIds),
    own(measures, ids.measureIds),
    own(actions, ids.actionIds),
  ]);
  return { items, measures: found, actions: actionCount };
}

/** The council's plan items, measures and actions whose code or title holds the words, a few of each, for the link picker. */
export async function searchLinkable(db: Db, organisationId: string, words: string, limit: number) {
  const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const find = (table: typeof planItems | typeof measures | typeof actions) =>
    db
      .select({ id: table.id, code: table.code, title: table.title })
      .from(table)
      .where(and(eq(table.organisationId, organisationId), or(ilike(table.code, pattern), ilike(table.title, pattern))))
      .orderBy(asc(table.code))
      .limit(limit);
  const [items, found, foundActions] = await Promise.all([find(planItems), find(measures), find(actions)]);
  return { items, measures: found, actions: foundActions };
}

/** The open risks that concern a plan item, measure or action, with their latest current rating and matrix. */
export async function risksConcerning(
  db: Db,
  organisationId: string,
  about: { itemId?: string; measureId?: string; actionId?: string },
) {
  const column = about.itemId
    ? sql`l.item_id = ${about.itemId}`
    : about.measureId
      ? sql`l.measure_id = ${about.measureId}`
      : sql`l.action_id = ${about.actionId ?? null}`;
  const result = await db.execute(sql`
    SELECT DISTINCT r.id, r.reference, r.title, g.name AS register_name, a.matrix_id,
           a.current_likelihood, a.current_impact
      FROM risk_links l
      JOIN risks r ON r.id = l.risk_id AND r.status = 'open'
      JOIN risk_registers g ON g.id = r.register_id
      JOIN (
        SELECT DISTINCT ON (risk_id) risk_id, matrix_id, current_likelihood, current_impact
          FROM risk_assessments
         WHERE organisation_id = ${organisationId}
         ORDER BY risk_id, assessed_at DESC, id DESC
      ) a ON a.risk_id = r.id
     WHERE l.organisation_id = ${organisationId} AND ${column}
     ORDER BY r.reference`);
  return parsedRows(concerningRow, result);
}

const concerningRow = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  register_name: z.string(),
  matrix_id: z.string(),
  current_likelihood: int,
  current_impact: int,
});

export async function findPerson(db: Db, organisationId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, status: people.status, email: people.email })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  return row ?? null;
}

export async function findUnit(db: Db, organisationId: string, unitId: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, unitId)));
  return row ?? null;
}

/** People and units to choose from in forms: active people, active units. */
export async function loadChoices(db: Db, organisationId: string) {
  const [activePeople, activeUnits] = await Promise.all([
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.status, 'active')))
      .orderBy(asc(people.name)),
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.organisationId, organisationId), eq(units.active, true)))
      .orderBy(asc(units.name)),
  ]);
  return { people: activePeople, units: activeUnits };
}
