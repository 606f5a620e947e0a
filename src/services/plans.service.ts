import type { ServiceDeps } from './index.ts';

export function createPlansService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
