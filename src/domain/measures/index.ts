export * from './vocabulary.ts';
export * from './numbers.ts';
export * from './measure.ts';
export * from './values.ts';
export * from './targets.ts';
export * from './target-history.ts';
