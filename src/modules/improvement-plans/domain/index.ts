/** The improvement plans' pure rules other modules may use (the quarterly report reads the statuses). */
export { DEFAULT_TRIGGER_RULE, needsImprovementPlan, TRIGGERS } from './trigger.ts';
export type { PeriodStatus, Trigger, TriggerOutcome, TriggerRule } from './trigger.ts';
export { isOpen, OPEN_STATUSES, PLAN_STATUSES } from './lifecycle.ts';
export type { PlanStatus } from './lifecycle.ts';
