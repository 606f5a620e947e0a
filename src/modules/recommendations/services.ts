import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import type { ImplementingActions } from './ports.ts';
import { createRecommendationsService } from './recommendations.service.ts';
import { createRecommendationFilesService } from './recommendation-files.service.ts';

export function createRecommendationsServices(deps: ServiceDeps & { actions: ImplementingActions }) {
  return {
    recommendations: createRecommendationsService(deps),
    recommendationFiles: createRecommendationFilesService(deps),
  };
}

export type RecommendationsServices = ReturnType<typeof createRecommendationsServices>;
