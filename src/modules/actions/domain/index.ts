/** The actions module's pure rules other modules may use. */
export * from './status.ts';
export * from './settings.ts';
export * from './escalation.ts';
export * from './action.ts';
export * from './recorded-on.ts';
