import type { DemoPlanVersion } from './types.ts';
import { direct, pe, objective, action } from './helpers.ts';

/** An in-year amendment and a roll-forward draft. */
export const versions: DemoPlanVersion[] = [
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
