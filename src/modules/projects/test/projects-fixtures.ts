/** A council with a plan, two items, a board, a programme's people and a leaver, for the project tests. */
import { governanceBodies, people, planItems } from '../../../schema.ts';
import type { Db } from '../../../platform/db/db.ts';
import { insertCascade } from '../../../../test/helpers/items-fixtures.ts';

export interface ProjectWorld {
  planId: string;
  itemIds: [string, string];
  boardId: string;
  sponsorId: string;
  managerId: string;
  leaverId: string;
}

let n = 0;
export async function insertProjectWorld(db: Db, organisationId: string, rootUnitId: string): Promise<ProjectWorld> {
  n += 1;
  const cascade = await insertCascade(db, organisationId, rootUnitId);
  const planId = cascade.plans.corporate;
  const items = await db
    .insert(planItems)
    .values(
      ['O1', 'O2'].map((code) => ({
        organisationId,
        planId,
        itemTypeId: cascade.framework.itemTypes.objective,
        code,
        title: `Objective ${code}`,
      })),
    )
    .returning({ id: planItems.id });
  const [board] = await db
    .insert(governanceBodies)
    .values({
      organisationId,
      name: `Capital programme board ${n}`,
      kind: 'partnership-board',
      frameworkRoles: ['receives'],
    })
    .returning({ id: governanceBodies.id });
  const person = async (name: string, status: 'active' | 'left' = 'active') => {
    const [row] = await db
      .insert(people)
      .values({
        organisationId,
        name,
        email: `${name.replace(/\W/g, '').toLowerCase()}${n}@example.gov.uk`,
        status,
        leftOn: status === 'left' ? '2025-01-31' : null,
      })
      .returning({ id: people.id });
    return row!.id;
  };
  return {
    planId,
    itemIds: [items[0]!.id, items[1]!.id],
    boardId: board!.id,
    sponsorId: await person('Sian Sponsor'),
    managerId: await person('Manny Manager'),
    leaverId: await person('Len Leaver', 'left'),
  };
}
