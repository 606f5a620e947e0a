/** An action as pages, the API and other modules read it: stored facts plus the status rules applied on the day. */
import { paths } from '../../kernel/paths.ts';
import { fill, words } from '../../platform/words/index.ts';
import {
  type ActionStatus,
  deriveStatus,
  type DeliverySettings,
  type DerivedReason,
  effectiveStatus,
  isOverdue,
} from './domain/index.ts';
import type { ActionListRow, ActionRow } from './data/actions.repository.ts';

export interface ActionStatusView {
  /** The status that counts: closed, else the owner's judgement, else derived. */
  status: ActionStatus;
  derivedStatus: ActionStatus;
  derivedReason: DerivedReason;
  /** The owner's stated status when it overrides the derived one, with its reason. */
  judgedStatus: ActionStatus | null;
  judgementReason: string;
  expectedPercent: number;
  /** Revised when there is one, else original. */
  dueDate: string;
  overdue: boolean;
}

export function statusOf(row: ActionRow, settings: DeliverySettings, today: string): ActionStatusView {
  const dueDate = row.revisedDueDate ?? row.originalDueDate;
  const facts = {
    startDate: row.startDate,
    dueDate,
    percentComplete: row.percentComplete,
    closedAs: row.closedStatus,
  };
  const derived = deriveStatus(facts, settings, today);
  const judged = row.closedStatus ? null : row.judgedStatus;
  return {
    status: effectiveStatus(derived.status, judged),
    derivedStatus: derived.status,
    derivedReason: derived.reason,
    judgedStatus: judged,
    judgementReason: judged ? row.judgementReason : '',
    expectedPercent: derived.expected,
    dueDate,
    overdue: isOverdue(facts, today),
  };
}

export interface ActionSummary extends ActionStatusView {
  id: string;
  code: string;
  title: string;
  planId: string;
  planTitle: string;
  planUnitId: string;
  ownerPersonId: string;
  ownerName: string;
  escalationOwnerPersonId: string;
  escalationOwnerName: string;
  startDate: string;
  originalDueDate: string;
  revisedDueDate: string | null;
  percentComplete: number;
  isKey: boolean;
  answers: { kind: 'recommendation' | 'improvement-plan'; id: string } | null;
  /** The id of the escalation waiting for a decision, if any. */
  openEscalationId: string | null;
  href: string;
}

export function summaryOf(
  row: ActionListRow,
  settings: DeliverySettings,
  today: string,
  openEscalationId: string | null = null,
): ActionSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    planId: row.planId,
    planTitle: row.planTitle,
    planUnitId: row.planUnitId,
    ownerPersonId: row.ownerPersonId,
    ownerName: row.ownerName,
    escalationOwnerPersonId: row.escalationOwnerPersonId,
    escalationOwnerName: row.escalationOwnerName,
    startDate: row.startDate,
    originalDueDate: row.originalDueDate,
    revisedDueDate: row.revisedDueDate,
    percentComplete: row.percentComplete,
    isKey: row.isKey,
    answers: row.answersKind && row.answersId ? { kind: row.answersKind, id: row.answersId } : null,
    openEscalationId,
    href: paths.action(row.id),
    ...statusOf(row, settings, today),
  };
}

/** Why the derived status is what it is, in words. */
export function derivedWords(reason: DerivedReason): string {
  const { code, ...params } = reason;
  return fill(words.actionsDerived[code], params);
}

/** The status and why, as a roll-up shows it beside the action. */
export function statusReasonWords(view: ActionStatusView): string {
  const said = words.actionStatus[view.status];
  if (view.judgedStatus)
    return fill(words.actionsView.statusJudged, {
      status: said,
      reason: view.judgementReason,
      derived: words.actionStatus[view.derivedStatus].toLowerCase(),
      why: derivedWords(view.derivedReason),
    });
  return `${said}: ${derivedWords(view.derivedReason)}`;
}
