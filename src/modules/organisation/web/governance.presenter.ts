import {
  BODY_KIND_NAMES,
  BODY_KINDS,
  FRAMEWORK_ROLE_NAMES,
  FRAMEWORK_ROLES,
  formBodyKind,
  MEMBER_ROLE_NAMES,
  MEMBER_ROLES,
  PARTNER_KIND_NAMES,
  PARTNER_KINDS,
} from '../domain/index.ts';

const nameOf = <K extends string>(names: Record<K, string>, key: string): string =>
  (names as Record<string, string>)[key] ?? key;

export const partnerKindName = (kind: string) => nameOf(PARTNER_KIND_NAMES, kind);
export const bodyKindName = (kind: string) => BODY_KIND_NAMES[formBodyKind(kind)];
export const memberRoleName = (role: string) => nameOf(MEMBER_ROLE_NAMES, role);
export const frameworkRoleNames = (roles: readonly string[]) => roles.map((role) => nameOf(FRAMEWORK_ROLE_NAMES, role));

const asList = (value: unknown): string[] =>
  value === undefined || value === null || value === ''
    ? []
    : Array.isArray(value)
      ? value.map(String)
      : [String(value)];

export const partnerKindItems = (selected: unknown) =>
  PARTNER_KINDS.map((kind) => ({ value: kind, text: PARTNER_KIND_NAMES[kind], checked: kind === selected }));

export const bodyKindItems = (selected: unknown) =>
  BODY_KINDS.map((kind) => ({ value: kind, text: BODY_KIND_NAMES[kind], checked: kind === selected }));

export const frameworkRoleItems = (selected: unknown) => {
  const chosen = asList(selected);
  return FRAMEWORK_ROLES.map((role) => ({
    value: role,
    text: FRAMEWORK_ROLE_NAMES[role],
    checked: chosen.includes(role),
  }));
};

export const memberRoleItems = (selected: unknown) =>
  MEMBER_ROLES.map((role) => ({
    value: role,
    text: MEMBER_ROLE_NAMES[role],
    checked: role === (selected ?? 'member'),
  }));

/** Unit checkboxes for a portfolio, ticked where the portfolio already covers the unit. */
export const unitCheckboxItems = (units: readonly { id: string; code: string; name: string }[], selected: unknown) => {
  const chosen = asList(selected);
  return units.map((unit) => ({
    value: unit.id,
    text: `${unit.name} (${unit.code})`,
    checked: chosen.includes(unit.id),
  }));
};
