import type { DemoPlan } from './types.ts';
import { NHS, CVS, direct, indirect, cs, corp } from './helpers.ts';

/** The community strategy, the Council Plan and the medium-term financial strategy. */
export const communityStrategy: DemoPlan = {
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

export const corporatePlan: DemoPlan = {
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

export const mtfs: DemoPlan = {
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
