export * from './organisation.ts';
export * from './governance.ts';
export * from './framework.ts';
export * from './plans.ts';
export * from './access.ts';
export * from './audit.ts';
export * from './measures.ts';
