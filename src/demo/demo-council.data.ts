import type { DemoCouncil } from './data/types.ts';
import { units, partners, people, memberships, portfolios } from './data/structure.ts';
import { communityStrategy, corporatePlan, mtfs } from './data/strategy.ts';
import { directoratePlans } from './data/directorate-plans.ts';
import { servicePlans } from './data/service-plans.ts';
import { teamPlans, individualPlans } from './data/team-plans.ts';
import { versions } from './data/versions.ts';

/**
 * The demo council: a fictional English borough council, written as plain data that refers to
 * things by key or code, never by id. `demo-council.loader.ts` turns it into rows. Every name here
 * is invented; any likeness to a real council or person is accidental.
 *
 * The golden thread it shows (after seed 002's cascade, "zero homelessness"):
 *   community strategy outcome O1.1 → Council Plan objective P1.1 → directorate objective CH-O1 →
 *   service objectives HSN-O1 / HPE-O1 → Estate Management team objective EM-O1 → the voids
 *   officer's individual objective KW-1.
 */

export type * from './data/types.ts';

export const DEMO_PASSWORD = 'ashdown-vale-demo-2025';

export const demoCouncil: DemoCouncil = {
  organisation: {
    slug: 'ashdown-vale',
    name: 'Ashdown Vale Borough Council',
    type: 'Borough council',
    emailDomain: 'ashdownvale.example',
  },
  units,
  partners,
  people,
  memberships,
  portfolios,
  plans: [
    communityStrategy,
    corporatePlan,
    mtfs,
    ...directoratePlans,
    ...servicePlans,
    ...teamPlans,
    ...individualPlans,
  ],
  versions,
};
