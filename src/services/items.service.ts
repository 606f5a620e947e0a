import type { ServiceDeps } from './index.ts';

export function createItemsService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
