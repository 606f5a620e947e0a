import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../data/db.ts';
import { people } from '../data/schema/index.ts';
import type { Caller } from './context.ts';

export function createPeopleService(db: Db) {
  return {
    list(caller: Caller) {
      return db
        .select()
        .from(people)
        .where(and(eq(people.organisationId, caller.organisationId), eq(people.status, 'active')))
        .orderBy(asc(people.name));
    },
  };
}
