import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import { people, portfolios, portfolioUnits, units } from './organisation.schema.ts';

export type PortfolioRow = typeof portfolios.$inferSelect;

export interface PortfolioSummary extends PortfolioRow {
  holderName: string | null;
  unitCount: number;
}

export interface PortfolioDetail extends PortfolioRow {
  holderName: string | null;
  units: { id: string; code: string; name: string }[];
}

export async function listPortfolios(db: Db, organisationId: string): Promise<PortfolioSummary[]> {
  const rows = await db
    .select({
      portfolio: portfolios,
      holderName: people.name,
      unitCount: sql<number>`(SELECT count(*)::int FROM portfolio_units pu WHERE pu.portfolio_id = ${portfolios.id})`,
    })
    .from(portfolios)
    .leftJoin(people, eq(people.id, portfolios.holderPersonId))
    .where(eq(portfolios.organisationId, organisationId))
    .orderBy(asc(portfolios.name));
  return rows.map((row) => ({ ...row.portfolio, holderName: row.holderName, unitCount: Number(row.unitCount) }));
}

export async function findPortfolio(db: Db, organisationId: string, id: string): Promise<PortfolioRow | undefined> {
  const [row] = await db
    .select()
    .from(portfolios)
    .where(and(eq(portfolios.organisationId, organisationId), eq(portfolios.id, id)));
  return row;
}

export async function portfolioDetail(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PortfolioDetail | undefined> {
  const [row] = await db
    .select({ portfolio: portfolios, holderName: people.name })
    .from(portfolios)
    .leftJoin(people, eq(people.id, portfolios.holderPersonId))
    .where(and(eq(portfolios.organisationId, organisationId), eq(portfolios.id, id)));
  if (!row) return undefined;
  const covered = await db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(portfolioUnits)
    .innerJoin(units, eq(units.id, portfolioUnits.unitId))
    .where(and(eq(portfolioUnits.portfolioId, id), eq(units.organisationId, organisationId)))
    .orderBy(asc(units.name));
  return { ...row.portfolio, holderName: row.holderName, units: covered };
}

export async function findPortfolioByName(
  db: Db,
  organisationId: string,
  name: string,
): Promise<PortfolioRow | undefined> {
  const [row] = await db
    .select()
    .from(portfolios)
    .where(and(eq(portfolios.organisationId, organisationId), sql`lower(${portfolios.name}) = lower(${name})`));
  return row;
}

export async function insertPortfolio(db: Db, values: typeof portfolios.$inferInsert): Promise<PortfolioRow> {
  const [row] = await db.insert(portfolios).values(values).returning();
  if (!row) throw new Error('insert into portfolios returned no row');
  return row;
}

export async function updatePortfolio(
  db: Db,
  organisationId: string,
  id: string,
  values: Partial<typeof portfolios.$inferInsert>,
): Promise<PortfolioRow | undefined> {
  const [row] = await db
    .update(portfolios)
    .set(values)
    .where(and(eq(portfolios.organisationId, organisationId), eq(portfolios.id, id)))
    .returning();
  return row;
}

export async function portfolioUnitIds(db: Db, portfolioId: string): Promise<string[]> {
  const rows = await db
    .select({ unitId: portfolioUnits.unitId })
    .from(portfolioUnits)
    .where(eq(portfolioUnits.portfolioId, portfolioId));
  return rows.map((row) => row.unitId);
}

/** Replaces the units a portfolio covers (the caller has checked they belong to the organisation). */
export async function setPortfolioUnits(
  db: Db,
  organisationId: string,
  portfolioId: string,
  unitIds: readonly string[],
): Promise<void> {
  await db
    .delete(portfolioUnits)
    .where(and(eq(portfolioUnits.organisationId, organisationId), eq(portfolioUnits.portfolioId, portfolioId)));
  if (unitIds.length > 0) {
    await db.insert(portfolioUnits).values(unitIds.map((unitId) => ({ organisationId, portfolioId, unitId })));
  }
}

/** How many of the ids are units of the organisation. */
export async function countUnitsOf(db: Db, organisationId: string, unitIds: readonly string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), inArray(units.id, [...unitIds])));
  return rows.length;
}
