/**
 * Roles and what they permit. Deny by default: a permission not listed for a role is refused.
 * Roles are held over a unit and inherited by everything below it (docs/decisions/0005).
 */
import { phrase, type Phrase } from '../phrase.ts';

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

/**
 * Each role's name in the catalogue (src/platform/words/en/roles.ts), as a phrase for the edges to
 * say: the keys are written out so the catalogue test can check each has words.
 */
const ROLE_NAME_KEYS: Record<Role, string> = {
  administrator: 'roleNames.administrator',
  'performance-officer': 'roleNames.performance-officer',
  director: 'roleNames.director',
  manager: 'roleNames.manager',
  'data-entry': 'roleNames.data-entry',
  viewer: 'roleNames.viewer',
  'cabinet-member': 'roleNames.cabinet-member',
  'scrutiny-member': 'roleNames.scrutiny-member',
  'audit-member': 'roleNames.audit-member',
  'internal-auditor': 'roleNames.internal-auditor',
  hr: 'roleNames.hr',
  partner: 'roleNames.partner',
  'finance-officer': 'roleNames.finance-officer',
};

/** A role's name, for a page or a sentence to say ("Director", "Cabinet member (portfolio holder)"). */
export const rolePhrase = (role: Role): Phrase => phrase(ROLE_NAME_KEYS[role]);

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
  /** Risk registers, their risks, heat maps and the council's matrix and appetite: reading them. */
  'view:risks',
  /** Registers and their risks (held over a unit: the registers of that unit and below). */
  'edit:risks',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const staff: Permission[] = ['view:plans', 'view:organisation', 'manage:api-tokens'];
const planners: Permission[] = [...staff, 'edit:plans', 'submit:plans', 'approve:plans', 'version:plans'];
/** Officers who own risks keep the registers of their unit and below (the council's risk officer is the performance officer). */
const riskOwners: Permission[] = ['view:risks', 'edit:risks'];

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
    ...riskOwners,
  ],
  director: [
    ...planners,
    'view:audit',
    'edit:measures',
    'verify:values',
    'approve:values',
    'view:money',
    ...riskOwners,
  ],
  manager: [...planners, 'edit:measures', 'enter:values', 'verify:values', 'view:money', ...riskOwners],
  'data-entry': [...staff, 'enter:values'],
  viewer: ['view:plans', 'view:organisation', 'view:risks'],
  // Councillors read the budget position and the strategic risk register (003 §34: both go to
  // Executive and Scrutiny each quarter); the audit committee oversees risk management.
  'cabinet-member': ['view:plans', 'view:organisation', 'approve:plans', 'view:money', 'view:risks'],
  'scrutiny-member': ['view:plans', 'view:organisation', 'view:money', 'view:risks'],
  'audit-member': ['view:plans', 'view:organisation', 'view:audit', 'view:money', 'view:risks'],
  'internal-auditor': ['view:plans', 'view:organisation', 'view:audit', 'view:money', 'view:risks'],
  // HR reads the risk registers (workforce risks sit on them), and so holds every right a viewer
  // has: HR manages the people it may, never someone holding a right HR lacks.
  hr: [...staff, 'manage:people', 'view:risks'],
  // A partner sees plans only, and only the items shared with its partnership.
  partner: ['view:plans'],
  // Keeps the council's revenue and capital monitoring: financial data only, audited.
  // Reads the risk registers too: financial risks sit beside the budget position.
  'finance-officer': [...staff, 'view:money', 'edit:money', 'view:audit', 'view:risks'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
