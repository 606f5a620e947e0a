/** The money rules other modules (and the demo) may use. */
export { periodOfDate } from './financial-period.ts';
