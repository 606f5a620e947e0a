import type { Db } from '../data/db.ts';
import { createAuthService } from './auth.service.ts';
import { createOrganisationsService } from './organisations.service.ts';
import { createPeopleService } from './people.service.ts';
import { createStructureService } from './structure.service.ts';

export interface ServiceDeps {
  db: Db;
  clock: () => Date;
}

/** Every use case, built once in the composition root and handed to web, API, jobs and CLI. */
export function createServices({ db, clock }: ServiceDeps) {
  return {
    auth: createAuthService(db, clock),
    organisations: createOrganisationsService(db),
    structure: createStructureService(db),
    people: createPeopleService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
