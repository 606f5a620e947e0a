/** The money rules other modules may use: amounts, bands and the financial year. */
export { bandOf, DEFAULT_BANDS, type Band, type VarianceBands } from './variance.ts';
export { periodOfDate, yearLabel } from './financial-period.ts';
