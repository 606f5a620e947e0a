export { DEFAULT_COLLECTION_RULE, collectionState, dueDate } from './due-dates.ts';
