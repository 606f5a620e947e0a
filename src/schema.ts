/** Every table, for drizzle-kit (migrations and the schema-drift check) and for tests that query tables. */
export * from './platform/tenancy/organisations.schema.ts';
export * from './platform/audit/audit.schema.ts';
export * from './platform/jobs/jobs.schema.ts';
export * from './modules/organisation/data/organisation.schema.ts';
export * from './modules/organisation/data/governance.schema.ts';
export * from './modules/organisation/data/access.schema.ts';
export * from './modules/framework/data/framework.schema.ts';
export * from './modules/plans/data/plans.schema.ts';
export * from './modules/measures/data/measures.schema.ts';
export * from './modules/performance/data/settings.schema.ts';
export * from './modules/measures/data/series.schema.ts';
export * from './modules/collection/data/period-closures.schema.ts';
export * from './modules/risks/data/risks.schema.ts';
