import type { Role } from '../kernel/access/index.ts';
import type { MemberRole, PartnerKind } from '../modules/organisation/domain/index.ts';

/**
 * The demo council: a fictional English borough council, written as plain data that refers to
 * things by key or code, never by id. `demo-council.loader.ts` turns it into rows. Every name here
 * is invented; any likeness to a real council or person is accidental.
 *
 * The golden thread it shows (after seed 002's cascade, "zero homelessness"):
 *   community strategy outcome O1.1 → Council Plan objective P1.1 → directorate objective CH-O1 →
 *   service objectives HSN-O1 / HPE-O1 → Estate Management team objective EM-O1 → the voids
 *   officer's individual objective KW-1.
 */

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
export const DEMO_PASSWORD = 'ashdown-vale-demo-2025';

const YEAR = { periodStart: '2025-04-01', periodEnd: '2026-03-31' } as const;
const NHS = 'nhs-trust';
const CVS = 'cvs';

const direct = (to: ItemRef): DemoLink => ({ to, kind: 'direct' });
const indirect = (to: ItemRef): DemoLink => ({ to, kind: 'indirect' });

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

const units: DemoUnit[] = [
  { code: 'COUNCIL', name: 'Ashdown Vale Borough Council', kind: 'council', parent: null, head: 'ceo' },
  { code: 'CH', name: 'Communities and Housing', kind: 'directorate', parent: 'COUNCIL', head: 'dir-communities' },
  { code: 'HSN', name: 'Housing Needs', kind: 'service', parent: 'CH', head: 'hos-housing-needs' },
  { code: 'HSN-OPT', name: 'Housing Options', kind: 'team', parent: 'HSN', head: 'tl-options' },
  { code: 'HSN-TA', name: 'Temporary Accommodation', kind: 'team', parent: 'HSN', head: null },
  { code: 'HPE', name: 'Housing Property and Estates', kind: 'service', parent: 'CH', head: 'hos-housing-property' },
  { code: 'HPE-EM', name: 'Estate Management', kind: 'team', parent: 'HPE', head: 'tl-estates' },
  { code: 'HPE-RM', name: 'Repairs and Maintenance', kind: 'team', parent: 'HPE', head: null },
  { code: 'CSW', name: 'Community Safety and Wellbeing', kind: 'service', parent: 'CH', head: 'hos-community' },
  { code: 'CSW-ASB', name: 'Anti-social Behaviour', kind: 'team', parent: 'CSW', head: null },
  { code: 'PE', name: 'Place and Environment', kind: 'directorate', parent: 'COUNCIL', head: 'dir-place' },
  { code: 'WST', name: 'Waste and Recycling', kind: 'service', parent: 'PE', head: 'hos-waste' },
  { code: 'WST-COL', name: 'Collections', kind: 'team', parent: 'WST', head: 'tl-collections' },
  { code: 'WST-REC', name: 'Recycling and Education', kind: 'team', parent: 'WST', head: null },
  { code: 'STS', name: 'Street Scene and Parks', kind: 'service', parent: 'PE', head: 'hos-street-scene' },
  { code: 'PEG', name: 'Planning and Economic Growth', kind: 'service', parent: 'PE', head: 'hos-planning' },
  { code: 'RES', name: 'Resources', kind: 'directorate', parent: 'COUNCIL', head: 'dir-resources' },
  { code: 'FRV', name: 'Finance and Revenues', kind: 'service', parent: 'RES', head: 'hos-finance' },
  { code: 'FRV-REV', name: 'Revenues and Benefits', kind: 'team', parent: 'FRV', head: 'tl-revenues' },
  { code: 'POD', name: 'People and Organisational Development', kind: 'service', parent: 'RES', head: 'hos-people' },
  { code: 'CDS', name: 'Customer and Digital Services', kind: 'service', parent: 'RES', head: 'hos-customer' },
  { code: 'CDS-CC', name: 'Customer Contact Centre', kind: 'team', parent: 'CDS', head: null },
  { code: 'SG', name: 'Strategy and Governance', kind: 'directorate', parent: 'COUNCIL', head: 'dir-strategy' },
  { code: 'PPF', name: 'Policy and Performance', kind: 'service', parent: 'SG', head: 'hos-policy' },
  { code: 'PPF-PI', name: 'Performance and Insight', kind: 'team', parent: 'PPF', head: 'tl-performance' },
  { code: 'LDS', name: 'Legal and Democratic Services', kind: 'service', parent: 'SG', head: 'hos-legal' },
  { code: 'IAR', name: 'Internal Audit and Risk', kind: 'service', parent: 'SG', head: 'hos-audit' },
];

const partners: DemoPartner[] = [
  {
    key: NHS,
    name: 'Ashdown and Wealdmoor NHS Foundation Trust',
    kind: 'nhs',
    description: 'Runs Ashdown General Hospital and community health services across the borough.',
  },
  {
    key: CVS,
    name: 'Ashdown Vale Council for Voluntary Service',
    kind: 'voluntary',
    description: 'Umbrella body supporting around 400 local charities, community groups and volunteers.',
  },
];

// ---------------------------------------------------------------------------------------------
// People: councillors, officers and partner users
// ---------------------------------------------------------------------------------------------

const councillor = (
  key: string,
  name: string,
  email: string,
  jobTitle: string,
  role: Role,
  featured?: string,
): DemoPerson => ({
  key,
  name,
  email,
  jobTitle,
  unit: 'COUNCIL',
  lineManager: null,
  roles: [{ role, unit: null }],
  ...(featured ? { featured } : {}),
});

const people: DemoPerson[] = [
  // Elected members
  councillor('cllr-leader', 'Cllr Margaret Okafor', 'margaret.okafor', 'Leader of the Council', 'cabinet-member'),
  councillor(
    'cllr-housing',
    'Cllr Daniel Hughes',
    'daniel.hughes',
    'Cabinet Member for Housing and Communities',
    'cabinet-member',
    'cabinet member (portfolio holder for housing)',
  ),
  councillor(
    'cllr-environment',
    'Cllr Priya Raman',
    'priya.raman',
    'Cabinet Member for Environment and Place',
    'cabinet-member',
  ),
  councillor(
    'cllr-resources',
    'Cllr Tom Fairweather',
    'tom.fairweather',
    'Cabinet Member for Resources and Performance',
    'cabinet-member',
  ),
  councillor(
    'cllr-scrutiny-chair',
    'Cllr Helen Marsh',
    'helen.marsh',
    'Chair, Overview and Scrutiny Committee',
    'scrutiny-member',
  ),
  councillor(
    'cllr-scrutiny',
    'Cllr Rashid Ahmed',
    'rashid.ahmed',
    'Councillor, Chair of the Council',
    'scrutiny-member',
  ),
  councillor(
    'cllr-audit',
    'Cllr Fiona Leckie',
    'fiona.leckie',
    'Chair, Audit and Governance Committee',
    'audit-member',
  ),

  // Leadership team
  {
    key: 'ceo',
    name: 'Sarah Whitlock',
    email: 'sarah.whitlock',
    jobTitle: 'Chief Executive',
    unit: 'COUNCIL',
    lineManager: null,
    roles: [{ role: 'director', unit: null }],
  },
  {
    key: 'dir-communities',
    name: 'James Adeyemi',
    email: 'james.adeyemi',
    jobTitle: 'Director of Communities and Housing',
    unit: 'CH',
    lineManager: 'ceo',
    roles: [{ role: 'director', unit: 'CH' }],
    featured: 'director of communities and housing',
  },
  {
    key: 'dir-place',
    name: 'Claire Donnelly',
    email: 'claire.donnelly',
    jobTitle: 'Director of Place and Environment',
    unit: 'PE',
    lineManager: 'ceo',
    roles: [{ role: 'director', unit: 'PE' }],
  },
  {
    key: 'dir-resources',
    name: 'Mark Petrakis',
    email: 'mark.petrakis',
    jobTitle: 'Director of Resources (Section 151 Officer)',
    unit: 'RES',
    lineManager: 'ceo',
    roles: [{ role: 'director', unit: 'RES' }],
  },
  {
    key: 'dir-strategy',
    name: 'Anita Sharma',
    email: 'anita.sharma',
    jobTitle: 'Director of Strategy and Governance (Monitoring Officer)',
    unit: 'SG',
    lineManager: 'ceo',
    roles: [{ role: 'director', unit: 'SG' }],
  },

  // Heads of service
  ...(
    [
      ['hos-housing-needs', 'Louise Bennett', 'Head of Housing Needs', 'HSN', 'dir-communities'],
      ['hos-housing-property', 'Gareth Price', 'Head of Housing Property and Estates', 'HPE', 'dir-communities'],
      ['hos-community', 'Nadia Khan', 'Head of Community Safety and Wellbeing', 'CSW', 'dir-communities'],
      ['hos-waste', 'Paul Henderson', 'Head of Waste and Recycling', 'WST', 'dir-place'],
      ['hos-street-scene', 'Emma Clarke', 'Head of Street Scene and Parks', 'STS', 'dir-place'],
      ['hos-planning', 'Oliver Grant', 'Head of Planning and Economic Growth', 'PEG', 'dir-place'],
      [
        'hos-finance',
        'Rebecca Lowe',
        'Head of Finance and Revenues (Deputy Section 151 Officer)',
        'FRV',
        'dir-resources',
      ],
      ['hos-people', 'Joanne Carter', 'Head of People and Organisational Development', 'POD', 'dir-resources'],
      ['hos-customer', 'Samuel Osei', 'Head of Customer and Digital Services', 'CDS', 'dir-resources'],
      ['hos-policy', 'David Lin', 'Head of Policy and Performance', 'PPF', 'dir-strategy'],
      ['hos-legal', 'Catherine Moore', 'Head of Legal and Democratic Services', 'LDS', 'dir-strategy'],
      ['hos-audit', 'Michael Brennan', 'Head of Internal Audit and Risk', 'IAR', 'dir-strategy'],
    ] as const
  ).map(([key, name, jobTitle, unit, lineManager]): DemoPerson => ({
    key,
    name,
    email: name.toLowerCase().replace(' ', '.'),
    jobTitle,
    unit,
    lineManager,
    roles: [{ role: 'manager', unit }],
    ...(key === 'hos-housing-needs' ? { featured: 'service manager (Housing Needs)' } : {}),
  })),

  // Team leaders
  {
    key: 'tl-options',
    name: 'Hannah Patel',
    email: 'hannah.patel',
    jobTitle: 'Housing Options Team Leader',
    unit: 'HSN-OPT',
    lineManager: 'hos-housing-needs',
    roles: [{ role: 'manager', unit: 'HSN-OPT' }],
  },
  {
    key: 'tl-estates',
    name: 'Kevin Doyle',
    email: 'kevin.doyle',
    jobTitle: 'Estate Management Team Leader',
    unit: 'HPE-EM',
    lineManager: 'hos-housing-property',
    roles: [{ role: 'manager', unit: 'HPE-EM' }],
  },
  {
    key: 'tl-collections',
    name: 'Steve Morgan',
    email: 'steve.morgan',
    jobTitle: 'Collections Operations Manager',
    unit: 'WST-COL',
    lineManager: 'hos-waste',
    roles: [{ role: 'manager', unit: 'WST-COL' }],
  },
  {
    key: 'tl-revenues',
    name: 'Owen Fletcher',
    email: 'owen.fletcher',
    jobTitle: 'Revenues and Benefits Manager',
    unit: 'FRV-REV',
    lineManager: 'hos-finance',
    roles: [{ role: 'manager', unit: 'FRV-REV' }],
  },
  {
    key: 'tl-performance',
    name: 'Rachel Evans',
    email: 'rachel.evans',
    jobTitle: 'Corporate Performance Manager',
    unit: 'PPF-PI',
    lineManager: 'hos-policy',
    roles: [
      { role: 'performance-officer', unit: null },
      { role: 'manager', unit: 'PPF-PI' },
    ],
    featured: 'performance officer',
  },

  // Performance, systems and corporate roles
  {
    key: 'perf-officer',
    name: 'Ben Taylor',
    email: 'ben.taylor',
    jobTitle: 'Performance and Insight Officer',
    unit: 'PPF-PI',
    lineManager: 'tl-performance',
    roles: [{ role: 'performance-officer', unit: null }],
  },
  {
    key: 'admin',
    name: 'Chris Walker',
    email: 'chris.walker',
    jobTitle: 'Performance Systems Administrator',
    unit: 'PPF-PI',
    lineManager: 'tl-performance',
    roles: [{ role: 'administrator', unit: null }],
    featured: 'administrator',
  },
  {
    key: 'auditor',
    name: 'Priti Desai',
    email: 'priti.desai',
    jobTitle: 'Senior Internal Auditor',
    unit: 'IAR',
    lineManager: 'hos-audit',
    roles: [{ role: 'internal-auditor', unit: null }],
  },
  {
    key: 'hr',
    name: 'Natalie Brooks',
    email: 'natalie.brooks',
    jobTitle: 'HR Business Partner',
    unit: 'POD',
    lineManager: 'hos-people',
    roles: [{ role: 'hr', unit: null }],
  },

  // Front-line staff and data entry
  {
    key: 'officer-options',
    name: 'Aisha Begum',
    email: 'aisha.begum',
    jobTitle: 'Housing Options Officer',
    unit: 'HSN-OPT',
    lineManager: 'tl-options',
    roles: [{ role: 'data-entry', unit: 'HSN' }],
    featured: 'data entry (Housing Needs)',
  },
  {
    key: 'officer-voids',
    name: 'Kieran Walsh',
    email: 'kieran.walsh',
    jobTitle: 'Voids Officer',
    unit: 'HPE-EM',
    lineManager: 'tl-estates',
    roles: [{ role: 'data-entry', unit: 'HPE-EM' }],
  },
  {
    key: 'officer-waste',
    name: "Liam O'Connor",
    email: 'liam.oconnor',
    jobTitle: 'Waste Data and Contracts Officer',
    unit: 'WST-COL',
    lineManager: 'tl-collections',
    roles: [{ role: 'data-entry', unit: 'WST' }],
  },
  {
    key: 'officer-revenues',
    name: 'Yvonne Mensah',
    email: 'yvonne.mensah',
    jobTitle: 'Revenues Officer',
    unit: 'FRV-REV',
    lineManager: 'tl-revenues',
    roles: [{ role: 'data-entry', unit: 'FRV-REV' }],
  },
  {
    key: 'viewer-comms',
    name: 'Lucy Fenwick',
    email: 'lucy.fenwick',
    jobTitle: 'Communications Officer',
    unit: 'PPF',
    lineManager: 'hos-policy',
    roles: [{ role: 'viewer', unit: null }],
  },
  {
    key: 'viewer-support',
    name: 'George Ashby',
    email: 'george.ashby',
    jobTitle: 'Business Support Officer',
    unit: 'CH',
    lineManager: 'dir-communities',
    roles: [{ role: 'viewer', unit: 'CH' }],
  },

  // Partner users: see only what is shared with their partner
  {
    key: 'partner-nhs',
    name: 'Dr Imran Siddiqui',
    email: 'imran.siddiqui',
    jobTitle: 'Director of Population Health, Ashdown and Wealdmoor NHS Foundation Trust',
    unit: null,
    lineManager: null,
    partner: NHS,
    roles: [{ role: 'partner', unit: null }],
    featured: 'partner user (NHS trust)',
  },
  {
    key: 'partner-cvs',
    name: 'Jenny Holt',
    email: 'jenny.holt',
    jobTitle: 'Chief Officer, Ashdown Vale Council for Voluntary Service',
    unit: null,
    lineManager: null,
    partner: CVS,
    roles: [{ role: 'partner', unit: null }],
  },
];

const memberships: DemoMembership[] = [
  ...[
    'cllr-scrutiny',
    'cllr-leader',
    'cllr-housing',
    'cllr-environment',
    'cllr-resources',
    'cllr-scrutiny-chair',
    'cllr-audit',
  ].map((person, index): DemoMembership => ({ body: 'full-council', person, role: index === 0 ? 'chair' : 'member' })),
  { body: 'cabinet', person: 'cllr-leader', role: 'chair' },
  { body: 'cabinet', person: 'cllr-housing', role: 'member' },
  { body: 'cabinet', person: 'cllr-environment', role: 'member' },
  { body: 'cabinet', person: 'cllr-resources', role: 'vice-chair' },
  { body: 'overview-scrutiny', person: 'cllr-scrutiny-chair', role: 'chair' },
  { body: 'overview-scrutiny', person: 'cllr-scrutiny', role: 'member' },
  { body: 'audit-committee', person: 'cllr-audit', role: 'chair' },
  { body: 'audit-committee', person: 'cllr-scrutiny', role: 'member' },
  { body: 'leadership-team', person: 'ceo', role: 'chair' },
  { body: 'leadership-team', person: 'dir-communities', role: 'member' },
  { body: 'leadership-team', person: 'dir-place', role: 'member' },
  { body: 'leadership-team', person: 'dir-resources', role: 'member' },
  { body: 'leadership-team', person: 'dir-strategy', role: 'member' },
  { body: 'performance-panel', person: 'cllr-resources', role: 'chair' },
  { body: 'performance-panel', person: 'dir-strategy', role: 'member' },
  { body: 'performance-panel', person: 'tl-performance', role: 'member' },
  { body: 'performance-panel', person: 'cllr-scrutiny-chair', role: 'member' },
  { body: 'lsp-board', person: 'cllr-leader', role: 'chair' },
  { body: 'lsp-board', person: 'ceo', role: 'member' },
  { body: 'lsp-board', person: 'partner-nhs', role: 'vice-chair' },
  { body: 'lsp-board', person: 'partner-cvs', role: 'member' },
];

const portfolios: DemoPortfolio[] = [
  { name: 'Leader: Strategy and Partnerships', holder: 'cllr-leader', units: ['PPF', 'LDS'] },
  { name: 'Housing and Communities', holder: 'cllr-housing', units: ['HSN', 'HPE', 'CSW'] },
  { name: 'Environment and Place', holder: 'cllr-environment', units: ['WST', 'STS', 'PEG'] },
  { name: 'Resources and Performance', holder: 'cllr-resources', units: ['FRV', 'POD', 'CDS', 'IAR'] },
];

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

const communityStrategy: DemoPlan = {
  key: 'community-strategy',
  type: 'community-strategy',
  title: 'Ashdown Vale Together: Community Strategy 2025–2035',
  unit: 'COUNCIL',
  owner: 'ceo',
  parent: null,
  periodStart: '2025-04-01',
  periodEnd: '2035-03-31',
  created: '2024-11-04',
  sections: {
    vision:
      'By 2035 Ashdown Vale is a fair, green and thriving borough where everyone has a place to call home, good health and a good job.',
    context:
      'Ashdown Vale is home to 131,000 people in the towns of Ashdown and Kelsford and the villages of the Vale. Most residents do well, but life expectancy is nine years lower in Kelsford East than in the Vale villages, homelessness has risen for three years running, and the town centres are losing shops. 3,200 residents told us what matters to them in the Big Conversation in 2024.',
    partnership:
      'The strategy belongs to the Ashdown Vale Partnership: the council, the NHS foundation trust, the police, the voluntary sector through the CVS, colleges and businesses. The Local Strategic Partnership Board reviews progress twice a year; each partner sets out its contribution in its own plans.',
  },
  approval: { submitted: '2025-01-13', steps: ['2025-01-13', '2025-01-29', '2025-02-26'] },
  items: [
    {
      code: 'V1',
      type: 'vision',
      title: 'By 2035 Ashdown Vale is a fair, green and thriving borough where everyone has a place to call home',
      owner: 'ceo',
      children: [
        {
          code: 'A1',
          type: 'ambition',
          title: 'Everyone has a safe, secure and affordable home',
          children: [
            {
              code: 'O1.1',
              type: 'outcome',
              title: 'Zero homelessness: no one sleeping rough and no family in bed and breakfast',
              description:
                'Homelessness is prevented wherever possible and, where it cannot be, is brief and does not recur.',
              partners: [NHS, CVS],
            },
            { code: 'O1.2', type: 'outcome', title: 'More affordable homes for local people' },
          ],
        },
        {
          code: 'A2',
          type: 'ambition',
          title: 'Healthy, safe and connected communities',
          children: [
            {
              code: 'O2.1',
              type: 'outcome',
              title: 'The gap in healthy life expectancy between our most and least deprived wards narrows',
              partners: [NHS],
            },
            { code: 'O2.2', type: 'outcome', title: 'Residents feel safe in their neighbourhoods' },
            {
              code: 'O2.3',
              type: 'outcome',
              title: 'A strong, active voluntary and community sector',
              partners: [CVS],
            },
          ],
        },
        {
          code: 'A3',
          type: 'ambition',
          title: 'A clean, green and climate-ready borough',
          children: [
            { code: 'O3.1', type: 'outcome', title: 'Net zero carbon emissions across the borough by 2040' },
            { code: 'O3.2', type: 'outcome', title: 'Clean streets, parks and open spaces people are proud of' },
          ],
        },
        {
          code: 'A4',
          type: 'ambition',
          title: 'A thriving local economy with good jobs',
          children: [
            { code: 'O4.1', type: 'outcome', title: 'More residents in good, secure work', partners: [CVS] },
            { code: 'O4.2', type: 'outcome', title: 'Vibrant town centres in Ashdown and Kelsford' },
          ],
        },
      ],
    },
  ],
};

const cs = (code: string): ItemRef => `community-strategy:${code}`;
const corp = (code: string): ItemRef => `corporate-plan:${code}`;

const corporatePlan: DemoPlan = {
  key: 'corporate-plan',
  type: 'corporate-plan',
  title: 'Council Plan 2025–2028',
  unit: 'COUNCIL',
  owner: 'ceo',
  parent: 'community-strategy',
  periodStart: '2025-04-01',
  periodEnd: '2028-03-31',
  created: '2024-11-18',
  sections: {
    introduction:
      'This plan sets out what the council will do over the next three years to deliver its part of Ashdown Vale Together, the community strategy, and how we will know we are succeeding.',
    context:
      'Demand for housing help, support for vulnerable residents and waste services is rising while funding is not. We have a £4.2m budget gap over four years and must change how we work to protect the services residents value most.',
    resources:
      'The Medium Term Financial Strategy funds these priorities: a net revenue budget of £21.8m in 2025/26 and a £38m capital programme over four years.',
    monitoring:
      'Progress is reported quarterly to the Corporate Leadership Team, Cabinet and the Overview and Scrutiny Committee, with an annual report to Full Council each July.',
  },
  approval: { submitted: '2025-01-20', steps: ['2025-01-20', '2025-01-28', '2025-02-11', '2025-02-26'] },
  items: [
    {
      code: 'P1',
      type: 'priority',
      title: 'Homes for everyone',
      owner: 'dir-communities',
      links: [direct(cs('A1'))],
      children: [
        {
          code: 'P1.1',
          type: 'objective',
          title: 'Prevent homelessness and end the use of bed and breakfast for families',
          description: 'Every homeless household offered suitable accommodation within 21 days by March 2026.',
          owner: 'dir-communities',
          unit: 'CH',
          partners: [NHS, CVS],
          links: [direct(cs('O1.1'))],
        },
        {
          code: 'P1.2',
          type: 'objective',
          title: 'Enable 600 new affordable homes by 2028',
          owner: 'dir-place',
          unit: 'PE',
          links: [direct(cs('O1.2'))],
        },
        {
          code: 'P1.3',
          type: 'objective',
          title: 'Keep council homes safe and decent, and re-let them quickly',
          owner: 'dir-communities',
          unit: 'CH',
          links: [direct(cs('O1.2')), indirect(cs('O1.1'))],
        },
      ],
    },
    {
      code: 'P2',
      type: 'priority',
      title: 'Safe and healthy communities',
      owner: 'dir-communities',
      links: [direct(cs('A2'))],
      children: [
        {
          code: 'P2.1',
          type: 'objective',
          title: 'Reduce anti-social behaviour, working with the police and housing associations',
          owner: 'hos-community',
          unit: 'CSW',
          links: [direct(cs('O2.2'))],
        },
        {
          code: 'P2.2',
          type: 'objective',
          title: 'Help residents live healthier, more active lives',
          owner: 'hos-community',
          unit: 'CSW',
          partners: [NHS],
          links: [indirect(cs('O2.1'))],
        },
        {
          code: 'P2.3',
          type: 'objective',
          title: 'Tackle loneliness and support voluntary and community groups',
          owner: 'hos-community',
          unit: 'CSW',
          partners: [CVS],
          links: [direct(cs('O2.3')), indirect(cs('O2.1'))],
        },
      ],
    },
    {
      code: 'P3',
      type: 'priority',
      title: 'A clean and green borough',
      owner: 'dir-place',
      links: [direct(cs('A3'))],
      children: [
        {
          code: 'P3.1',
          type: 'objective',
          title: 'Increase household recycling to 55% by 2028',
          owner: 'hos-waste',
          unit: 'WST',
          links: [direct(cs('O3.1')), direct(cs('O3.2'))],
        },
        {
          code: 'P3.2',
          type: 'objective',
          title: "Cut the council's own carbon emissions by 40% by 2028",
          owner: 'dir-strategy',
          unit: 'SG',
          links: [direct(cs('O3.1'))],
        },
        {
          code: 'P3.3',
          type: 'objective',
          title: 'Keep streets, parks and open spaces clean and well cared for',
          owner: 'hos-street-scene',
          unit: 'STS',
          links: [direct(cs('O3.2'))],
        },
      ],
    },
    {
      code: 'P4',
      type: 'priority',
      title: 'A thriving local economy',
      owner: 'dir-place',
      links: [direct(cs('A4'))],
      children: [
        {
          code: 'P4.1',
          type: 'objective',
          title: 'Support 300 local businesses to start and grow',
          owner: 'hos-planning',
          unit: 'PEG',
          links: [indirect(cs('O4.1'))],
        },
        {
          code: 'P4.2',
          type: 'objective',
          title: 'Regenerate Ashdown town centre',
          owner: 'dir-place',
          unit: 'PEG',
          links: [direct(cs('O4.2'))],
        },
        {
          code: 'P4.3',
          type: 'objective',
          title: 'Help residents into work and training',
          owner: 'hos-planning',
          unit: 'PEG',
          partners: [CVS],
          links: [indirect(cs('O4.1'))],
        },
      ],
    },
    {
      code: 'P5',
      type: 'priority',
      title: 'Good services, good value',
      owner: 'dir-resources',
      links: [indirect(cs('V1'))],
      children: [
        {
          code: 'P5.1',
          type: 'objective',
          title: 'Balance the budget every year without unplanned use of reserves',
          owner: 'dir-resources',
          unit: 'RES',
        },
        {
          code: 'P5.2',
          type: 'objective',
          title: 'Make it easy to do business with us online, at any time',
          owner: 'hos-customer',
          unit: 'CDS',
        },
        {
          code: 'P5.3',
          type: 'objective',
          title: 'Collect council tax and business rates efficiently and fairly',
          owner: 'hos-finance',
          unit: 'FRV',
        },
      ],
    },
    {
      code: 'P6',
      type: 'priority',
      title: 'A well-run council',
      owner: 'dir-strategy',
      links: [indirect(cs('V1'))],
      children: [
        {
          code: 'P6.1',
          type: 'objective',
          title: 'Develop a skilled, healthy and engaged workforce',
          owner: 'hos-people',
          unit: 'POD',
        },
        {
          code: 'P6.2',
          type: 'objective',
          title: 'Strong governance, risk management and assurance',
          owner: 'dir-strategy',
          unit: 'SG',
        },
        {
          code: 'P6.3',
          type: 'objective',
          title: 'Use performance information to drive improvement',
          owner: 'hos-policy',
          unit: 'PPF',
        },
      ],
    },
  ],
};

const mtfs: DemoPlan = {
  key: 'mtfs',
  type: 'mtfs',
  title: 'Medium Term Financial Strategy 2025/26 to 2028/29',
  unit: 'RES',
  owner: 'dir-resources',
  parent: 'community-strategy',
  periodStart: '2025-04-01',
  periodEnd: '2029-03-31',
  created: '2024-10-21',
  sections: {
    'financial-context':
      'Core spending power rises by 3.1% in 2025/26, below inflation in pay and contracts. Temporary accommodation costs have doubled in two years. Without action the gap between spending and funding reaches £4.2m by 2028/29.',
    'budget-strategy':
      'Close the gap through a savings and income programme, council tax increases within the referendum limit and invest-to-save projects, keeping general reserves at no less than 5% of the net budget.',
  },
  approval: { submitted: '2025-01-27', steps: ['2025-01-27', '2025-02-11', '2025-02-26'] },
  items: [
    {
      code: 'M1',
      type: 'objective',
      title: 'A balanced budget every year to 2028/29, closing a forecast gap of £4.2m',
      owner: 'dir-resources',
      unit: 'RES',
      links: [direct(corp('P5.1'))],
      children: [
        {
          code: 'M1.1',
          type: 'action',
          title: 'Deliver the savings and income programme: £1.4m in 2025/26, £4.2m over four years',
          owner: 'hos-finance',
        },
        {
          code: 'M1.2',
          type: 'action',
          title: 'Council tax increase of 2.99% a year, the most allowed without a referendum',
          owner: 'dir-resources',
        },
      ],
    },
    {
      code: 'M2',
      type: 'objective',
      title: 'Keep general reserves at no less than 5% of the net revenue budget',
      owner: 'dir-resources',
      unit: 'RES',
      links: [direct(corp('P5.1'))],
    },
    {
      code: 'M3',
      type: 'objective',
      title: 'A £38m four-year capital programme aligned to the Council Plan',
      owner: 'dir-resources',
      unit: 'RES',
      links: [direct(corp('P1.2')), indirect(corp('P3.2')), indirect(corp('P4.2'))],
    },
  ],
};

const directoratePlan = (
  key: string,
  unit: string,
  owner: string,
  title: string,
  submitted: string,
  sections: { overview: string; challenges: string; risks: string },
  items: DemoItem[],
): DemoPlan => ({
  key,
  type: 'directorate-plan',
  title,
  unit,
  owner,
  parent: 'corporate-plan',
  ...YEAR,
  created: '2025-01-06',
  sections,
  approval: { submitted, steps: [submitted, '2025-03-11'] },
  items,
});

const objective = (code: string, title: string, links: DemoLink[], extra: Partial<DemoItem> = {}): DemoItem => ({
  code,
  type: 'objective',
  title,
  links,
  ...extra,
});
const action = (code: string, title: string, extra: Partial<DemoItem> = {}): DemoItem => ({
  code,
  type: 'action',
  title,
  ...extra,
});

const directoratePlans: DemoPlan[] = [
  directoratePlan(
    'dp-ch',
    'CH',
    'dir-communities',
    'Communities and Housing Directorate Plan 2025/26',
    '2025-03-03',
    {
      overview:
        'Housing Needs, Housing Property and Estates, and Community Safety and Wellbeing: 108 staff and a net budget of £5.7m, plus the £24.6m Housing Revenue Account.',
      challenges:
        'Rising homelessness and the cost of temporary accommodation; slow re-letting of empty council homes; anti-social behaviour concentrated in three wards.',
      risks:
        'Temporary accommodation costs exceed budget (high; monthly forecasting and the prevention hub). Voids contractor capacity (medium; contract re-procurement).',
    },
    [
      objective('CH-O1', 'Every homeless household offered suitable accommodation quickly', [direct(corp('P1.1'))], {
        owner: 'dir-communities',
        partners: [CVS],
      }),
      objective('CH-O2', 'Council homes that are safe, decent and re-let quickly', [direct(corp('P1.3'))], {
        owner: 'dir-communities',
      }),
      objective(
        'CH-O3',
        'Safer neighbourhoods and healthier residents, working with partners',
        [direct(corp('P2.1')), direct(corp('P2.2')), direct(corp('P2.3'))],
        { owner: 'hos-community', partners: [NHS] },
      ),
    ],
  ),
  directoratePlan(
    'dp-pe',
    'PE',
    'dir-place',
    'Place and Environment Directorate Plan 2025/26',
    '2025-03-03',
    {
      overview:
        'Waste and Recycling, Street Scene and Parks, and Planning and Economic Growth: 202 staff and a net budget of £10.6m.',
      challenges:
        'Recycling below target with high contamination; new national requirements for food waste; a town centre vacancy rate of 14%.',
      risks:
        'Vehicle breakdowns disrupt collections (medium; fleet replacement plan). Shared Prosperity Fund ends in March 2026 (high; exit plan).',
    },
    [
      objective('PE-O1', 'Recycle more and waste less', [direct(corp('P3.1'))], { owner: 'hos-waste' }),
      objective('PE-O2', 'Clean, well-kept streets and green spaces', [direct(corp('P3.3'))], {
        owner: 'hos-street-scene',
      }),
      objective(
        'PE-O3',
        'Growth that brings new homes, jobs and a revived town centre',
        [direct(corp('P1.2')), direct(corp('P4.1')), direct(corp('P4.2')), indirect(corp('P4.3'))],
        { owner: 'hos-planning' },
      ),
    ],
  ),
  directoratePlan(
    'dp-res',
    'RES',
    'dir-resources',
    'Resources Directorate Plan 2025/26',
    '2025-03-04',
    {
      overview:
        'Finance and Revenues, People and Organisational Development, and Customer and Digital Services: 132 staff and a net budget of £7.3m.',
      challenges: 'A £4.2m budget gap over four years; sickness absence above target; too many contacts by telephone.',
      risks: 'Savings not delivered in full (high; monthly savings tracker to the leadership team).',
    },
    [
      objective('RES-O1', 'A balanced budget and a sustainable financial position', [direct(corp('P5.1'))], {
        owner: 'hos-finance',
      }),
      objective('RES-O2', 'Easy, digital-first access to council services', [direct(corp('P5.2'))], {
        owner: 'hos-customer',
      }),
      objective('RES-O3', 'A skilled, healthy and engaged workforce', [direct(corp('P6.1'))], { owner: 'hos-people' }),
      objective('RES-O4', 'Efficient, fair collection of council tax and business rates', [direct(corp('P5.3'))], {
        owner: 'hos-finance',
      }),
    ],
  ),
  directoratePlan(
    'dp-sg',
    'SG',
    'dir-strategy',
    'Strategy and Governance Directorate Plan 2025/26',
    '2025-03-04',
    {
      overview:
        'Policy and Performance, Legal and Democratic Services, and Internal Audit and Risk: 40 staff and a net budget of £3.0m.',
      challenges:
        'Embedding the golden thread from the Council Plan to every appraisal; borough elections in May 2026.',
      risks: 'Performance data not trusted (medium; data quality checks and the new performance system).',
    },
    [
      objective('SG-O1', 'Performance information that drives improvement', [direct(corp('P6.3'))], {
        owner: 'hos-policy',
      }),
      objective('SG-O2', 'Sound governance, risk management and assurance', [direct(corp('P6.2'))], {
        owner: 'hos-legal',
      }),
      objective('SG-O3', "Lead the council's carbon reduction plan", [direct(corp('P3.2'))], { owner: 'hos-policy' }),
    ],
  ),
];

const serviceSections = (
  now: string,
  want: string,
  how: string,
  resources: string,
  monitor: string,
): Record<string, string> => ({
  'where-are-we-now': now,
  'where-do-we-want-to-be': want,
  'how-will-we-get-there': how,
  resources,
  'how-we-will-monitor': monitor,
});

const servicePlan = (
  key: string,
  unit: string,
  owner: string,
  name: string,
  parent: string,
  submitted: string,
  sections: Record<string, string>,
  items: DemoItem[],
): DemoPlan => ({
  key,
  type: 'service-plan',
  title: `${name} Service Plan 2025/26`,
  unit,
  owner,
  parent,
  ...YEAR,
  created: '2025-01-20',
  sections,
  approval: { submitted, steps: [submitted, '2025-03-21'] },
  items,
});

const ch = (code: string): ItemRef => `dp-ch:${code}`;
const pe = (code: string): ItemRef => `dp-pe:${code}`;
const res = (code: string): ItemRef => `dp-res:${code}`;
const sg = (code: string): ItemRef => `dp-sg:${code}`;

const MONTHLY_MONITORING =
  'Measures reported monthly to the directorate management team and quarterly to Cabinet and the Overview and Scrutiny Committee through the corporate performance report. Actions reviewed at monthly team meetings; exceptions escalated to the Director.';

const servicePlans: DemoPlan[] = [
  servicePlan(
    'sp-hsn',
    'HSN',
    'hos-housing-needs',
    'Housing Needs',
    'dp-ch',
    '2025-03-10',
    serviceSections(
      'Homelessness approaches rose 18% in 2024/25 to 1,460 households. 112 households are in temporary accommodation, 23 of them families in bed and breakfast, and the average wait for an offer is 34 days. Prevention succeeded for 52% of households owed a prevention duty.',
      'By March 2026 every homeless household is offered accommodation within 21 days, no family stays in bed and breakfast for more than six weeks, and homelessness is prevented for 60% of households who approach us.',
      'A single prevention hub with Ashdown Vale CVS; a hospital discharge protocol with the NHS trust; a bigger private rented sector access scheme; faster re-lets of council homes with Housing Property and Estates.',
      'Net budget £2.9m (including £1.1m Homelessness Prevention Grant); 31 FTE. One-off £180,000 from the Housing Reserve for the prevention hub.',
      MONTHLY_MONITORING,
    ),
    [
      objective(
        'HSN-O1',
        '100% of homeless households offered accommodation within 21 days',
        [direct(ch('CH-O1')), direct(corp('P1.1'))],
        {
          owner: 'hos-housing-needs',
          unit: 'HSN',
          children: [
            action('HSN-A1.1', 'Open a single homelessness prevention hub with Ashdown Vale CVS', {
              owner: 'tl-options',
              partners: [CVS],
            }),
            action('HSN-A1.2', 'Agree a hospital discharge protocol with the NHS trust', {
              owner: 'hos-housing-needs',
              partners: [NHS],
            }),
          ],
        },
      ),
      objective('HSN-O2', 'Prevent homelessness for 60% of households who approach us', [direct(ch('CH-O1'))], {
        owner: 'tl-options',
        unit: 'HSN-OPT',
        children: [action('HSN-A2.1', 'Grow the private rented sector access scheme to 80 tenancies')],
      }),
      objective('HSN-O3', 'No family in bed and breakfast for more than six weeks', [direct(ch('CH-O1'))], {
        owner: 'hos-housing-needs',
        unit: 'HSN-TA',
      }),
    ],
  ),
  servicePlan(
    'sp-hpe',
    'HPE',
    'hos-housing-property',
    'Housing Property and Estates',
    'dp-ch',
    '2025-03-10',
    serviceSections(
      'We manage 5,240 council homes. Empty homes took an average of 41 days to re-let in 2024/25, losing £310,000 in rent. 99.2% of homes have a valid gas safety certificate; tenant satisfaction with repairs is 74%.',
      'Empty homes re-let in an average of 28 days, so they can be offered to homeless households; every home with valid gas, electrical and fire safety checks; satisfaction with repairs at 85%.',
      'A voids standard and pre-void inspections; a re-procured voids repairs contract with a 10-day turnaround; quarterly estate inspections with tenants.',
      'Housing Revenue Account budget £24.6m; 58 FTE plus the repairs contractor. Voids contract value £2.2m a year.',
      MONTHLY_MONITORING,
    ),
    [
      objective(
        'HPE-O1',
        'Re-let empty council homes in an average of 28 days',
        [direct(ch('CH-O2')), direct('sp-hsn:HSN-O1')],
        {
          owner: 'hos-housing-property',
          unit: 'HPE-EM',
          children: [
            action('HPE-A1.1', 'Introduce a voids standard and pre-void inspections', { owner: 'tl-estates' }),
            action('HPE-A1.2', 'Re-procure the voids repairs contract with a 10-day turnaround', {
              owner: 'hos-housing-property',
            }),
          ],
        },
      ),
      objective(
        'HPE-O2',
        'Every council home has valid gas, electrical and fire safety checks',
        [direct(ch('CH-O2'))],
        { owner: 'hos-housing-property', unit: 'HPE-RM' },
      ),
      objective('HPE-O3', 'Tenant satisfaction with repairs at 85%', [direct(ch('CH-O2'))], {
        owner: 'hos-housing-property',
      }),
    ],
  ),
  servicePlan(
    'sp-csw',
    'CSW',
    'hos-community',
    'Community Safety and Wellbeing',
    'dp-ch',
    '2025-03-11',
    serviceSections(
      'Anti-social behaviour reports fell 4% in 2024/25 to 2,870, but are concentrated in three wards. Physical inactivity is 27% against 22% nationally. The council funds 31 voluntary groups through small grants.',
      'ASB down a further 10%, a Healthy Ashdown Vale programme reaching 2,000 residents, and grants and support for 40 voluntary groups.',
      'Joint patrols and a community trigger review with the police; the Healthy Ashdown Vale programme with the NHS trust; a community grants round run with the CVS.',
      'Net budget £1.4m; 19 FTE. £250,000 public health grant passed through from the county council.',
      MONTHLY_MONITORING,
    ),
    [
      objective('CSW-O1', 'Reduce anti-social behaviour incidents by 10%', [direct(ch('CH-O3'))], {
        owner: 'hos-community',
        unit: 'CSW-ASB',
      }),
      objective('CSW-O2', 'Deliver the Healthy Ashdown Vale programme to 2,000 residents', [direct(ch('CH-O3'))], {
        owner: 'hos-community',
        partners: [NHS],
      }),
      objective(
        'CSW-O3',
        'Grants and support for 40 voluntary and community groups',
        [direct(ch('CH-O3')), direct(corp('P2.3'))],
        { owner: 'hos-community', partners: [CVS] },
      ),
    ],
  ),
  servicePlan(
    'sp-wst',
    'WST',
    'hos-waste',
    'Waste and Recycling',
    'dp-pe',
    '2025-03-12',
    serviceSections(
      'We make 4.1 million collections a year from 58,000 households. Recycling is 46.8%, below the 50% target, and contamination of dry recycling is 14%. Missed bins run at 52 per 100,000 collections.',
      'Household recycling at 50% in 2025/26 on the way to 55% by 2028, contamination below 10%, and fewer than 40 missed bins per 100,000 collections.',
      'Recycling roadshows in the twelve lowest-performing areas, contamination checks and bin tagging on every round, and in-cab technology on all vehicles.',
      'Net budget £5.3m; 96 FTE; 28 refuse and recycling vehicles. £420,000 capital for in-cab technology.',
      MONTHLY_MONITORING,
    ),
    [
      objective('WST-O1', 'Increase household recycling to 50% in 2025/26', [direct(pe('PE-O1'))], {
        owner: 'hos-waste',
        unit: 'WST-REC',
        children: [
          action('WST-A1.1', 'Recycling roadshows in the twelve lowest-performing areas'),
          action('WST-A1.2', 'Contamination checks and bin tagging on every recycling round', {
            owner: 'tl-collections',
          }),
        ],
      }),
      objective('WST-O2', 'Fewer than 40 missed bins per 100,000 collections', [direct(pe('PE-O1'))], {
        owner: 'tl-collections',
        unit: 'WST-COL',
        children: [action('WST-A2.1', 'Fit in-cab technology to all 28 collection vehicles')],
      }),
    ],
  ),
  servicePlan(
    'sp-sts',
    'STS',
    'hos-street-scene',
    'Street Scene and Parks',
    'dp-pe',
    '2025-03-12',
    serviceSections(
      '92% of streets surveyed met an acceptable standard of cleanliness in 2024/25. Fly-tipping reports rose to 1,940. Two parks hold Green Flag status.',
      '95% of streets at an acceptable standard, fly-tips removed within two working days, and Green Flag status for three parks.',
      'Zone-based cleansing teams with patch ownership, a fly-tipping enforcement campaign, and a management plan for Kelsford Park.',
      'Net budget £3.1m; 64 FTE.',
      MONTHLY_MONITORING,
    ),
    [
      objective('STS-O1', '95% of streets at a high or acceptable standard of cleanliness', [direct(pe('PE-O2'))], {
        owner: 'hos-street-scene',
      }),
      objective('STS-O2', 'Remove reported fly-tips within two working days', [direct(pe('PE-O2'))], {
        owner: 'hos-street-scene',
      }),
      objective('STS-O3', 'Green Flag status for three parks', [direct(pe('PE-O2'))], { owner: 'hos-street-scene' }),
    ],
  ),
  servicePlan(
    'sp-peg',
    'PEG',
    'hos-planning',
    'Planning and Economic Growth',
    'dp-pe',
    '2025-03-13',
    serviceSections(
      '84% of major planning applications were decided on time in 2024/25. Unemployment in the borough is 3.9%, just above the regional rate of 3.6%. The town centre vacancy rate is 14%.',
      '90% of major applications decided on time, 100 businesses supported a year, 150 residents helped into work, and an adopted town centre masterplan.',
      'Pre-application service for major schemes; the Ashdown Business Hub; the Work Ready programme with the CVS; public consultation on the masterplan.',
      'Net budget £2.2m; 42 FTE. £1.2m UK Shared Prosperity Fund allocation.',
      MONTHLY_MONITORING,
    ),
    [
      objective('PEG-O1', 'Decide 90% of major planning applications on time', [direct(pe('PE-O3'))], {
        owner: 'hos-planning',
      }),
      objective('PEG-O2', 'Support 100 businesses a year through the Ashdown Business Hub', [direct(pe('PE-O3'))], {
        owner: 'hos-planning',
      }),
      objective('PEG-O3', 'Adopt the Ashdown Town Centre Masterplan', [direct(pe('PE-O3'))], { owner: 'hos-planning' }),
      objective('PEG-O4', 'Help 150 residents into work through the Work Ready programme', [indirect(corp('P4.3'))], {
        owner: 'hos-planning',
        partners: [CVS],
      }),
    ],
  ),
  servicePlan(
    'sp-frv',
    'FRV',
    'hos-finance',
    'Finance and Revenues',
    'dp-res',
    '2025-03-10',
    serviceSections(
      'The 2024/25 outturn was a £0.3m underspend. Council tax collection was 97.1% and business rates 98.2%. New housing benefit claims took 22 days on average.',
      'Savings of £1.4m delivered, council tax collection of 97.5%, and new benefit claims processed in 18 days.',
      'Monthly budget monitoring with every budget holder, earlier reminders and more direct debits for council tax, and automated processing of Universal Credit notifications.',
      'Net budget £3.8m; 71 FTE.',
      MONTHLY_MONITORING,
    ),
    [
      objective('FRV-O1', 'Deliver £1.4m of savings in 2025/26 and stay within budget', [direct(res('RES-O1'))], {
        owner: 'hos-finance',
      }),
      objective('FRV-O2', 'Collect 97.5% of council tax in the year', [direct(res('RES-O4'))], {
        owner: 'tl-revenues',
        unit: 'FRV-REV',
      }),
      objective('FRV-O3', 'Process new benefit claims in 18 days on average', [direct(res('RES-O4'))], {
        owner: 'tl-revenues',
        unit: 'FRV-REV',
      }),
    ],
  ),
  servicePlan(
    'sp-pod',
    'POD',
    'hos-people',
    'People and Organisational Development',
    'dp-res',
    '2025-03-11',
    serviceSections(
      'Sickness absence averaged 9.6 days per employee in 2024/25. 71% of employees had an appraisal. The staff survey engagement score was 64%.',
      'Sickness absence at 8 days, every employee with an appraisal linked to their service plan, and engagement at 70%.',
      'Manager training in attendance management, an appraisal window aligned to service planning, and the Ashdown Vale leadership programme.',
      'Net budget £1.1m; 17 FTE.',
      MONTHLY_MONITORING,
    ),
    [
      objective('POD-O1', 'Reduce sickness absence to 8 days per employee', [direct(res('RES-O3'))], {
        owner: 'hos-people',
      }),
      objective(
        'POD-O2',
        'Every employee has an appraisal with objectives linked to a plan',
        [direct(res('RES-O3')), indirect(sg('SG-O1'))],
        { owner: 'hos-people' },
      ),
      objective('POD-O3', 'Launch the Ashdown Vale leadership programme', [direct(res('RES-O3'))], {
        owner: 'hos-people',
      }),
    ],
  ),
  servicePlan(
    'sp-cds',
    'CDS',
    'hos-customer',
    'Customer and Digital Services',
    'dp-res',
    '2025-03-12',
    serviceSections(
      '58% of transactions were made online in 2024/25. The contact centre answered 71% of calls within 60 seconds.',
      '70% of transactions online by March 2026, and 80% of calls answered within 60 seconds.',
      'New online forms for the ten most common requests, a customer account, and call-back at busy times.',
      'Net budget £2.4m; 44 FTE.',
      MONTHLY_MONITORING,
    ),
    [
      objective('CDS-O1', '70% of transactions online by March 2026', [direct(res('RES-O2'))], {
        owner: 'hos-customer',
      }),
      objective('CDS-O2', 'Answer 80% of calls within 60 seconds', [direct(res('RES-O2'))], {
        owner: 'hos-customer',
        unit: 'CDS-CC',
      }),
    ],
  ),
  servicePlan(
    'sp-ppf',
    'PPF',
    'hos-policy',
    'Policy and Performance',
    'dp-sg',
    '2025-03-10',
    serviceSections(
      'Quarterly performance reports were late twice in 2024/25. 40% of service plans had objectives linked to the Council Plan. The council has no published carbon reduction plan.',
      'Every quarterly report on time, every service plan linked to the Council Plan through the golden thread, and a published carbon reduction plan.',
      'The new performance management system, service planning workshops, and a carbon baseline with an action plan.',
      'Net budget £0.9m; 12 FTE.',
      MONTHLY_MONITORING,
    ),
    [
      objective(
        'PPF-O1',
        'Quarterly performance reports to leadership team, Cabinet and scrutiny on time',
        [direct(sg('SG-O1'))],
        { owner: 'tl-performance', unit: 'PPF-PI' },
      ),
      objective(
        'PPF-O2',
        'Every service plan linked to the Council Plan through the golden thread',
        [direct(sg('SG-O1'))],
        { owner: 'tl-performance', unit: 'PPF-PI' },
      ),
      objective('PPF-O3', 'Publish a council carbon reduction plan', [direct(sg('SG-O3'))], { owner: 'hos-policy' }),
    ],
  ),
  servicePlan(
    'sp-lds',
    'LDS',
    'hos-legal',
    'Legal and Democratic Services',
    'dp-sg',
    '2025-03-13',
    serviceSections(
      '88% of committee papers were published five clear working days before the meeting. The borough elections are in May 2026.',
      'Every set of committee papers published on time, and well-run May 2026 elections.',
      'A forward plan for every committee, report deadlines set a year ahead, and an elections project board.',
      'Net budget £1.6m; 22 FTE.',
      MONTHLY_MONITORING,
    ),
    [
      objective(
        'LDS-O1',
        'Publish committee papers five clear working days before every meeting',
        [direct(sg('SG-O2'))],
        { owner: 'hos-legal' },
      ),
      objective('LDS-O2', 'Run the May 2026 borough elections', [indirect(sg('SG-O2'))], { owner: 'hos-legal' }),
    ],
  ),
  servicePlan(
    'sp-iar',
    'IAR',
    'hos-audit',
    'Internal Audit and Risk',
    'dp-sg',
    '2025-03-13',
    serviceSections(
      '84% of the 2024/25 internal audit plan was delivered. 12 high-priority actions were overdue at year end.',
      '90% of the audit plan delivered and every high-priority action implemented on time.',
      'A risk-based audit plan agreed with the Audit and Governance Committee, and monthly chasing of overdue actions with directors.',
      'Net budget £0.5m; 6 FTE.',
      'Progress reported to the Audit and Governance Committee at each meeting; annual opinion in June.',
    ),
    [
      objective('IAR-O1', 'Deliver 90% of the internal audit plan', [direct(sg('SG-O2'))], { owner: 'hos-audit' }),
      objective('IAR-O2', 'Implement agreed high-priority audit actions on time', [direct(sg('SG-O2'))], {
        owner: 'hos-audit',
      }),
    ],
  ),
];

const teamPlan = (
  key: string,
  unit: string,
  owner: string,
  name: string,
  parent: string,
  priorities: string,
  items: DemoItem[],
): DemoPlan => ({
  key,
  type: 'team-plan',
  title: `${name} Team Plan 2025/26`,
  unit,
  owner,
  parent,
  ...YEAR,
  created: '2025-03-24',
  sections: { 'team-priorities': priorities },
  approval: { submitted: '2025-04-07', steps: ['2025-04-07', '2025-04-14'] },
  items,
});

const teamPlans: DemoPlan[] = [
  teamPlan(
    'tp-em',
    'HPE-EM',
    'tl-estates',
    'Estate Management',
    'sp-hpe',
    'Get empty homes ready to let within 28 days so they can be offered to homeless households; keep estates safe and tidy with tenants.',
    [
      objective('EM-O1', '100% of empty homes available for re-let within 28 days', [direct('sp-hpe:HPE-O1')], {
        owner: 'tl-estates',
        children: [
          action('EM-A1.1', 'Review the daily void tracker with the repairs contractor', { owner: 'tl-estates' }),
        ],
      }),
      objective('EM-O2', 'Inspect every block and estate each quarter with tenants', [indirect('sp-hpe:HPE-O3')], {
        owner: 'tl-estates',
      }),
    ],
  ),
  teamPlan(
    'tp-opt',
    'HSN-OPT',
    'tl-options',
    'Housing Options',
    'sp-hsn',
    'Prevent homelessness early, and make a suitable offer quickly when we cannot.',
    [
      objective(
        'OPT-O1',
        'Make an offer of accommodation within 21 days of every homelessness decision',
        [direct('sp-hsn:HSN-O1')],
        { owner: 'tl-options' },
      ),
      objective(
        'OPT-O2',
        'Agree a personal housing plan within 10 days with every household owed a duty',
        [direct('sp-hsn:HSN-O2')],
        { owner: 'tl-options' },
      ),
    ],
  ),
  teamPlan(
    'tp-col',
    'WST-COL',
    'tl-collections',
    'Collections',
    'sp-wst',
    'Every bin collected on the right day, and contamination recorded so the recycling team can target its work.',
    [
      objective('COL-O1', 'Complete 99.9% of scheduled collections on the day', [direct('sp-wst:WST-O2')], {
        owner: 'tl-collections',
      }),
      objective('COL-O2', 'Record contamination on every recycling round', [direct('sp-wst:WST-O1')], {
        owner: 'tl-collections',
      }),
    ],
  ),
  teamPlan(
    'tp-rev',
    'FRV-REV',
    'tl-revenues',
    'Revenues and Benefits',
    'sp-frv',
    'Collect what is due fairly, support residents who struggle to pay, and pay benefits promptly.',
    [
      objective('REV-O1', 'Collect 97.5% of council tax in the year', [direct('sp-frv:FRV-O2')], {
        owner: 'tl-revenues',
      }),
      objective('REV-O2', 'Process new benefit claims in 18 days on average', [direct('sp-frv:FRV-O3')], {
        owner: 'tl-revenues',
      }),
    ],
  ),
  teamPlan(
    'tp-pi',
    'PPF-PI',
    'tl-performance',
    'Performance and Insight',
    'sp-ppf',
    'Timely, trusted performance reports and a golden thread from the Council Plan to every team.',
    [
      objective(
        'PI-O1',
        'Publish the quarterly corporate performance report within six weeks of quarter end',
        [direct('sp-ppf:PPF-O1')],
        { owner: 'tl-performance' },
      ),
      objective('PI-O2', 'Check the data quality of every corporate measure each year', [direct('sp-ppf:PPF-O1')], {
        owner: 'tl-performance',
      }),
      objective('PI-O3', 'Run service planning workshops for every service', [direct('sp-ppf:PPF-O2')], {
        owner: 'tl-performance',
      }),
    ],
  ),
];

const individualPlan = (
  key: string,
  unit: string,
  owner: string,
  parent: string,
  submitted: string,
  development: string,
  items: { code: string; title: string; links: DemoLink[] }[],
): DemoPlan => {
  const person = people.find((candidate) => candidate.key === owner);
  return {
    key,
    type: 'individual-plan',
    title: `${person?.name ?? owner}: work plan 2025/26`,
    unit,
    owner,
    parent,
    ...YEAR,
    created: '2025-04-22',
    sections: { development },
    approval: { submitted, steps: [submitted, '2025-05-13'] },
    items: items.map((item) => ({ ...item, type: 'individual-objective', owner, unit })),
  };
};

const individualPlans: DemoPlan[] = [
  individualPlan(
    'ip-voids',
    'HPE-EM',
    'officer-voids',
    'tp-em',
    '2025-05-06',
    'Level 3 Certificate in Housing; damp and mould awareness training.',
    [
      {
        code: 'KW-1',
        title:
          'Collect keys, assess condition, arrange repairs and tell lettings when ready: every void within 28 days',
        links: [direct('tp-em:EM-O1')],
      },
      {
        code: 'KW-2',
        title: 'Complete the Level 3 Certificate in Housing by March 2026',
        links: [indirect('tp-em:EM-O1')],
      },
    ],
  ),
  individualPlan(
    'ip-options',
    'HSN-OPT',
    'officer-options',
    'tp-opt',
    '2025-05-07',
    'Trauma-informed practice training; shadowing the hospital discharge team.',
    [
      {
        code: 'AB-1',
        title: 'Manage a caseload of 35 households, each with an offer within 21 days of decision',
        links: [direct('tp-opt:OPT-O1')],
      },
      {
        code: 'AB-2',
        title: 'Record every prevention outcome by the fifth working day of the month',
        links: [direct('tp-opt:OPT-O2')],
      },
    ],
  ),
  individualPlan(
    'ip-waste',
    'WST-COL',
    'officer-waste',
    'tp-col',
    '2025-05-08',
    'Excel and Power Query course; contract management training.',
    [
      {
        code: 'LO-1',
        title: 'Publish the weekly missed-collection and contamination report every Monday',
        links: [direct('tp-col:COL-O1'), direct('tp-col:COL-O2')],
      },
    ],
  ),
  individualPlan(
    'ip-performance',
    'PPF-PI',
    'perf-officer',
    'tp-pi',
    '2025-05-06',
    'Statistical process control training; presenting to members.',
    [
      {
        code: 'BT-1',
        title: 'Produce the quarterly corporate performance report',
        links: [direct('tp-pi:PI-O1')],
      },
      {
        code: 'BT-2',
        title: 'Spot-check the data behind ten corporate measures each quarter',
        links: [direct('tp-pi:PI-O2')],
      },
    ],
  ),
];

const versions: DemoPlanVersion[] = [
  {
    key: 'sp-wst-v2',
    of: 'sp-wst',
    kind: 'amendment',
    reason:
      'Simpler Recycling: the Environment Act 2021 requires weekly food waste collections from every household from 31 March 2026. Adds the mobilisation objective and its action.',
    created: '2025-09-01',
    sections: {
      'how-will-we-get-there':
        'Recycling roadshows in the twelve lowest-performing areas, contamination checks and bin tagging on every round, in-cab technology on all vehicles, and mobilisation of weekly food waste collections by March 2026.',
      resources:
        'Net budget £5.3m; 96 FTE; 28 refuse and recycling vehicles. £420,000 capital for in-cab technology. £1.9m new burdens funding for food waste vehicles and caddies.',
    },
    addItems: [
      {
        parent: null,
        item: objective(
          'WST-O3',
          'Collect food waste weekly from every household from 31 March 2026',
          [direct(pe('PE-O1'))],
          {
            owner: 'hos-waste',
            children: [
              action('WST-A3.1', 'Buy eight food waste vehicles and 60,000 kitchen caddies', { owner: 'hos-waste' }),
            ],
          },
        ),
      },
    ],
    approval: { submitted: '2025-09-08', steps: ['2025-09-08', '2025-09-15'] },
  },
  {
    key: 'sp-hsn-2026',
    of: 'sp-hsn',
    kind: 'refresh',
    reason: 'Annual refresh for 2026/27: carries forward this year’s objectives for review.',
    created: '2025-12-01',
    title: 'Housing Needs Service Plan 2026/27',
    periodStart: '2026-04-01',
    periodEnd: '2027-03-31',
    sections: {
      'where-are-we-now':
        'At the end of quarter 2 of 2025/26 the average wait for an offer had fallen to 26 days and 11 families were in bed and breakfast. Prevention succeeded for 57% of households.',
    },
    retitle: { 'HSN-O2': 'Prevent homelessness for 65% of households who approach us' },
    approval: null,
  },
];

export const demoCouncil: DemoCouncil = {
  organisation: {
    slug: 'ashdown-vale',
    name: 'Ashdown Vale Borough Council',
    type: 'Borough council',
    emailDomain: 'ashdownvale.example',
  },
  units,
  partners,
  people,
  memberships,
  portfolios,
  plans: [
    communityStrategy,
    corporatePlan,
    mtfs,
    ...directoratePlans,
    ...servicePlans,
    ...teamPlans,
    ...individualPlans,
  ],
  versions,
};
