import { eq, sql } from 'drizzle-orm';
import type { Db } from '../data/db.ts';
import { organisations } from '../data/schema/index.ts';

export function createOrganisationsService(db: Db) {
  return {
    async nameOf(organisationId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      return row?.name;
    },
    async get(organisationId: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
      return row;
    },
    async isEmpty(): Promise<boolean> {
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(organisations);
      return (row?.count ?? 0) === 0;
    },
    async ping(): Promise<boolean> {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
  };
}
