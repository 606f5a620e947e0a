import type { Role } from '../../kernel/access/index.ts';
import type { MemberRole, PartnerKind } from '../../modules/organisation/domain/index.ts';

/** The shapes of the demo council's data (see ../demo-council.data.ts). */
export type PlanTypeKey =
  | 'community-strategy'
  | 'corporate-plan'
  | 'mtfs'
  | 'directorate-plan'
  | 'service-plan'
  | 'team-plan'
  | 'individual-plan';
export type ItemTypeKey =
  'vision' | 'ambition' | 'priority' | 'outcome' | 'objective' | 'action-area' | 'action' | 'individual-objective';
export type BodyKey =
  | 'full-council'
  | 'cabinet'
  | 'overview-scrutiny'
  | 'audit-committee'
  | 'leadership-team'
  | 'performance-panel'
  | 'lsp-board';

export interface DemoOrganisation {
  slug: string;
  name: string;
  type: string;
  emailDomain: string;
}

export interface DemoUnit {
  code: string;
  name: string;
  kind: 'council' | 'directorate' | 'service' | 'team';
  parent: string | null;
  /** Person key of the head of the unit. */
  head: string | null;
}

export interface DemoPartner {
  key: string;
  name: string;
  kind: PartnerKind;
  description: string;
}

export interface DemoGrant {
  role: Role;
  /** Unit code; null means the whole council. */
  unit: string | null;
}

export interface DemoPerson {
  key: string;
  name: string;
  /** Local part of the email address; the domain is the organisation's. */
  email: string;
  jobTitle: string;
  /** Null for people outside the council's structure (partners). */
  unit: string | null;
  lineManager: string | null;
  partner?: string;
  roles: DemoGrant[];
  /** Listed in the sign-in details printed at first start, with this description. */
  featured?: string;
}

export interface DemoMembership {
  body: BodyKey;
  person: string;
  role: MemberRole;
}

export interface DemoPortfolio {
  name: string;
  holder: string;
  units: string[];
}

/** `<plan key>:<item code>` */
export type ItemRef = `${string}:${string}`;

export interface DemoLink {
  to: ItemRef;
  kind: 'direct' | 'indirect';
}

export interface DemoItem {
  code: string;
  type: ItemTypeKey;
  title: string;
  description?: string;
  /** Person key. */
  owner?: string;
  /** Unit code. */
  unit?: string;
  /** Partner keys: the item is delivered through partnership with them. */
  partners?: string[];
  /** What this item contributes to, in other plans. */
  links?: DemoLink[];
  children?: DemoItem[];
}

/**
 * Approval history. `steps` are the dates each of the plan type's approval steps was taken, in
 * order; a plan type with more steps than dates takes each further step a week after the last.
 */
export interface DemoApproval {
  submitted: string;
  steps: string[];
}

export interface DemoPlan {
  key: string;
  type: PlanTypeKey;
  title: string;
  /** Unit code of the owning unit. */
  unit: string;
  /** Person key of the owner. */
  owner: string;
  /** Plan key of the plan this one sits under. */
  parent: string | null;
  periodStart: string;
  periodEnd: string;
  created: string;
  /** Template section key → text. */
  sections: Record<string, string>;
  items: DemoItem[];
  approval: DemoApproval;
}

/** A new version of a plan: items are carried over (as the app does) and then changed. */
export interface DemoPlanVersion {
  key: string;
  /** Plan key of the version this one follows. */
  of: string;
  kind: 'amendment' | 'refresh';
  reason: string;
  created: string;
  title?: string;
  periodStart?: string;
  periodEnd?: string;
  /** Sections replaced in the new version. */
  sections?: Record<string, string>;
  retitle?: Record<string, string>;
  addItems?: { parent: string | null; item: DemoItem }[];
  /** Null: still a draft. An approved amendment supersedes the version it follows. */
  approval: DemoApproval | null;
}

export interface DemoCouncil {
  organisation: DemoOrganisation;
  units: DemoUnit[];
  partners: DemoPartner[];
  people: DemoPerson[];
  memberships: DemoMembership[];
  portfolios: DemoPortfolio[];
  plans: DemoPlan[];
  versions: DemoPlanVersion[];
}

/** The one password every demo person signs in with. It is printed at first start: demo only. */
