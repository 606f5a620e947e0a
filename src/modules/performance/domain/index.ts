/**
 * The performance engine: pure calculations behind every number the product shows.
 * Import from here rather than from the individual files.
 */
export * from '../../../kernel/measurement/types.ts';
export * from '../../../kernel/measurement/periods.ts';
export * from '../../../kernel/measurement/format.ts';
export * from '../../../kernel/measurement/series.ts';
export * from '../../../kernel/measurement/targets.ts';
export * from './aggregation.ts';
export * from '../../../kernel/measurement/rag.ts';
export * from './direction.ts';
export * from './rollup.ts';
export * from './spc-limits.ts';
export * from './spc-rules.ts';
export * from './spc.ts';
export * from './spc-interpretation.ts';
export * from './normal.ts';
export * from './forecast.ts';
export * from './forecast-against-rag.ts';
export * from './framework-health.ts';
export * from './measure-status.ts';
export * from './settings.ts';
export * from './current-picture.ts';
export * from './forecast-choice-memory.ts';
export * from './view-scope.ts';
