export * from './roles.ts';
export * from './principal.ts';
export * from './route-access.ts';
