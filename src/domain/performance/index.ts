/**
 * The performance engine: pure calculations behind every number the product shows.
 * Import from here rather than from the individual files.
 */
export * from './periods.ts';
