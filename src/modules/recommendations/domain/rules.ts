/**
 * The register's rules, pure: how old a recommendation is, whether it is overdue, which band the
 * audit committee sees it in, and which changes may be made to it. Dates are ISO calendar dates
 * (YYYY-MM-DD); "today" is passed in (the London date from the clock).
 */
import { phrase, type Phrase, type PhraseParam } from '../../../kernel/phrase.ts';
import { FINAL_STATUSES, LIVE_STATUSES, type AgeBand, type Response, type Status } from './vocabulary.ts';
import { addMonths, daysFrom } from '../../../kernel/calendar-days.ts';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = daysFrom;

const statusWord = (status: Status) => phrase(`recommendations.statusInSentence.${status}`);

export const isLive = (status: Status) => LIVE_STATUSES.includes(status);
export const isFinal = (status: Status) => FINAL_STATUSES.includes(status);

export interface AgeingFacts {
  /** When the recommendation was made: its report's date. */
  raisedOn: string;
  /** The due date now in force (the latest revision, or the original). */
  dueDate: string | null;
  status: Status;
  /** When it stopped being live (implemented, closed or superseded), if it has. */
  finishedOn: string | null;
}

export interface Ageing {
  /** Days from the report to today, or to the day it was finished with. */
  daysOpen: number;
  /** Days past its due date while still live; 0 when not overdue. */
  daysOverdue: number;
  overdue: boolean;
  band: AgeBand;
}

/** Which band a recommendation raised on `raisedOn` sits in on `asOf`: by calendar months, as committees count. */
export function ageBand(raisedOn: string, asOf: string): AgeBand {
  if (asOf < addMonths(raisedOn, 3)) return 'under-3-months';
  if (asOf < addMonths(raisedOn, 6)) return '3-to-6-months';
  if (asOf < addMonths(raisedOn, 12)) return '6-to-12-months';
  return 'over-12-months';
}

export function ageingOf(facts: AgeingFacts, today: string): Ageing {
  const live = isLive(facts.status);
  const asOf = live || facts.finishedOn === null ? today : facts.finishedOn;
  const daysOverdue = live && facts.dueDate !== null ? Math.max(0, daysBetween(facts.dueDate, today)) : 0;
  return {
    daysOpen: Math.max(0, daysBetween(facts.raisedOn, asOf)),
    daysOverdue,
    overdue: daysOverdue > 0,
    band: ageBand(facts.raisedOn, asOf < facts.raisedOn ? facts.raisedOn : asOf),
  };
}

/** A refusal: the field it concerns and the phrase that says why. */
export interface RuleBreach {
  field: string;
  reason: Phrase;
}

const breach = (field: string, code: string, params?: Record<string, PhraseParam>): RuleBreach => ({
  field,
  reason: phrase(`recommendations.refusals.${code}`, params),
});

/** A due date must not come before the report that made the recommendation. */
export function checkDueDate(field: string, dueDate: string | null, reportDate: string): RuleBreach | null {
  return dueDate !== null && dueDate < reportDate ? breach(field, 'dueBeforeReport', { reportDate }) : null;
}

/** Rejecting a recommendation, or accepting only part of it, needs the council's reason. */
export function checkResponse(response: Response, reason: string): RuleBreach | null {
  if (response !== 'accepted' && reason.trim() === '') return breach('reason', `${response}NeedsReason`);
  return null;
}

/** A revised due date needs a reason, and a committee's extension needs its decision reference. */
export function checkRevision(
  revision: { newDueDate: string; reason: string; bodyId: string | null; decisionReference: string },
  current: { dueDate: string | null; reportDate: string },
): RuleBreach | null {
  if (revision.reason.trim() === '') return breach('reason', 'revisionNeedsReason');
  if (revision.bodyId !== null && revision.decisionReference.trim() === '') {
    return breach('decisionReference', 'extensionNeedsReference');
  }
  if (revision.bodyId === null && revision.decisionReference.trim() !== '') {
    return breach('bodyId', 'referenceNeedsBody');
  }
  if (current.dueDate !== null && revision.newDueDate === current.dueDate) {
    return breach('newDueDate', 'revisionSameDate');
  }
  return checkDueDate('newDueDate', revision.newDueDate, current.reportDate);
}

/** What an implementing action tells the status rules: whether it is still being worked on. */
export interface ActionProgress {
  code: string;
  finished: boolean;
}

/**
 * Whether a recommendation may move from one status to another. A closed or superseded one is
 * finished with; a rejected one can only be closed or superseded; it cannot be called implemented
 * or closed while an action implementing it is unfinished; closing needs evidence and superseding
 * a reason.
 */
export function checkStatusChange(
  change: { from: Status; to: Status; evidence: string; note: string },
  context: { response: Response | null; actions: readonly ActionProgress[] },
): RuleBreach | null {
  if (isFinal(change.from)) return breach('status', 'alreadyFinished', { status: statusWord(change.from) });
  if (change.from === change.to) return breach('status', 'sameStatus');
  if (change.to === 'closed' && change.evidence.trim() === '') return breach('evidence', 'closeNeedsEvidence');
  if (change.to === 'superseded' && change.note.trim() === '') return breach('note', 'supersededNeedsReason');
  if ((change.to === 'in-progress' || change.to === 'implemented') && context.response === 'rejected') {
    return breach('status', 'rejectedNotImplemented');
  }
  if ((change.to === 'in-progress' || change.to === 'implemented') && context.response === null) {
    return breach('status', 'respondFirst');
  }
  if (change.to === 'implemented' || change.to === 'closed') {
    const unfinished = context.actions.filter((action) => !action.finished);
    if (unfinished.length > 0 && context.response !== 'rejected') {
      return breach('status', 'actionsUnfinished', { actions: unfinished.map((action) => action.code).join(', ') });
    }
  }
  return null;
}

/** Nothing about a closed or superseded recommendation may change. */
export function checkStillOpen(status: Status): RuleBreach | null {
  return isFinal(status) ? breach('form', 'alreadyFinished', { status: statusWord(status) }) : null;
}
