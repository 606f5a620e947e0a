/**
 * Names for the ids an audit trail holds (its subjects, and people, units or plans named in the
 * changed fields), so a reader sees "Housing Services" where the row stores a UUID. One query per
 * kind of record, each limited to the organisation and to the ids on the page.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/db.ts';
import { itemTypes, planTypes } from '../../framework/index.ts';
import { measures } from '../../measures/index.ts';
import { governanceBodies, partners, people, portfolios, units } from '../../organisation/index.ts';
import { planItems, plans } from '../../plans/index.ts';

interface NamedTable {
  table: PgTable;
  id: PgColumn;
  organisationId: PgColumn;
  name: SQL<string>;
}

const coded = (code: PgColumn, title: PgColumn) => sql<string>`concat_ws(' ', ${code}, ${title})`;

const NAMED: NamedTable[] = [
  { table: units, id: units.id, organisationId: units.organisationId, name: sql<string>`${units.name}` },
  { table: people, id: people.id, organisationId: people.organisationId, name: sql<string>`${people.name}` },
  {
    table: portfolios,
    id: portfolios.id,
    organisationId: portfolios.organisationId,
    name: sql<string>`${portfolios.name}`,
  },
  { table: partners, id: partners.id, organisationId: partners.organisationId, name: sql<string>`${partners.name}` },
  {
    table: governanceBodies,
    id: governanceBodies.id,
    organisationId: governanceBodies.organisationId,
    name: sql<string>`${governanceBodies.name}`,
  },
  {
    table: planTypes,
    id: planTypes.id,
    organisationId: planTypes.organisationId,
    name: sql<string>`${planTypes.name}`,
  },
  {
    table: itemTypes,
    id: itemTypes.id,
    organisationId: itemTypes.organisationId,
    name: sql<string>`${itemTypes.name}`,
  },
  { table: plans, id: plans.id, organisationId: plans.organisationId, name: sql<string>`${plans.title}` },
  {
    table: planItems,
    id: planItems.id,
    organisationId: planItems.organisationId,
    name: coded(planItems.code, planItems.title),
  },
  {
    table: measures,
    id: measures.id,
    organisationId: measures.organisationId,
    name: coded(measures.code, measures.title),
  },
];

/** The name of each of the ids that is a record of the organisation; unknown ids are left out. */
export async function namesOf(db: Db, organisationId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const wanted = [...new Set(ids)];
  const found = await Promise.all(
    NAMED.map(({ table, id, organisationId: owner, name }) =>
      db
        .select({ id: sql<string>`${id}::text`, name })
        .from(table)
        .where(and(eq(owner, organisationId), inArray(id, wanted))),
    ),
  );
  for (const rows of found) for (const row of rows) names.set(row.id, row.name);
  return names;
}
