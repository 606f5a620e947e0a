import type { ServiceDeps } from './index.ts';

export function createApiTokensService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
