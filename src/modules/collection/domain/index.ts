export { DEFAULT_COLLECTION_RULE, dueDate } from './due-dates.ts';
