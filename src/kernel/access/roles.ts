/**
 * Roles and what they permit. Deny by default: a permission not listed for a role is refused.
 * Roles are held over a unit and inherited by everything below it (docs/decisions/0005).
 */
export const ROLES = [
  'administrator',
  'performance-officer',
  'director',
  'manager',
  'data-entry',
  'viewer',
  'cabinet-member',
  'scrutiny-member',
  'audit-member',
  'internal-auditor',
  'hr',
  'partner',
  'finance-officer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  administrator: 'Administrator',
  'performance-officer': 'Performance officer',
  director: 'Director',
  manager: 'Manager',
  'data-entry': 'Data entry',
  viewer: 'Viewer',
  'cabinet-member': 'Cabinet member (portfolio holder)',
  'scrutiny-member': 'Scrutiny member',
  'audit-member': 'Audit committee member',
  'internal-auditor': 'Internal auditor',
  hr: 'HR',
  partner: 'Partner',
  'finance-officer': 'Finance officer',
};

export const PERMISSIONS = [
  'view:plans',
  'view:organisation',
  'view:audit',
  'manage:structure',
  'manage:people',
  'manage:roles',
  'manage:governance',
  'manage:framework',
  'edit:plans',
  'submit:plans',
  'approve:plans',
  'version:plans',
  'manage:api-tokens',
  'edit:measures',
  'enter:values',
  'verify:values',
  'approve:values',
  'reopen:periods',
  'import:data',
  /** Revenue and capital monitoring, reserves, savings and the MTFS: reading them. */
  'view:money',
  /** Cost centres, budget lines, imports of the finance system's extract and the variance bands. */
  'edit:money',
  /** Governance bodies' meetings and agendas, and decisions and members' requests on any body's behalf. */
  'manage:meetings',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const staff: Permission[] = ['view:plans', 'view:organisation', 'manage:api-tokens'];
const planners: Permission[] = [...staff, 'edit:plans', 'submit:plans', 'approve:plans', 'version:plans'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  'performance-officer': [
    ...planners,
    'view:audit',
    'manage:framework',
    'manage:governance',
    'edit:measures',
    'enter:values',
    'verify:values',
    'approve:values',
    'reopen:periods',
    'import:data',
    'view:money',
    'manage:meetings',
  ],
  director: [...planners, 'view:audit', 'edit:measures', 'verify:values', 'approve:values', 'view:money'],
  manager: [...planners, 'edit:measures', 'enter:values', 'verify:values', 'view:money'],
  'data-entry': [...staff, 'enter:values'],
  viewer: ['view:plans', 'view:organisation'],
  // Councillors read the budget position (003 §34: it goes to Executive and Scrutiny each quarter).
  'cabinet-member': ['view:plans', 'view:organisation', 'approve:plans', 'view:money'],
  'scrutiny-member': ['view:plans', 'view:organisation', 'view:money'],
  'audit-member': ['view:plans', 'view:organisation', 'view:audit', 'view:money'],
  'internal-auditor': ['view:plans', 'view:organisation', 'view:audit', 'view:money'],
  hr: [...staff, 'manage:people'],
  // A partner sees plans only, and only the items shared with its partnership.
  partner: ['view:plans'],
  // Keeps the council's revenue and capital monitoring: financial data only, audited.
  'finance-officer': [...staff, 'view:money', 'edit:money', 'view:audit'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
