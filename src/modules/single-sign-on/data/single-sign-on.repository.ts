/** SQL for the council's provider, its claim mappings and the identities it has signed in; every query keyed by council. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES } from '../../../kernel/access/index.ts';
import type { Db } from '../../../platform/db/db.ts';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { people, units } from '../../organisation/index.ts';
import { singleSignOnIdentities, singleSignOnMappings, singleSignOnProviders } from './single-sign-on.schema.ts';

export type ProviderRow = typeof singleSignOnProviders.$inferSelect;

const mappingRow = z.object({
  id: z.string(),
  claimValue: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type MappingRow = z.infer<typeof mappingRow>;

export async function findProvider(db: Db, organisationId: string): Promise<ProviderRow | undefined> {
  const [row] = await db
    .select()
    .from(singleSignOnProviders)
    .where(eq(singleSignOnProviders.organisationId, organisationId));
  return row;
}

/** A provider by its own id, for the sign-in button: the council is whichever it belongs to. */
export async function findProviderById(db: Db, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(singleSignOnProviders).where(eq(singleSignOnProviders.id, id));
  return row;
}

/** Every council's provider, for the sign-in page's buttons: the council's name and the provider's. */
export function listProvidersForSignIn(db: Db) {
  return db
    .select({
      id: singleSignOnProviders.id,
      displayName: singleSignOnProviders.displayName,
      organisationName: organisations.name,
    })
    .from(singleSignOnProviders)
    .innerJoin(organisations, eq(organisations.id, singleSignOnProviders.organisationId))
    .orderBy(asc(organisations.name));
}

export async function saveProvider(
  db: Db,
  values: Omit<typeof singleSignOnProviders.$inferInsert, 'id'> & { organisationId: string },
): Promise<ProviderRow> {
  const [row] = await db
    .insert(singleSignOnProviders)
    .values(values)
    .onConflictDoUpdate({
      target: singleSignOnProviders.organisationId,
      set: {
        displayName: values.displayName,
        issuer: values.issuer,
        clientId: values.clientId,
        sealedClientSecret: values.sealedClientSecret,
        claim: values.claim,
        updatedAt: values.updatedAt,
      },
    })
    .returning();
  return row!;
}

export async function listMappings(db: Db, organisationId: string): Promise<MappingRow[]> {
  const rows = await db
    .select({
      id: singleSignOnMappings.id,
      claimValue: singleSignOnMappings.claimValue,
      role: singleSignOnMappings.role,
      unitId: singleSignOnMappings.unitId,
      unitName: units.name,
    })
    .from(singleSignOnMappings)
    .leftJoin(units, eq(units.id, singleSignOnMappings.unitId))
    .where(eq(singleSignOnMappings.organisationId, organisationId))
    .orderBy(asc(singleSignOnMappings.claimValue), asc(singleSignOnMappings.role));
  return rows.map((row) => mappingRow.parse(row));
}

export async function insertMapping(
  db: Db,
  values: { organisationId: string; claimValue: string; role: (typeof ROLES)[number]; unitId: string | null },
): Promise<string> {
  const [row] = await db.insert(singleSignOnMappings).values(values).returning({ id: singleSignOnMappings.id });
  return row!.id;
}

export async function deleteMapping(db: Db, organisationId: string, id: string): Promise<MappingRow | undefined> {
  const [row] = await db
    .delete(singleSignOnMappings)
    .where(and(eq(singleSignOnMappings.organisationId, organisationId), eq(singleSignOnMappings.id, id)))
    .returning();
  return row ? mappingRow.parse({ ...row, unitName: null }) : undefined;
}

export async function unitBelongs(db: Db, organisationId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.id, unitId)));
  return Boolean(row);
}

export async function findIdentity(db: Db, organisationId: string, issuer: string, subject: string) {
  const [row] = await db
    .select({ personId: singleSignOnIdentities.personId, status: people.status })
    .from(singleSignOnIdentities)
    .innerJoin(people, eq(people.id, singleSignOnIdentities.personId))
    .where(
      and(
        eq(singleSignOnIdentities.organisationId, organisationId),
        eq(singleSignOnIdentities.issuer, issuer),
        eq(singleSignOnIdentities.subject, subject),
      ),
    );
  return row;
}

/** Whether the person signed in through the council's provider (their roles then come from it). */
export async function identityOf(db: Db, organisationId: string, personId: string) {
  const [row] = await db
    .select({ issuer: singleSignOnIdentities.issuer })
    .from(singleSignOnIdentities)
    .where(
      and(eq(singleSignOnIdentities.organisationId, organisationId), eq(singleSignOnIdentities.personId, personId)),
    );
  return row;
}

/**
 * Makes the sign-ins of one provider subject take turns until the end of the transaction, so the
 * second of two that arrive at once finds the account the first made instead of making another.
 * Keyed by a hash: two subjects that share it only wait for one another.
 */
export async function takeTurnsForSubject(db: Db, organisationId: string, issuer: string, subject: string) {
  const key = JSON.stringify(['single-sign-on', organisationId, issuer, subject]);
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function personWithEmail(db: Db, organisationId: string, email: string) {
  const [row] = await db
    .select({ id: people.id, hasPassword: sql<boolean>`${people.passwordHash} is not null` })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), sql`lower(${people.email}) = lower(${email})`));
  return row;
}

/**
 * The new person's id; null when the address was taken meanwhile by an account another transaction
 * has just made (the unique address index, waited on rather than failed).
 */
export async function insertPerson(
  db: Db,
  values: { organisationId: string; name: string; email: string; unitId: string | null },
): Promise<string | null> {
  const [row] = await db.insert(people).values(values).onConflictDoNothing().returning({ id: people.id });
  return row?.id ?? null;
}

export async function updatePerson(
  db: Db,
  organisationId: string,
  personId: string,
  values: { name: string; email: string },
) {
  await db
    .update(people)
    .set(values)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
}

export async function insertIdentity(
  db: Db,
  values: { organisationId: string; issuer: string; subject: string; personId: string; lastSignedInAt: Date },
) {
  await db.insert(singleSignOnIdentities).values(values);
}

export async function touchIdentity(db: Db, organisationId: string, personId: string, at: Date) {
  await db
    .update(singleSignOnIdentities)
    .set({ lastSignedInAt: at })
    .where(
      and(eq(singleSignOnIdentities.organisationId, organisationId), eq(singleSignOnIdentities.personId, personId)),
    );
}

/** The council's top unit, where a new account is placed until someone moves it. */
export async function rootUnitOf(db: Db, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), isNull(units.parentId)))
    .orderBy(asc(units.createdAt))
    .limit(1);
  return row?.id ?? null;
}
