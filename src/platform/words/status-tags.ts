/**
 * Every status tag in one place: a status is never shown by colour alone, so each tag is its word
 * (from the catalogue) and its GOV.UK tag colour (chosen here, and nowhere else: presenters and
 * templates take their tags from these functions).
 */
import type { RagStatus } from '../../kernel/measurement/types.ts';
import { fill, words } from './index.ts';

export interface Tag {
  text: string;
  classes: string;
}

const UNKNOWN = 'govuk-tag--grey';

/** The one place RAG colours are chosen. */
export const RAG_TAG_CLASSES: Record<RagStatus, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
  'no-data': 'govuk-tag--grey',
  overdue: 'govuk-tag--purple',
  'no-target': 'govuk-tag--blue',
};

export const PLAN_STATUS_TAG_CLASSES: Record<keyof typeof words.planStatus, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  'in-approval': 'govuk-tag--light-blue',
  approved: 'govuk-tag--green',
  superseded: 'govuk-tag--yellow',
  archived: 'govuk-tag--grey',
};

export const VALUE_STATUS_TAG_CLASSES: Record<keyof typeof words.valueStatus, string> = {
  'not-entered': 'govuk-tag--grey',
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  returned: 'govuk-tag--orange',
  verified: 'govuk-tag--turquoise',
  approved: 'govuk-tag--green',
  published: 'govuk-tag--green',
};

export const APPETITE_POSITION_TAG_CLASSES: Record<keyof typeof words.appetitePosition, string> = {
  within: 'govuk-tag--green',
  outside: 'govuk-tag--red',
  'no-data': 'govuk-tag--grey',
  'no-appetite': 'govuk-tag--blue',
};

export const LABEL_TAG_CLASSES: Record<keyof typeof words.labelTag, string> = {
  'key-measure': 'govuk-tag--blue',
  retired: 'govuk-tag--grey',
  'token-active': 'govuk-tag--green',
  'role-in-force': 'govuk-tag--green',
  'settings-default': 'govuk-tag--grey',
  'settings-council': 'govuk-tag--blue',
};

/** A status outside a family (an old or unknown code) is shown as itself, in grey, never hidden. */
function tagIn(
  family: Readonly<Record<string, string>>,
  classes: Readonly<Record<string, string>>,
  status: string,
): Tag {
  return Object.hasOwn(family, status) && Object.hasOwn(classes, status)
    ? { text: family[status]!, classes: classes[status]! }
    : { text: status, classes: UNKNOWN };
}

export function ragWord(status: RagStatus): string {
  return words.rag[status] ?? status;
}

export function ragTag(status: RagStatus): Tag {
  return { text: ragWord(status), classes: RAG_TAG_CLASSES[status] ?? UNKNOWN };
}

export function planStatusWord(status: string): string {
  return tagIn(words.planStatus, PLAN_STATUS_TAG_CLASSES, status).text;
}

export function planStatusTag(status: string): Tag {
  return tagIn(words.planStatus, PLAN_STATUS_TAG_CLASSES, status);
}

/** A value's workflow status; no status at all means nothing has been entered yet. */
export function valueStatusTag(status: string | null | undefined): Tag {
  return tagIn(words.valueStatus, VALUE_STATUS_TAG_CLASSES, status || 'not-entered');
}

export function appetitePositionTag(position: string): Tag {
  return tagIn(words.appetitePosition, APPETITE_POSITION_TAG_CLASSES, position);
}

/** A person still with the council, or one who has left (on a date, when it is known). */
export function personStatusTag(status: string, leftOnText: string | null): Tag {
  if (status !== 'left') return { text: words.personStatus.active, classes: 'govuk-tag--green' };
  return {
    text: leftOnText ? fill(words.personStatus.leftOn, { date: leftOnText }) : words.personStatus.left,
    classes: 'govuk-tag--grey',
  };
}

/** A fixed label shown as a tag ("Key", "Retired", "In force" …). */
export function labelTag(label: keyof typeof words.labelTag): Tag {
  return tagIn(words.labelTag, LABEL_TAG_CLASSES, label);
}

export const PROJECT_STATUS_TAG_CLASSES: Record<keyof typeof words.projectStatus, string> = {
  proposed: 'govuk-tag--grey',
  active: 'govuk-tag--blue',
  'on-hold': 'govuk-tag--yellow',
  closed: 'govuk-tag--green',
  cancelled: 'govuk-tag--red',
};

export function projectStatusTag(status: string): Tag {
  return tagIn(words.projectStatus, PROJECT_STATUS_TAG_CLASSES, status);
}

/** Action (activity tracker) statuses: the same colours as the RAG they roll up as. */
export const ACTION_STATUS_TAG_CLASSES: Record<keyof typeof words.actionStatus, string> = {
  'not-started': 'govuk-tag--grey',
  'on-track': 'govuk-tag--green',
  'at-risk': 'govuk-tag--orange',
  'off-track': 'govuk-tag--red',
  complete: 'govuk-tag--blue',
  cancelled: 'govuk-tag--grey',
  terminated: 'govuk-tag--grey',
};

export function actionStatusTag(status: keyof typeof words.actionStatus): Tag {
  return { text: words.actionStatus[status], classes: ACTION_STATUS_TAG_CLASSES[status] ?? UNKNOWN };
}
