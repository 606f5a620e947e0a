import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { governanceBodies, governanceBodyMembers } from './governance.schema.ts';
import { people, units } from './organisation.schema.ts';

export type PersonRow = typeof people.$inferSelect;
/** A person as shown and sent: never the password hash. */
export type Person = Omit<PersonRow, 'passwordHash'> & { hasPassword: boolean };

const personColumns = {
  id: people.id,
  organisationId: people.organisationId,
  name: people.name,
  email: people.email,
  jobTitle: people.jobTitle,
  unitId: people.unitId,
  lineManagerId: people.lineManagerId,
  partnerId: people.partnerId,
  status: people.status,
  leftOn: people.leftOn,
  createdAt: people.createdAt,
  hasPassword: sql<boolean>`(${people.passwordHash} IS NOT NULL)`,
};

export async function listPeople(
  db: Db,
  organisationId: string,
  options: { includeLeft?: boolean } = {},
): Promise<Person[]> {
  return db
    .select(personColumns)
    .from(people)
    .where(
      and(eq(people.organisationId, organisationId), options.includeLeft ? undefined : eq(people.status, 'active')),
    )
    .orderBy(asc(people.name), asc(people.email));
}

export async function findPerson(db: Db, organisationId: string, id: string): Promise<Person | undefined> {
  const rows = await db
    .select(personColumns)
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)));
  return rows[0];
}

/** Emails are unique per organisation, whatever their case. */
export async function findPersonByEmail(db: Db, organisationId: string, email: string): Promise<Person | undefined> {
  const rows = await db
    .select(personColumns)
    .from(people)
    .where(and(eq(people.organisationId, organisationId), sql`lower(${people.email}) = lower(${email})`));
  return rows[0];
}

/** Who manages whom, for the whole organisation: the loop check walks this. */
export async function managementEdges(
  db: Db,
  organisationId: string,
): Promise<{ id: string; lineManagerId: string | null }[]> {
  return db
    .select({ id: people.id, lineManagerId: people.lineManagerId })
    .from(people)
    .where(eq(people.organisationId, organisationId));
}

export async function insertPerson(db: Db, values: typeof people.$inferInsert): Promise<Person> {
  const [row] = await db.insert(people).values(values).returning({ id: people.id });
  if (!row) throw new Error('insert into people returned no row');
  const person = await findPerson(db, values.organisationId, row.id);
  if (!person) throw new Error('inserted person not found');
  return person;
}

export async function updatePerson(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof people.$inferInsert>,
): Promise<Person | undefined> {
  const [row] = await db
    .update(people)
    .set(values)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, id)))
    .returning({ id: people.id });
  return row ? findPerson(db, organisationId, row.id) : undefined;
}

export interface PersonSummary {
  id: string;
  name: string;
  jobTitle: string;
  status: string;
}

export async function directReports(db: Db, organisationId: string, managerId: string): Promise<PersonSummary[]> {
  return db
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.lineManagerId, managerId)))
    .orderBy(asc(people.status), asc(people.name));
}

export async function unitName(db: Db, organisationId: string, unitId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, unitId)));
  return row?.name ?? null;
}

export async function bodiesOfPerson(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<{ id: string; name: string; role: string }[]> {
  return db
    .select({ id: governanceBodies.id, name: governanceBodies.name, role: governanceBodyMembers.role })
    .from(governanceBodyMembers)
    .innerJoin(governanceBodies, eq(governanceBodies.id, governanceBodyMembers.bodyId))
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodyMembers.personId, personId)))
    .orderBy(asc(governanceBodies.name));
}

/** Everyone else in the organisation still working there: the choices of line manager. */
export async function possibleManagers(db: Db, organisationId: string, exceptId?: string): Promise<PersonSummary[]> {
  return db
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, status: people.status })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.status, 'active'),
        exceptId ? ne(people.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(people.name));
}
