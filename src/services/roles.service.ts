import type { ServiceDeps } from './index.ts';

export function createRolesService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
