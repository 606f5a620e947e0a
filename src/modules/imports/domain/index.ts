export * from './columns.ts';
export * from './period-text.ts';
export * from './rows.ts';
