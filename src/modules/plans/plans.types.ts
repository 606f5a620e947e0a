import type { Phrase } from '../../kernel/phrase.ts';
import type { ApprovalStepDetail, PlanTypeDetail } from '../framework/index.ts';
import type * as plansRepo from './data/plans.repository.ts';

export type Plan = plansRepo.PlanRow;
export type PlanListRow = plansRepo.PlanListRow;
export type PlanEvent = plansRepo.PlanEventView;

export interface StepState extends ApprovalStepDetail {
  state: 'done' | 'current' | 'waiting';
  /** The words on the step's button (said by the page). */
  label: Phrase;
  /** For a step taken in the current approval: a body's decision and who recorded or took it. */
  decisionDate: string | null;
  minuteReference: string | null;
  recordedBy: { id: string; name: string } | null;
}

export interface PlanActions {
  edit: boolean;
  submit: boolean;
  /** The step the caller may take now; body is the governance body whose decision they record. */
  approve: { step: number; label: Phrase; name: string; body: string | null } | null;
  /** Why the caller, though allowed to take the step in general, may not take it on this plan. */
  approveRefusal: Phrase | null;
  return: boolean;
  amend: boolean;
  rollForward: boolean;
  archive: boolean;
  addItem: boolean;
  /** Why no new version can be started now, when that is the only thing in the way. */
  openVersion: { id: string; version: number } | null;
}

export interface PlanDetail {
  plan: Plan;
  planType: PlanTypeDetail;
  owningUnit: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  parentPlan: { id: string; title: string; status: string; version: number } | null;
  sections: { key: string; title: string; hint: string; text: string }[];
  steps: StepState[];
  versions: Plan[];
  events: (PlanEvent & { version: number })[];
  actions: PlanActions;
}

export interface PlanFormOptions {
  planTypes: PlanTypeDetail[];
  units: { id: string; name: string; code: string }[];
  people: { id: string; name: string }[];
  parentPlans: PlanListRow[];
}
