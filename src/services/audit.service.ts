import type { ServiceDeps } from './index.ts';

export function createAuditService({ db, clock }: ServiceDeps) {
  void db;
  void clock;
  return {};
}
