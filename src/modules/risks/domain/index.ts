/** The rules of risk registers, for this module and any later one (the quarterly report). */
export * from './matrix.ts';
export * from './risk.ts';
export * from './heat-map.ts';
export * from './schemas.ts';
