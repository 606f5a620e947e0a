import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { governanceBodies, governanceBodyMembers } from './governance.schema.ts';
import { people } from './organisation.schema.ts';

export type BodyRow = typeof governanceBodies.$inferSelect;

export interface BodySummary extends BodyRow {
  memberCount: number;
}

export interface BodyMember {
  personId: string;
  name: string;
  jobTitle: string;
  status: string;
  role: string;
}

export async function listBodies(db: Db, organisationId: string): Promise<BodySummary[]> {
  const rows = await db
    .select({
      body: governanceBodies,
      memberCount: sql<number>`(SELECT count(*)::int FROM governance_body_members m WHERE m.body_id = ${governanceBodies.id})`,
    })
    .from(governanceBodies)
    .where(eq(governanceBodies.organisationId, organisationId))
    .orderBy(asc(governanceBodies.name));
  return rows.map((row) => ({ ...row.body, memberCount: Number(row.memberCount) }));
}

export async function findBody(db: Db, organisationId: string, id: string): Promise<BodyRow | undefined> {
  const [row] = await db
    .select()
    .from(governanceBodies)
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.id, id)));
  return row;
}

export async function findBodyByName(db: Db, organisationId: string, name: string): Promise<BodyRow | undefined> {
  const [row] = await db
    .select()
    .from(governanceBodies)
    .where(
      and(eq(governanceBodies.organisationId, organisationId), sql`lower(${governanceBodies.name}) = lower(${name})`),
    );
  return row;
}

export async function insertBody(db: Db, values: typeof governanceBodies.$inferInsert): Promise<BodyRow> {
  const [row] = await db.insert(governanceBodies).values(values).returning();
  if (!row) throw new Error('insert into governance_bodies returned no row');
  return row;
}

export async function updateBody(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof governanceBodies.$inferInsert>,
): Promise<BodyRow | undefined> {
  const [row] = await db
    .update(governanceBodies)
    .set(values)
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.id, id)))
    .returning();
  return row;
}

const ROLE_ORDER = sql`CASE ${governanceBodyMembers.role} WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 ELSE 2 END`;

/** Members of a body (the body has been checked to belong to the organisation). */
export async function listMembers(db: Db, organisationId: string, bodyId: string): Promise<BodyMember[]> {
  return db
    .select({
      personId: people.id,
      name: people.name,
      jobTitle: people.jobTitle,
      status: people.status,
      role: governanceBodyMembers.role,
    })
    .from(governanceBodyMembers)
    .innerJoin(people, eq(people.id, governanceBodyMembers.personId))
    .where(and(eq(governanceBodyMembers.bodyId, bodyId), eq(people.organisationId, organisationId)))
    .orderBy(ROLE_ORDER, asc(people.name));
}

export async function insertMember(db: Db, values: typeof governanceBodyMembers.$inferInsert): Promise<void> {
  await db.insert(governanceBodyMembers).values(values);
}

export async function deleteMember(db: Db, bodyId: string, personId: string): Promise<{ role: string } | undefined> {
  const [row] = await db
    .delete(governanceBodyMembers)
    .where(and(eq(governanceBodyMembers.bodyId, bodyId), eq(governanceBodyMembers.personId, personId)))
    .returning({ role: governanceBodyMembers.role });
  return row;
}
