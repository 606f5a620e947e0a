import type { FigureOfficialPosition } from './ports.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { OrganisationServices } from '../organisation/index.ts';
import { createCollectionRulesService } from './collection-rules.service.ts';
import { createCollectionService } from './collection.service.ts';
import { createSignOffService } from './sign-off.service.ts';
import { createSignOffQueueService } from './sign-off-queue.service.ts';
import { createPeriodCloseService } from './period-close.service.ts';
import type { StatusRecalculation } from './ports.ts';

export function createCollectionServices(deps: ServiceDeps & { statuses: StatusRecalculation }) {
  return {
    collection: createCollectionService(deps),
    signOff: createSignOffService(deps),
    signOffQueue: createSignOffQueueService(deps),
    rules: createCollectionRulesService(deps),
    periodClose: createPeriodCloseService(deps),
  };
}

export type CollectionServices = ReturnType<typeof createCollectionServices>;

/** What the collection pages use: this module's service and the unit structure. */
export type CollectionPageServices = CollectionServices &
  Pick<OrganisationServices, 'structure'> & { official: FigureOfficialPosition };
