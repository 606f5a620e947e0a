import type { ServiceDeps } from './index.ts';

export function createCollectionService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
