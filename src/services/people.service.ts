import { and, asc, eq } from 'drizzle-orm';
import type { ServiceDeps } from './index.ts';
import { people } from '../data/schema/index.ts';
import type { Caller } from './context.ts';

export function createPeopleService({ db }: ServiceDeps) {
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
