import type { ServiceDeps } from './index.ts';

export function createPartnersService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
