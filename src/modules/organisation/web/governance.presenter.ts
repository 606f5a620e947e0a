import { BODY_KINDS, FRAMEWORK_ROLES, formBodyKind, MEMBER_ROLES, PARTNER_KINDS, UNIT_KINDS } from '../domain/index.ts';
import { words } from '../../../platform/words/index.ts';

const kinds = words.organisationKinds;

/** The name for a stored code; a code the catalogue does not know (an older row) is shown as it is. */
const nameOf = (names: Readonly<Record<string, string>>, key: string): string =>
  Object.hasOwn(names, key) ? names[key]! : key;

export const partnerKindName = (kind: string) => nameOf(kinds.partner, kind);
export const bodyKindName = (kind: string) => kinds.body[formBodyKind(kind)];
export const memberRoleName = (role: string) => nameOf(kinds.memberRole, role);
export const frameworkRoleNames = (roles: readonly string[]) => roles.map((role) => nameOf(kinds.frameworkRole, role));

const asList = (value: unknown): string[] =>
  value === undefined || value === null || value === ''
    ? []
    : Array.isArray(value)
      ? value.map(String)
      : [String(value)];

export const partnerKindItems = (selected: unknown) =>
  PARTNER_KINDS.map((kind) => ({ value: kind, text: kinds.partner[kind], checked: kind === selected }));

export const bodyKindItems = (selected: unknown) =>
  BODY_KINDS.map((kind) => ({ value: kind, text: kinds.body[kind], checked: kind === selected }));

export const frameworkRoleItems = (selected: unknown) => {
  const chosen = asList(selected);
  return FRAMEWORK_ROLES.map((role) => ({
    value: role,
    text: kinds.frameworkRole[role],
    checked: chosen.includes(role),
  }));
};

export const memberRoleItems = (selected: unknown) =>
  MEMBER_ROLES.map((role) => ({
    value: role,
    text: kinds.memberRole[role],
    checked: role === (selected ?? 'member'),
  }));

export const unitKindItems = (selected: unknown) =>
  UNIT_KINDS.map((kind) => ({ value: kind, text: kinds.unit[kind], checked: kind === selected }));

/** Unit checkboxes for a portfolio, ticked where the portfolio already covers the unit. */
export const unitCheckboxItems = (units: readonly { id: string; code: string; name: string }[], selected: unknown) => {
  const chosen = asList(selected);
  return units.map((unit) => ({
    value: unit.id,
    text: `${unit.name} (${unit.code})`,
    checked: chosen.includes(unit.id),
  }));
};
