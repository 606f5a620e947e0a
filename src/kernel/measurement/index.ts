/** The measurement vocabulary every module shares: periods, targets, RAG, formats, series. */
export * from './types.ts';
export * from './periods.ts';
export * from './format.ts';
export * from './series.ts';
export * from './targets.ts';
export * from './target-history.ts';
export * from './rag.ts';
export * from './numbers.ts';
export * from './vocabulary.ts';
export * from './official.ts';
export * from './plausibility.ts';
export * from './target-assurance.ts';
