export * from './body.ts';
export * from './partner.ts';
export * from './portfolio.ts';
