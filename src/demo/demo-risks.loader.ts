/**
 * The demo council's risks: a strategic register of 12 risks a borough council would carry, and a
 * Communities and Housing directorate register, with controls and three assessments each across
 * the last two quarters (dates relative to today, like the rest of the demo), so the heat map has
 * a "previous quarter" to compare with and some reviews are overdue.
 */
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_MATRIX,
  riskAssessments,
  riskCategories,
  riskControls,
  riskMatrices,
  riskRegisters,
  risks,
} from '../modules/risks/index.ts';

type L = [number, number];
interface DemoRisk {
  ref: string;
  title: string;
  cause: string;
  event: string;
  effect: string;
  owner: string;
  category: string;
  /** Inherent, then current two quarters ago, last quarter and now, then target. */
  inherent: L;
  path: [L, L, L];
  target: L;
  controls: [string, 'effective' | 'partly-effective' | 'not-effective'][];
  /** Days from today to the next review (negative: overdue). */
  review: number;
  type?: 'threat' | 'opportunity';
}

const STRATEGIC: DemoRisk[] = [
  {
    ref: 'SR01',
    title: 'Medium-term financial gap',
    cause: 'Demand, inflation and pay awards outpace funding; one-year settlements',
    event: 'The council cannot close the £14.2m gap in the medium-term financial strategy',
    effect: 'Unplanned use of reserves, emergency cuts, a section 114 notice',
    owner: 'dir-resources',
    category: 'financial',
    inherent: [5, 5],
    path: [
      [4, 5],
      [4, 5],
      [4, 4],
    ],
    target: [2, 4],
    controls: [
      ['Savings programme tracked monthly by the Corporate Leadership Team', 'partly-effective'],
      ['Reserves strategy keeping general fund at 5% of net budget', 'effective'],
    ],
    review: 20,
  },
  {
    ref: 'SR02',
    title: 'Adult social care demand',
    cause: 'Ageing population and more complex needs; hospital discharge pressure',
    event: 'Demand for care packages exceeds the budget and the market',
    effect: 'Overspend, delayed discharges, unmet need',
    owner: 'dir-communities',
    category: 'operational',
    inherent: [5, 4],
    path: [
      [4, 4],
      [4, 4],
      [4, 4],
    ],
    target: [3, 3],
    controls: [
      ['Reablement first for every new referral', 'partly-effective'],
      ['Market sustainability plan with providers', 'partly-effective'],
    ],
    review: -12,
  },
  {
    ref: 'SR03',
    title: "Children's placement costs",
    cause: 'Shortage of foster carers; high-cost residential placements',
    event: 'Placement costs rise beyond the budget',
    effect: 'A £3m overspend and children placed far from home',
    owner: 'dir-communities',
    category: 'financial',
    inherent: [5, 4],
    path: [
      [5, 4],
      [4, 4],
      [4, 4],
    ],
    target: [3, 3],
    controls: [
      ['Foster carer recruitment campaign', 'not-effective'],
      ['Placement panel reviewing every high-cost placement', 'effective'],
    ],
    review: 40,
  },
  {
    ref: 'SR04',
    title: 'Cyber attack',
    cause: 'Ransomware groups targeting local government',
    event: 'Systems are encrypted or data stolen',
    effect: 'Services stop for weeks; data breach; recovery costs',
    owner: 'hos-customer',
    category: 'information',
    inherent: [4, 5],
    path: [
      [4, 5],
      [3, 5],
      [3, 4],
    ],
    target: [2, 4],
    controls: [
      ['Immutable offline backups tested quarterly', 'effective'],
      ['Multi-factor authentication for all staff', 'effective'],
      ['Phishing training', 'partly-effective'],
    ],
    review: 55,
  },
  {
    ref: 'SR05',
    title: 'Workforce recruitment and retention',
    cause: 'National shortages in social work, planning and legal',
    event: 'Key posts stay vacant or are filled by agency staff',
    effect: 'Service delays, higher costs, loss of knowledge',
    owner: 'hos-people',
    category: 'people',
    inherent: [4, 4],
    path: [
      [4, 4],
      [4, 3],
      [3, 3],
    ],
    target: [2, 3],
    controls: [
      ['Market supplements for hard-to-fill roles', 'partly-effective'],
      ['Grow-your-own apprenticeships', 'partly-effective'],
    ],
    review: 30,
  },
  {
    ref: 'SR06',
    title: 'Climate adaptation and flooding',
    cause: 'More frequent extreme rainfall; ageing drainage',
    event: 'Surface water flooding of homes and roads',
    effect: 'Harm to residents, damage, emergency response costs',
    owner: 'dir-place',
    category: 'strategic',
    inherent: [4, 4],
    path: [
      [3, 4],
      [3, 4],
      [3, 4],
    ],
    target: [2, 3],
    controls: [
      ['Local flood risk management strategy', 'partly-effective'],
      ['Gully cleansing programme', 'effective'],
    ],
    review: -5,
  },
  {
    ref: 'SR07',
    title: 'Temporary accommodation demand',
    cause: 'Rising rents and evictions; few affordable lets',
    event: 'Households in temporary accommodation keep rising',
    effect: 'Bed and breakfast use, £2.1m overspend, harm to families',
    owner: 'hos-housing-needs',
    category: 'financial',
    inherent: [5, 4],
    path: [
      [4, 4],
      [5, 4],
      [5, 4],
    ],
    target: [3, 3],
    controls: [
      ['Prevention duty casework within 56 days', 'partly-effective'],
      ['Leasing scheme for private homes', 'not-effective'],
    ],
    review: 15,
  },
  {
    ref: 'SR08',
    title: 'Major project delivery: town centre regeneration',
    cause: 'Construction inflation; developer viability',
    event: 'The scheme is delayed or overruns its budget',
    effect: 'Loss of grant, reputational damage, borrowing costs',
    owner: 'hos-planning',
    category: 'strategic',
    inherent: [4, 4],
    path: [
      [3, 4],
      [3, 4],
      [3, 3],
    ],
    target: [2, 3],
    controls: [['Programme board with gateway reviews', 'effective']],
    review: 60,
  },
  {
    ref: 'SR09',
    title: 'Data protection breach',
    cause: 'Human error in sharing personal data',
    event: 'Personal data is disclosed to the wrong person',
    effect: "Harm to residents; Information Commissioner's action",
    owner: 'hos-legal',
    category: 'legal-regulatory',
    inherent: [4, 3],
    path: [
      [3, 3],
      [3, 3],
      [2, 3],
    ],
    target: [2, 2],
    controls: [
      ['Mandatory annual data protection training', 'effective'],
      ['Secure e-mail by default', 'partly-effective'],
    ],
    review: 70,
  },
  {
    ref: 'SR10',
    title: 'Partnership failure in the integrated care system',
    cause: 'Financial pressure on health partners',
    event: 'Joint commissioning arrangements break down',
    effect: 'Fragmented services and costs shunted to the council',
    owner: 'ceo',
    category: 'partnership',
    inherent: [3, 4],
    path: [
      [3, 3],
      [3, 3],
      [3, 3],
    ],
    target: [2, 3],
    controls: [['Health and wellbeing board oversight', 'partly-effective']],
    review: -30,
  },
  {
    ref: 'SR11',
    title: 'Governance and decision-making',
    cause: 'Complex decisions under time pressure',
    event: 'A key decision is challenged by judicial review',
    effect: 'Delay, legal costs, loss of confidence',
    owner: 'dir-strategy',
    category: 'legal-regulatory',
    inherent: [3, 4],
    path: [
      [2, 4],
      [2, 4],
      [2, 3],
    ],
    target: [2, 2],
    controls: [['Legal and finance sign-off of every key decision report', 'effective']],
    review: 80,
  },
  {
    ref: 'SR12',
    title: 'Commercial income from the new leisure centre',
    cause: 'Strong membership demand',
    event: 'Income exceeds the business case',
    effect: 'Surplus to reinvest in prevention',
    owner: 'dir-place',
    category: 'financial',
    inherent: [4, 4],
    path: [
      [3, 3],
      [3, 4],
      [4, 3],
    ],
    target: [4, 4],
    controls: [['Pricing review each quarter', 'effective']],
    review: 25,
    type: 'opportunity',
  },
];

const DIRECTORATE: DemoRisk[] = [
  {
    ref: 'CH01',
    title: 'Voids turnaround',
    cause: 'Contractor capacity; damp and mould works',
    event: 'Empty council homes take too long to relet',
    effect: 'Lost rent and longer stays in temporary accommodation',
    owner: 'hos-housing-property',
    category: 'operational',
    inherent: [4, 3],
    path: [
      [4, 3],
      [3, 3],
      [3, 3],
    ],
    target: [2, 2],
    controls: [['Weekly voids meeting with the contractor', 'partly-effective']],
    review: 10,
  },
  {
    ref: 'CH02',
    title: 'Damp and mould compliance',
    cause: 'Older housing stock; new regulatory standards',
    event: 'Hazards are not fixed within the required time',
    effect: 'Harm to tenants; regulator action',
    owner: 'hos-housing-property',
    category: 'health-safety',
    inherent: [4, 5],
    path: [
      [3, 5],
      [3, 4],
      [2, 4],
    ],
    target: [1, 4],
    controls: [['Triage of every report within 24 hours', 'effective']],
    review: -3,
  },
  {
    ref: 'CH03',
    title: 'Anti-social behaviour hotspots',
    cause: 'Reduced youth provision',
    event: 'Persistent anti-social behaviour on two estates',
    effect: 'Residents feel unsafe; complaints',
    owner: 'hos-community',
    category: 'reputational',
    inherent: [3, 3],
    path: [
      [3, 3],
      [3, 3],
      [2, 3],
    ],
    target: [2, 2],
    controls: [['Joint patrols with the police', 'partly-effective']],
    review: 45,
  },
];

const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export async function loadDemoRisks(
  tx: Db,
  options: {
    organisationId: string;
    personId: (key: string, where: string) => string;
    unitId: (code: string, where: string) => string;
    clock: Clock;
  },
): Promise<{ risks: number }> {
  const { organisationId, personId, unitId } = options;
  const today = options.clock.today();
  const [matrix] = await tx
    .insert(riskMatrices)
    .values({ organisationId, version: 1, ...DEFAULT_MATRIX })
    .returning({ id: riskMatrices.id });
  await tx.insert(riskCategories).values(DEFAULT_CATEGORIES.map((c, position) => ({ organisationId, ...c, position })));
  const registers = await tx
    .insert(riskRegisters)
    .values([
      {
        organisationId,
        name: 'Strategic risk register',
        level: 'strategic' as const,
        unitId: unitId('COUNCIL', 'risks'),
        ownerPersonId: personId('ceo', 'risks'),
        description: 'The risks to the Council Plan, reported to Cabinet and Audit Committee each quarter.',
      },
      {
        organisationId,
        name: 'Communities and Housing risk register',
        level: 'directorate' as const,
        unitId: unitId('CH', 'risks'),
        ownerPersonId: personId('dir-communities', 'risks'),
        description: '',
      },
    ])
    .returning({ id: riskRegisters.id });
  const assessedDays = [-170, -80, -10];
  let count = 0;
  for (const [registerIndex, list] of [STRATEGIC, DIRECTORATE].entries()) {
    for (const r of list) {
      const [row] = await tx
        .insert(risks)
        .values({
          organisationId,
          registerId: registers[registerIndex]!.id,
          reference: r.ref,
          title: r.title,
          cause: r.cause,
          event: r.event,
          effect: r.effect,
          ownerPersonId: personId(r.owner, `risk ${r.ref}`),
          type: r.type ?? 'threat',
          category: r.category,
          reviewFrequency: 'quarterly',
          nextReviewOn: addDays(today, r.review),
        })
        .returning({ id: risks.id });
      await tx.insert(riskAssessments).values(
        r.path.map(([likelihood, impact], index) => {
          const assessedOn = addDays(today, assessedDays[index]!);
          return {
            organisationId,
            riskId: row!.id,
            matrixId: matrix!.id,
            inherentLikelihood: r.inherent[0],
            inherentImpact: r.inherent[1],
            currentLikelihood: likelihood,
            currentImpact: impact,
            targetLikelihood: r.target[0],
            targetImpact: r.target[1],
            commentary: index === 0 ? 'Assessed at the risk workshop' : 'Reviewed by the risk owner',
            assessedByName: 'Demo data',
            assessedOn,
            assessedAt: new Date(`${assessedOn}T10:00:00Z`),
          };
        }),
      );
      await tx.insert(riskControls).values(
        r.controls.map(([description, effectiveness]) => ({
          organisationId,
          riskId: row!.id,
          description,
          ownerPersonId: personId(r.owner, `risk ${r.ref}`),
          effectiveness,
        })),
      );
      count += 1;
    }
  }
  return { risks: count };
}
