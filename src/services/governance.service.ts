import type { ServiceDeps } from './index.ts';

export function createGovernanceService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
