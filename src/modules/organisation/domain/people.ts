export * from './person.ts';
export * from './role-assignment.ts';
export * from './api-token.ts';
