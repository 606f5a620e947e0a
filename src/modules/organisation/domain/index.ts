export * from './person.ts';
export * from './role-assignment.ts';
export * from './api-token.ts';
export * from './body.ts';
export * from './partner.ts';
export * from './portfolio.ts';
export * from './organisation.ts';
export * from './unit.ts';
