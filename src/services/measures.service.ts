import type { ServiceDeps } from './index.ts';

export function createMeasuresService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
