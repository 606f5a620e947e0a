import { getTableConfig, pgTable, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { tenantForeignKey, tenantId, tenantPrimaryKey } from './tenant-keys.ts';

const parents = pgTable('parents', { id: tenantId(), organisationId: uuid('organisation_id').notNull() }, (t) => [
  tenantPrimaryKey(t),
]);

function describeKeys(table: Parameters<typeof getTableConfig>[0]) {
  return getTableConfig(table).foreignKeys.map((key) => {
    const reference = key.reference();
    return {
      name: key.getName(),
      columns: reference.columns.map((column) => column.name),
      target: getTableConfig(reference.foreignTable).name,
      targetColumns: reference.foreignColumns.map((column) => column.name),
      onDelete: key.onDelete,
    };
  });
}

describe('tenantForeignKey', () => {
  const children = pgTable(
    'children',
    { id: tenantId(), organisationId: uuid('organisation_id').notNull(), parentId: uuid('parent_id') },
    (t) => [tenantForeignKey('children_parent_id_fk', t.organisationId, t.parentId, parents)],
  );
  const nodes = pgTable(
    'nodes',
    { id: tenantId(), organisationId: uuid('organisation_id').notNull(), parentId: uuid('parent_id') },
    (t) => [
      tenantPrimaryKey(t),
      tenantForeignKey('nodes_parent_id_fk', t.organisationId, t.parentId, t).onDelete('cascade'),
    ],
  );

  it.each([
    ['another table', children, 'children_parent_id_fk', 'parents', 'no action'],
    ['the same table, with an action on delete chained', nodes, 'nodes_parent_id_fk', 'nodes', 'cascade'],
  ])(
    "points (organisation_id, column) at the target's (organisation_id, id), under the given name: %s",
    (_, table, name, target, onDelete) => {
      expect(describeKeys(table)).toEqual([
        { name, columns: ['organisation_id', 'parent_id'], target, targetColumns: ['organisation_id', 'id'], onDelete },
      ]);
    },
  );
});
