import type { ServiceDeps } from './index.ts';

export function createPortfoliosService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
