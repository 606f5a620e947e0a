import { foreignKey, primaryKey, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.schema.ts';

/**
 * A council's table's own id: a random uuid, but not a primary key by itself. The primary key is
 * tenantPrimaryKey, (id, organisation_id), because Citus refuses a primary key on a distributed
 * table that leaves the distribution column out (docs/decisions/0018-distributable-keys.md).
 */
export const tenantId = () => uuid('id').notNull().defaultRandom();

/** The council a row belongs to, the column every council's table is distributed by. */
export const tenantOrganisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

/**
 * (id, organisation_id): id first, so a look-up by id alone still uses the key's index. The same
 * column set is what the composite foreign keys point at, (organisation_id, id): PostgreSQL
 * matches a referenced key by its columns in any order, so no second unique constraint is needed.
 */
export function tenantPrimaryKey(t: { id: AnyPgColumn; organisationId: AnyPgColumn }) {
  return primaryKey({ columns: [t.id, t.organisationId] });
}

/**
 * A key from one council's row to another row of the same council: (organisation_id, column) ->
 * target's (organisation_id, id), so a row can never point at another council's row and Citus can
 * check the key on one worker (src/schema-distribution.test.ts holds every tenant key to this).
 * The name is given, not derived, so that it can be found in the migrations. Chain `.onDelete(...)`
 * as on any drizzle foreign key.
 */
export function tenantForeignKey(
  name: string,
  organisationId: AnyPgColumn,
  column: AnyPgColumn,
  target: { organisationId: AnyPgColumn; id: AnyPgColumn },
) {
  return foreignKey({ name, columns: [organisationId, column], foreignColumns: [target.organisationId, target.id] });
}
