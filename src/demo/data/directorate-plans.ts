import type { DemoItem, DemoPlan } from './types.ts';
import { YEAR, NHS, CVS, direct, indirect, corp, objective } from './helpers.ts';

/** The four directorate plans. */
export const directoratePlan = (
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

export const directoratePlans: DemoPlan[] = [
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
