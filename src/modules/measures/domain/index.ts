export * from '../../../kernel/measurement/vocabulary.ts';
export * from '../../../kernel/measurement/numbers.ts';
export * from './measure.ts';
export * from './values.ts';
export * from './targets.ts';
export * from '../../../kernel/measurement/target-history.ts';
export * from './stable-definition.ts';
