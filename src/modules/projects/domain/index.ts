export * from './project.ts';
export * from './lifecycle.ts';
export * from './contribution.ts';
