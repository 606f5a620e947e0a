/**
 * The schema stays ready to be distributed by organisation (Citus, docs/scaling.md §3): every
 * table carries organisation_id, or is listed below with the reason it need not; and every foreign
 * key between two tenant tables is composite, (organisation_id, column) -> (organisation_id, id),
 * so a row can only point at a row of its own council and Citus can enforce the key on one worker;
 * and every such table has a primary key, which like every unique constraint and unique index of
 * the table includes organisation_id, as Citus refuses one that leaves the distribution column out.
 * There are no exceptions to the second and third rules. A new table, key or unique index that
 * breaks a rule fails here, and so does a listed table that has since gained organisation_id (take
 * it off the list).
 */
import { is, sql } from 'drizzle-orm';
import {
  foreignKey,
  getTableConfig,
  IndexedColumn,
  integer,
  PgTable,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './schema.ts';

/** Tables without organisation_id, and why. Only the tenants and platform-wide local tables. */
const NOT_KEYED_BY_ORGANISATION: Record<string, string> = {
  organisations: 'the tenants themselves: distributed by id (their organisation id), co-located with the rest',
  scheduled_jobs: "the job runner's own timetable across every council (one row per job name): a local table",
  sign_in_throttles: 'keyed by account and address before anyone is known to belong to a council: a local table',
  rate_limit_windows: 'counts requests per address and window before a council is known: a local table',
};

type TableConfig = ReturnType<typeof getTableConfig>;

function configsOf(values: readonly unknown[]): TableConfig[] {
  return values.filter((value): value is PgTable => is(value, PgTable)).map((table) => getTableConfig(table));
}

function keyedByOrganisation(tables: readonly TableConfig[]): Set<string> {
  return new Set(tables.filter((t) => t.columns.some((c) => c.name === 'organisation_id')).map((t) => t.name));
}

/**
 * Foreign keys that break the rules, as `table.columns -> target.columns`: a key from a tenant
 * table to another tenant table must pair organisation_id with organisation_id (the same council)
 * and its other column with the target's id; a table without organisation_id other than the
 * tenants themselves may not point at a tenant table at all (Citus refuses a key from a local
 * table to a distributed one).
 */
function keysBreakingTheRules(tables: readonly TableConfig[]): string[] {
  const keyed = keyedByOrganisation(tables);
  const found: string[] = [];
  for (const table of tables) {
    for (const key of table.foreignKeys) {
      const reference = key.reference();
      const target = getTableConfig(reference.foreignTable).name;
      if (!keyed.has(target)) continue; // a key to organisations (the tenant) or to a local table
      const columns = reference.columns.map((column) => column.name);
      const targetColumns = reference.foreignColumns.map((column) => column.name);
      const described = `${table.name}.${columns.join(',')} -> ${target}.${targetColumns.join(',')}`;
      if (!keyed.has(table.name)) {
        found.push(described);
        continue;
      }
      const organisationAt = columns.indexOf('organisation_id');
      const composite =
        columns.length === 2 &&
        organisationAt !== -1 &&
        targetColumns[organisationAt] === 'organisation_id' &&
        targetColumns[1 - organisationAt] === 'id';
      if (!composite) found.push(described);
    }
  }
  return found;
}

interface Uniqueness {
  described: string;
  columns: string[];
}

/**
 * Every uniqueness a table declares, as `table: what (columns)`: its primary key (a column's own
 * or the table's composite one), its unique constraints (a column's own or the table's) and its
 * unique indexes. An index's expression, say lower(code), is written `(expression)`: it never
 * stands for organisation_id, which Citus needs as a plain column.
 */
function uniquenessesOf(table: TableConfig): Uniqueness[] {
  const found: Uniqueness[] = [];
  const add = (what: string, columns: string[]) =>
    found.push({ described: `${table.name}: ${what} (${columns.join(', ')})`, columns });
  const ownPrimary = table.columns.filter((column) => column.primary).map((column) => column.name);
  if (ownPrimary.length > 0) add('primary key', ownPrimary);
  for (const key of table.primaryKeys)
    add(
      'primary key',
      key.columns.map((column) => column.name),
    );
  for (const column of table.columns.filter((c) => c.isUnique)) add(`unique ${column.uniqueName ?? ''}`, [column.name]);
  for (const constraint of table.uniqueConstraints) {
    add(
      `unique ${constraint.getName()}`,
      constraint.columns.map((column) => column.name),
    );
  }
  for (const index of table.indexes.filter((i) => i.config.unique)) {
    const columns = index.config.columns.map((column) =>
      is(column, IndexedColumn) && column.name !== undefined ? column.name : '(expression)',
    );
    add(`unique index ${index.config.name ?? ''}`, columns);
  }
  return found;
}

/**
 * Tenant tables without a primary key, and the primary keys, unique constraints and unique indexes
 * of tenant tables that leave organisation_id out. (A table without a primary key would pass the
 * rule on keys trivially: it is named too, so taking a key away is never the way to pass.)
 */
function uniquenessWithoutOrganisation(tables: readonly TableConfig[]): string[] {
  const keyed = keyedByOrganisation(tables);
  return tables
    .filter((table) => keyed.has(table.name))
    .flatMap((table) => {
      const uniquenesses = uniquenessesOf(table);
      const withoutPrimaryKey = uniquenesses.some((u) => u.described.startsWith(`${table.name}: primary key`))
        ? []
        : [`${table.name}: no primary key`];
      const withoutOrganisation = uniquenesses
        .filter((uniqueness) => !uniqueness.columns.includes('organisation_id'))
        .map((uniqueness) => uniqueness.described);
      return [...withoutPrimaryKey, ...withoutOrganisation];
    });
}

const tables = configsOf(Object.values(schema));

describe('the schema can be distributed by organisation', () => {
  it('reads every table of the schema', () => {
    // A guard on the reading itself: the schema has a hundred tables, most keyed by organisation.
    expect(tables.length).toBeGreaterThan(90);
    expect(keyedByOrganisation(tables).has('measures')).toBe(true);
    expect(tables.reduce((count, table) => count + table.foreignKeys.length, 0)).toBeGreaterThan(250);
  });

  it('keys every table by organisation_id, or says why not', () => {
    const keyed = keyedByOrganisation(tables);
    const unkeyed = tables.map((t) => t.name).filter((name) => !keyed.has(name));
    expect(unkeyed.filter((name) => !(name in NOT_KEYED_BY_ORGANISATION))).toEqual([]);
    // A listed table that has gained organisation_id (or gone) comes off the list.
    expect(Object.keys(NOT_KEYED_BY_ORGANISATION).filter((name) => !unkeyed.includes(name))).toEqual([]);
  });

  it('makes every foreign key between tenant tables composite with organisation_id, without exception', () => {
    expect(keysBreakingTheRules(tables)).toEqual([]);
  });

  it('puts organisation_id in every primary key, unique constraint and unique index of a tenant table, without exception', () => {
    expect(uniquenessWithoutOrganisation(tables)).toEqual([]);
  });

  it('finds a uniqueness without organisation_id (the check itself can fail)', () => {
    const organisationId = () => uuid('organisation_id');
    const fixtures = [
      pgTable('own_primary', { id: uuid('id').primaryKey(), organisationId: organisationId() }),
      pgTable('pair_primary', { a: uuid('a'), b: uuid('b'), organisationId: organisationId() }, (t) => [
        primaryKey({ columns: [t.a, t.b] }),
      ]),
      pgTable(
        'own_unique',
        { id: uuid('id'), organisationId: organisationId(), token: text('token').unique('own_token') },
        (t) => [primaryKey({ columns: [t.id, t.organisationId] })],
      ),
      pgTable('table_unique', { id: uuid('id'), organisationId: organisationId(), n: integer('n') }, (t) => [
        primaryKey({ columns: [t.id, t.organisationId] }),
        unique('table_unique_n').on(t.id, t.n),
      ]),
      pgTable('expression_index', { id: uuid('id'), organisationId: organisationId(), code: text('code') }, (t) => [
        primaryKey({ columns: [t.id, t.organisationId] }),
        uniqueIndex('expression_index_code').on(sql`lower(${t.code})`),
      ]),
      pgTable('keyless', { id: uuid('id'), organisationId: organisationId() }),
      // Every uniqueness of this one includes organisation_id, and a local table may key as it likes.
      pgTable('distributable', { id: uuid('id'), organisationId: organisationId(), code: text('code') }, (t) => [
        primaryKey({ columns: [t.id, t.organisationId] }),
        unique('distributable_code').on(t.organisationId, t.code),
        uniqueIndex('distributable_lower_code').on(t.organisationId, sql`lower(${t.code})`),
      ]),
      pgTable('local_table', { key: text('key').primaryKey() }),
    ];
    expect(uniquenessWithoutOrganisation(configsOf(fixtures))).toEqual([
      'own_primary: primary key (id)',
      'pair_primary: primary key (a, b)',
      'own_unique: unique own_token (token)',
      'table_unique: unique table_unique_n (id, n)',
      'expression_index: unique index expression_index_code ((expression))',
      'keyless: no primary key',
    ]);
  });

  it('finds a key that breaks the rules (the check itself can fail)', () => {
    const tenant = pgTable('tenant_parent', { id: uuid('id').primaryKey(), organisationId: uuid('organisation_id') });
    const fixtures = [
      tenant,
      pgTable('single_column', { organisationId: uuid('organisation_id'), parentId: uuid('parent_id') }, (t) => [
        foreignKey({ columns: [t.parentId], foreignColumns: [tenant.id] }),
      ]),
      pgTable('crossed', { organisationId: uuid('organisation_id'), parentId: uuid('parent_id') }, (t) => [
        foreignKey({ columns: [t.organisationId, t.parentId], foreignColumns: [tenant.id, tenant.organisationId] }),
      ]),
      pgTable('local_to_tenant', { parentId: uuid('parent_id') }, (t) => [
        foreignKey({ columns: [t.parentId], foreignColumns: [tenant.id] }),
      ]),
      pgTable('composite', { organisationId: uuid('organisation_id'), parentId: uuid('parent_id') }, (t) => [
        foreignKey({ columns: [t.organisationId, t.parentId], foreignColumns: [tenant.organisationId, tenant.id] }),
      ]),
    ];
    expect(keysBreakingTheRules(configsOf(fixtures))).toEqual([
      'single_column.parent_id -> tenant_parent.id',
      'crossed.organisation_id,parent_id -> tenant_parent.id,organisation_id',
      'local_to_tenant.parent_id -> tenant_parent.id',
    ]);
  });
});
