import type * as repo from './data/improvement-plans.repository.ts';

/** The shapes pages and the API read (they never import the data layer). */
export type ImprovementPlan = repo.PlanRow;
export type ImprovementPlanListRow = repo.PlanListRow;
export type ImprovementPlanRequest = repo.RequestRow;
