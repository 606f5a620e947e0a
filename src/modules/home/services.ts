import type { CollectionServices } from '../collection/index.ts';
import type { ImprovementPlansServices } from '../improvement-plans/index.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import type { PlansServices } from '../plans/index.ts';

/** The home page reads other modules only: the council's name and the approvals, sign-offs and improvement plans waiting for me. */
export interface HomeServices {
  organisations: Pick<OrganisationServices['organisations'], 'nameOf' | 'ping'>;
  plans: Pick<PlansServices['plans'], 'awaitingMyApproval'>;
  signOffQueue: Pick<CollectionServices['signOffQueue'], 'queue'>;
  improvementRequests: Pick<ImprovementPlansServices['improvementRequests'], 'countMine'>;
}
