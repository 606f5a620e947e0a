import { isRole, rolePhrase, ROLES } from '../../../kernel/access/index.ts';
import type { RoleAssignmentDetail } from '../roles.service.ts';
import { formatDate, formatDateTime } from '../../../platform/http/filters.ts';
import { personStatusTag } from '../../../platform/words/status-tags.ts';
import { words, say } from '../../../platform/words/index.ts';

const w = words.organisationPages.peopleRoutes;

export const roleName = (role: string): string => (isRole(role) ? say(rolePhrase(role)) : role);

/** Role choices for a GOV.UK select, with a blank first. */
export function roleItems(selected: unknown) {
  return [
    { value: '', text: w.selectRole, selected: !selected },
    ...ROLES.map((role) => ({ value: role, text: say(rolePhrase(role)), selected: role === selected })),
  ];
}

export interface AssignmentView {
  id: string;
  role: string;
  scope: string;
  partnerName: string | null;
  granted: string;
  grantedBy: string | null;
  ended: string | null;
  active: boolean;
}

/** A person's role assignments, those in force first, then the history. */
export function assignmentViews(assignments: readonly RoleAssignmentDetail[]): AssignmentView[] {
  return [...assignments]
    .sort((a, b) => Number(a.endedAt !== null) - Number(b.endedAt !== null))
    .map((assignment) => ({
      id: assignment.id,
      role: roleName(assignment.role),
      scope: assignment.unitId ? (assignment.unitName ?? w.unknownUnit) : w.wholeOrganisation,
      partnerName: assignment.partnerName,
      granted: formatDateTime(assignment.grantedAt),
      grantedBy: assignment.grantedByName,
      ended: assignment.endedAt ? formatDateTime(assignment.endedAt) : null,
      active: assignment.endedAt === null,
    }));
}

export function personStatus(status: string, leftOn: string | null): { text: string; classes: string } {
  return personStatusTag(status, leftOn ? formatDate(leftOn) : null);
}

/** GOV.UK date input parts (name-day, name-month, name-year) as one ISO date, or undefined if all blank. */
export function isoFromDateParts(body: Record<string, unknown>, name: string): string | undefined {
  const part = (suffix: string) => String(body[`${name}-${suffix}`] ?? '').trim();
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (!day && !month && !year) return undefined;
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
