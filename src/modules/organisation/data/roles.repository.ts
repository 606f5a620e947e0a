import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { partners, people, units } from './organisation.schema.ts';
import { roleAssignments } from './access.schema.ts';

export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;

export interface RoleAssignmentDetail extends RoleAssignmentRow {
  unitName: string | null;
  partnerName: string | null;
  grantedByName: string | null;
}

export async function listAssignmentsOfPerson(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<RoleAssignmentDetail[]> {
  const rows = await db
    .select({
      assignment: roleAssignments,
      unitName: units.name,
      partnerName: partners.name,
      grantedByName: people.name,
    })
    .from(roleAssignments)
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .leftJoin(partners, eq(partners.id, roleAssignments.partnerId))
    .leftJoin(people, eq(people.id, roleAssignments.grantedBy))
    .where(and(eq(roleAssignments.organisationId, organisationId), eq(roleAssignments.personId, personId)))
    .orderBy(desc(roleAssignments.grantedAt));
  return rows.map((row) => ({
    ...row.assignment,
    unitName: row.unitName,
    partnerName: row.partnerName,
    grantedByName: row.grantedByName,
  }));
}

export async function findAssignment(
  db: Db,
  organisationId: string,
  personId: string,
  id: string,
): Promise<RoleAssignmentRow | undefined> {
  const [row] = await db
    .select()
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.organisationId, organisationId),
        eq(roleAssignments.personId, personId),
        eq(roleAssignments.id, id),
      ),
    );
  return row;
}

export async function activeAssignmentsOfPerson(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<RoleAssignmentRow[]> {
  return db
    .select()
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.organisationId, organisationId),
        eq(roleAssignments.personId, personId),
        isNull(roleAssignments.endedAt),
      ),
    );
}

export async function insertAssignment(
  db: Db,
  values: typeof roleAssignments.$inferInsert,
): Promise<RoleAssignmentRow> {
  const [row] = await db.insert(roleAssignments).values(values).returning();
  if (!row) throw new Error('insert into role_assignments returned no row');
  return row;
}

/** Ends an assignment that is still in force; returns nothing if it had already ended. */
export async function endAssignment(
  db: Db,
  organisationId: string,
  id: string,
  at: Date,
): Promise<RoleAssignmentRow | undefined> {
  const [row] = await db
    .update(roleAssignments)
    .set({ endedAt: at })
    .where(
      and(
        eq(roleAssignments.organisationId, organisationId),
        eq(roleAssignments.id, id),
        isNull(roleAssignments.endedAt),
      ),
    )
    .returning();
  return row;
}

/**
 * The council's administrators for the whole organisation still in force, held by people still
 * active, locked until the transaction ends: two changes made at once cannot each leave the other
 * administrator as the last one and so leave none.
 */
export async function lockCouncilAdministrators(
  db: Db,
  organisationId: string,
): Promise<{ assignmentId: string; personId: string }[]> {
  return db
    .select({ assignmentId: roleAssignments.id, personId: roleAssignments.personId })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        eq(roleAssignments.organisationId, organisationId),
        eq(roleAssignments.role, 'administrator'),
        isNull(roleAssignments.unitId),
        isNull(roleAssignments.endedAt),
        eq(people.status, 'active'),
      ),
    )
    .for('update', { of: roleAssignments });
}
