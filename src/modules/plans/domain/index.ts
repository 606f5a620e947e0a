export * from './lifecycle.ts';
export * from './approval.ts';
export * from './period.ts';
export * from './plan.ts';
export * from './appraisal.ts';
export * from './separation.ts';
export * from './body-decision.ts';
