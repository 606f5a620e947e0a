import type { Role } from '../../kernel/access/index.ts';
import type { DemoUnit, DemoPartner, DemoPerson, DemoMembership, DemoPortfolio } from './types.ts';
import { NHS, CVS } from './helpers.ts';

/** The council's structure, partners, people, body memberships and portfolios. */
export const units: DemoUnit[] = [
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

export const partners: DemoPartner[] = [
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

export const councillor = (
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

export const people: DemoPerson[] = [
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
    'scrutiny committee member',
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
    'audit committee member',
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
    // The Head of Finance is also the council's finance officer (revenue monitoring, all units).
    roles:
      key === 'hos-finance'
        ? [
            { role: 'manager', unit },
            { role: 'finance-officer', unit: null },
          ]
        : [{ role: 'manager', unit }],
    ...(key === 'hos-housing-needs' ? { featured: 'service manager (Housing Needs)' } : {}),
    ...(key === 'hos-finance' ? { featured: 'finance officer' } : {}),
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
    featured: 'internal auditor',
  },
  {
    key: 'hr',
    name: 'Natalie Brooks',
    email: 'natalie.brooks',
    jobTitle: 'HR Business Partner',
    unit: 'POD',
    lineManager: 'hos-people',
    roles: [{ role: 'hr', unit: null }],
    featured: 'HR (sees individual plans)',
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
    featured: 'viewer (read only)',
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

export const memberships: DemoMembership[] = [
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

export const portfolios: DemoPortfolio[] = [
  { name: 'Leader: Strategy and Partnerships', holder: 'cllr-leader', units: ['PPF', 'LDS'] },
  { name: 'Housing and Communities', holder: 'cllr-housing', units: ['HSN', 'HPE', 'CSW'] },
  { name: 'Environment and Place', holder: 'cllr-environment', units: ['WST', 'STS', 'PEG'] },
  { name: 'Resources and Performance', holder: 'cllr-resources', units: ['FRV', 'POD', 'CDS', 'IAR'] },
];

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------
