import type { DemoItem, DemoPlan } from './types.ts';
import { YEAR, NHS, CVS, direct, indirect, corp, ch, pe, res, sg, objective, action } from './helpers.ts';

/** The twelve service plans. */
export const serviceSections = (
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

export const servicePlan = (
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

export const MONTHLY_MONITORING =
  'Measures reported monthly to the directorate management team and quarterly to Cabinet and the Overview and Scrutiny Committee through the corporate performance report. Actions reviewed at monthly team meetings; exceptions escalated to the Director.';

export const servicePlans: DemoPlan[] = [
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
