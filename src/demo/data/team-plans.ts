import { people } from './structure.ts';
import type { DemoLink, DemoItem, DemoPlan } from './types.ts';
import { YEAR, direct, indirect, objective, action } from './helpers.ts';

/** Team and individual plans. */
export const teamPlan = (
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

export const teamPlans: DemoPlan[] = [
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

export const individualPlan = (
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

export const individualPlans: DemoPlan[] = [
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
