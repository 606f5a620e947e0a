/**
 * The demo council's capital programme, reserves, borrowing, savings tracker and a three-year
 * MTFS for the current financial year. ILLUSTRATIVE figures, not published ones: the published
 * data the project copies into reference-data/ has no council's capital programme, reserves or
 * MTFS, so they are made up at a realistic scale for a borough council with a net revenue budget
 * of about £24 million (a capital programme of about £19 million, usable reserves of about
 * £13 million, external borrowing of about £62 million).
 */
import { asClock, systemClock, type Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { moneyFromPence } from '../kernel/money.ts';
import { periodOfDate } from '../modules/money/domain/index.ts';
import {
  borrowingYears,
  capitalSchemes,
  capitalSchemeYears,
  mtfsVersions,
  mtfsYears,
  reserves,
  reserveYears,
  savings,
  savingYears,
} from '../modules/money/index.ts';
import { phraseText } from '../kernel/phrase.ts';

const pounds = (pounds: number) => moneyFromPence(Math.round(pounds) * 100);

/** [code, name, unit, budget, spend to date, forecast, slippage, borrowing, grants, receipts, revenue, reason, explanation] */
export const DEMO_SCHEMES: [
  string,
  string,
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
][] = [
  [
    'CAP01',
    'Depot rebuild',
    'WST',
    6_500_000,
    2_100_000,
    5_000_000,
    1_500_000,
    5_500_000,
    0,
    1_000_000,
    0,
    'Ground conditions delayed the piling: the second phase moves to next year',
    '',
  ],
  [
    'CAP02',
    'Housing acquisitions (temporary accommodation)',
    'HSN',
    5_000_000,
    2_900_000,
    5_000_000,
    0,
    3_000_000,
    1_500_000,
    500_000,
    0,
    '',
    '',
  ],
  ['CAP03', 'Disabled facilities grants', 'HSN', 1_200_000, 540_000, 1_200_000, 0, 0, 1_200_000, 0, 0, '', ''],
  [
    'CAP04',
    'Leisure centre decarbonisation',
    'CSW',
    3_800_000,
    900_000,
    3_300_000,
    300_000,
    1_600_000,
    2_200_000,
    0,
    0,
    'Heat pump delivery moved to the spring',
    'Tender returned £200,000 under the estimate for the heat pumps; the saving reduces borrowing.',
  ],
  [
    'CAP05',
    'ICT replacement programme',
    'CDS',
    650_000,
    420_000,
    700_000,
    0,
    0,
    0,
    0,
    650_000,
    '',
    'Laptop prices rose 8%: the overspend is met from the ICT earmarked reserve.',
  ],
  [
    'CAP06',
    'Parks play areas',
    'STS',
    1_850_000,
    300_000,
    1_200_000,
    650_000,
    850_000,
    500_000,
    500_000,
    0,
    'Consultation extended at two sites',
    '',
  ],
];

/** [name, kind, purpose, opening, contributions, planned use, forecast use] */
export const DEMO_RESERVES: [string, 'general' | 'earmarked', string, number, number, number, number][] = [
  ['General fund balance', 'general', 'The working balance against unforeseen costs', 3_200_000, 0, 0, 200_000],
  [
    'Budget smoothing reserve',
    'earmarked',
    'Closes the MTFS gap while savings are delivered',
    4_100_000,
    0,
    1_000_000,
    1_000_000,
  ],
  [
    'Homelessness reserve',
    'earmarked',
    'Grant carried forward for homelessness prevention',
    1_350_000,
    450_000,
    600_000,
    850_000,
  ],
  [
    'ICT and transformation reserve',
    'earmarked',
    'Invest-to-save projects and ICT replacement',
    2_250_000,
    250_000,
    700_000,
    750_000,
  ],
  ['Insurance reserve', 'earmarked', 'Self-insured claims', 1_900_000, 150_000, 200_000, 200_000],
];

/** [reference, title, owner, unit, rag, target, delivered, forecast] for the current year. */
export const DEMO_SAVINGS: [string, string, string, string, 'green' | 'amber' | 'red', number, number, number][] = [
  [
    'SAV-01',
    'Garden waste subscription price review',
    'Head of Waste and Recycling',
    'WST',
    'green',
    180_000,
    120_000,
    180_000,
  ],
  [
    'SAV-02',
    'Temporary accommodation: leased homes replace nightly-paid rooms',
    'Head of Housing',
    'HSN',
    'red',
    400_000,
    60_000,
    150_000,
  ],
  ['SAV-03', 'Digital customer contact', 'Head of Customer Services', 'CDS', 'amber', 250_000, 90_000, 200_000],
  [
    'SAV-04',
    'Office accommodation: release the second floor',
    'Head of Property',
    'HPE',
    'green',
    150_000,
    150_000,
    150_000,
  ],
  ['SAV-05', 'Car park tariff review', 'Head of Streets', 'STS', 'amber', 200_000, 0, 120_000],
];

/** The MTFS years: [funding, base spending, pressures, planned reserve use, assumptions]. */
const DEMO_MTFS: [number, number, number, number, string][] = [
  [
    23_400_000,
    23_650_000,
    930_000,
    1_000_000,
    'Council tax up 2.99%; pay award 3%; general inflation 2.5%; core grants flat in cash',
  ],
  [
    23_900_000,
    24_200_000,
    1_250_000,
    600_000,
    'Council tax up 2.99%; pay award 2.5%; business rates reset loses £400,000',
  ],
  [24_400_000, 24_800_000, 1_400_000, 0, 'Council tax up 2.99%; pay award 2.5%; waste reforms add £300,000'],
];

export async function loadDemoMoneyProgramme(
  tx: Db,
  options: { organisationId: string; unitId: (code: string) => string; clock?: Clock | (() => Date) },
): Promise<void> {
  const { organisationId } = options;
  const { startYear } = periodOfDate(asClock(options.clock ?? systemClock).today());
  const schemes = await tx
    .insert(capitalSchemes)
    .values(DEMO_SCHEMES.map(([code, name, unit]) => ({ organisationId, code, name, unitId: options.unitId(unit) })))
    .returning({ id: capitalSchemes.id });
  await tx.insert(capitalSchemeYears).values(
    DEMO_SCHEMES.map(
      ([, , , budget, spent, forecast, slippage, borrowing, grants, receipts, revenue, reason, explanation], i) => ({
        organisationId,
        schemeId: schemes[i]!.id,
        startYear,
        budget: pounds(budget),
        spendToDate: pounds(spent),
        forecast: pounds(forecast),
        slippage: pounds(slippage),
        slippageReason: reason,
        borrowing: pounds(borrowing),
        grants: pounds(grants),
        receipts: pounds(receipts),
        revenueContributions: pounds(revenue),
        explanation,
      }),
    ),
  );
  const reserveRows = await tx
    .insert(reserves)
    .values(DEMO_RESERVES.map(([name, kind, purpose]) => ({ organisationId, name, kind, purpose })))
    .returning({ id: reserves.id });
  await tx.insert(reserveYears).values(
    DEMO_RESERVES.map(([, , , opening, contributions, planned, forecast], i) => ({
      organisationId,
      reserveId: reserveRows[i]!.id,
      startYear,
      openingBalance: pounds(opening),
      contributions: pounds(contributions),
      plannedUse: pounds(planned),
      forecastUse: pounds(forecast),
    })),
  );
  await tx.insert(borrowingYears).values({
    organisationId,
    startYear,
    capitalFinancingRequirement: pounds(78_500_000),
    externalBorrowing: pounds(62_000_000),
    operationalBoundary: pounds(82_000_000),
    authorisedLimit: pounds(90_000_000),
  });
  const savingRows = await tx
    .insert(savings)
    .values(
      DEMO_SAVINGS.map(([reference, title, owner, unit, rag]) => ({
        organisationId,
        reference,
        title,
        owner,
        unitId: options.unitId(unit),
        rag,
      })),
    )
    .returning({ id: savings.id });
  await tx.insert(savingYears).values(
    DEMO_SAVINGS.map(([, , , , , target, delivered, forecast], i) => ({
      organisationId,
      savingId: savingRows[i]!.id,
      startYear,
      target: pounds(target),
      delivered: pounds(delivered),
      forecast: pounds(forecast),
    })),
  );
  const [version] = await tx
    .insert(mtfsVersions)
    .values({
      organisationId,
      name: `Budget ${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`,
      firstYear: startYear,
    })
    .returning({ id: mtfsVersions.id });
  await tx.insert(mtfsYears).values(
    DEMO_MTFS.map(([funding, base, pressures, reserveUse, assumptions], i) => ({
      organisationId,
      versionId: version!.id,
      startYear: startYear + i,
      funding: pounds(funding),
      baseSpending: pounds(base),
      pressures: pounds(pressures),
      plannedReserveUse: pounds(reserveUse),
      assumptions,
    })),
  );
  await recordAudit(tx, {
    organisationId,
    actor: { personId: null, label: phraseText('auditActors.demoSeed') },
    entityType: 'money-programme',
    entityId: organisationId,
    action: 'seed',
    newValue: { schemes: DEMO_SCHEMES.length, reserves: DEMO_RESERVES.length, savings: DEMO_SAVINGS.length, startYear },
    reason: 'seeded demo council: illustrative capital, reserves, borrowing, savings and MTFS figures',
  });
}
