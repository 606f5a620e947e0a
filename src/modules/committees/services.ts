import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { createCommitteesService, type SubjectFinders } from './committees.service.ts';
import { createCommitteePapersService } from './papers.service.ts';
import { createReturnsService, type TimetableRecords } from './returns.service.ts';
import { createCommitteeSettingsService } from './settings.service.ts';

export function createCommitteesServices(
  deps: ServiceDeps & { subjects?: SubjectFinders; records?: TimetableRecords },
) {
  return {
    committees: createCommitteesService(deps),
    committeePapers: createCommitteePapersService(deps),
    committeeReturns: createReturnsService(deps),
    committeeSettings: createCommitteeSettingsService(deps),
  };
}
