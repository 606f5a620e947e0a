/**
 * The performance engine: pure calculations behind every number the product shows.
 * Import from here rather than from the individual files.
 */
export * from './types.ts';
export * from './periods.ts';
export * from './format.ts';
export * from './series.ts';
export * from './targets.ts';
export * from './aggregation.ts';
export * from './rag.ts';
export * from './direction.ts';
export * from './rollup.ts';
export * from './spc-limits.ts';
export * from './spc-rules.ts';
export * from './spc.ts';
export * from './spc-interpretation.ts';
export * from './normal.ts';
export * from './forecast-models.ts';
export * from './forecast.ts';
export * from './framework-health.ts';
export * from './measure-status.ts';
