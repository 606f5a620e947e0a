import { financialYearLabel } from '../../../kernel/measurement/periods.ts';
import { financialYearOf, wholeMonths } from '../domain/index.ts';
import type { FormErrors } from '../../../platform/http/form-errors.ts';
import { formatDate, formatDateTime } from '../../../platform/http/filters.ts';
import { planStatusTag, planStatusWord } from '../../../platform/words/status-tags.ts';
import { isoFromParts } from '../../../platform/http/date-input.ts';
export { dateItems, isoFromParts } from '../../../platform/http/date-input.ts';
import { fill, say, sayStored, words } from '../../../platform/words/index.ts';
import type { PlanActions } from '../plans.types.ts';

/** Status in words first; the colour only repeats what the words say (both from the platform). */
export function statusTag(status: string): { text: string; classes: string } {
  return planStatusTag(status);
}

export function statusName(status: string): string {
  return planStatusWord(status);
}

/** "2025/26" for a financial year, "2024/25 to 2026/27" for several, otherwise the dates. */
export function periodLabel(start: string, end: string): string {
  const months = wholeMonths(start, end);
  if (months !== null && months % 12 === 0 && start.slice(5) === '04-01') {
    const first = financialYearOf(start);
    const last = financialYearOf(end);
    return first === last
      ? financialYearLabel(first)
      : fill(words.plansWeb.range, { from: financialYearLabel(first), to: financialYearLabel(last) });
  }
  return fill(words.plansWeb.range, { from: formatDate(start), to: formatDate(end) });
}

export function periodDates(start: string, end: string): string {
  return fill(words.plansWeb.range, { from: formatDate(start), to: formatDate(end) });
}

const VERSION_KINDS: Record<string, string> = words.plansWeb.versionKind;

export function versionKindName(kind: string): string {
  return VERSION_KINDS[kind] ?? kind;
}

const EVENT_NAMES: Record<string, string> = words.plansWeb.event;

export function eventName(action: string): string {
  return EVENT_NAMES[action] ?? action;
}

interface EventLike {
  at: Date;
  action: string;
  stepPosition: number | null;
  stepName: string | null;
  comment: string;
  actorName: string | null;
  version: number;
  decisionDate?: string | null;
  minuteReference?: string | null;
}

export function eventRows(events: readonly EventLike[]) {
  return [...events].reverse().map((event) => ({
    when: formatDateTime(event.at),
    version: event.version,
    what: eventName(event.action),
    step:
      event.stepPosition === null
        ? ''
        : fill(words.plansWeb.step, { step: event.stepPosition, name: event.stepName ?? '' }),
    who: event.actorName ?? words.plansWeb.theSystem,
    // The services' own comments are stored phrases; a person's comment (and older rows) is shown as written.
    comment: sayStored(event.comment),
    decision:
      event.decisionDate && event.minuteReference
        ? fill(words.planApproval.decidedOn, {
            date: formatDate(event.decisionDate),
            minute: event.minuteReference,
            person: event.actorName ?? '',
          })
        : '',
  }));
}

/** The caller's actions with their words said: the approve button's label and why a step is refused. */
export function actionsView(actions: PlanActions) {
  return {
    ...actions,
    approve: actions.approve && { ...actions.approve, label: say(actions.approve.label) },
    approveRefusal: actions.approveRefusal && say(actions.approveRefusal),
  };
}

interface VersionLike {
  id: string;
  version: number;
  versionKind: string;
  versionReason: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export function versionRows(versions: readonly VersionLike[], currentId: string) {
  return [...versions].reverse().map((version) => ({
    id: version.id,
    current: version.id === currentId,
    version: version.version,
    kind: versionKindName(version.versionKind),
    reason: version.versionReason,
    title: version.title,
    period: periodLabel(version.periodStart, version.periodEnd),
    status: statusTag(version.status),
    inForce: version.effectiveFrom
      ? version.effectiveTo
        ? fill(words.plansWeb.inForceUntil, {
            from: formatDate(version.effectiveFrom),
            to: formatDate(version.effectiveTo),
          })
        : fill(words.plansWeb.inForceFrom, { from: formatDate(version.effectiveFrom) })
      : words.plansWeb.notInForce,
  }));
}

/** Field names on the form where they differ from the input's: dates and sections. */
export function planFormErrors(errors: FormErrors): FormErrors {
  const rename = (field: string) =>
    field === 'periodStart' || field === 'periodEnd'
      ? `${field}-day`
      : field.startsWith('sections.')
        ? `section-${field.slice('sections.'.length)}`
        : field;
  return {
    summary: errors.summary.map((item) => ({ ...item, href: `#${rename(item.href.slice(1))}` })),
    fields: Object.fromEntries(
      Object.entries(errors.fields).map(([field, message]) => [
        field.startsWith('sections.') ? rename(field) : field,
        message,
      ]),
    ),
  };
}

/** The form's flat fields into the shape the domain schema reads. */
export function planFormBody(body: Record<string, unknown>): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('section-')) sections[key.slice('section-'.length)] = value;
  }
  return {
    ...body,
    periodStart: isoFromParts(body, 'periodStart'),
    periodEnd: isoFromParts(body, 'periodEnd'),
    sections,
  };
}
