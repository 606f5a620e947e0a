import type { ServiceDeps } from './index.ts';

export function createFrameworkService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
