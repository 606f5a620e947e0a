/**
 * The risks module's side of the plans', measures' and actions' ports: the open risks that concern a
 * plan item (an objective), a measure or an action, each with its current score and band on the matrix version
 * it was assessed on, for the item's or measure's page. Nothing for a person who may not see the
 * risk registers.
 */
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { ActionPageRisks } from '../actions/index.ts';
import type { MeasurePageRisks } from '../measures/index.ts';
import type { ItemRisk, PlanPageRisks } from '../plans/index.ts';
import { loadCurrentMatrix, loadMatricesById } from './data/matrix.repository.ts';
import { risksConcerning } from './data/risks.repository.ts';
import { mayRead } from './risk-checks.ts';
import { scoreView } from './risk-view.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function risksAbout(
  db: Db,
  caller: Caller,
  about: { itemId: string } | { measureId: string } | { actionId: string },
): Promise<ItemRisk[]> {
  const id = 'itemId' in about ? about.itemId : 'measureId' in about ? about.measureId : about.actionId;
  if (!mayRead(caller) || !UUID.test(id)) return [];
  const organisationId = caller.organisationId;
  const rows = await risksConcerning(db, organisationId, about);
  if (rows.length === 0) return [];
  const [current, matrices] = await Promise.all([
    loadCurrentMatrix(db, organisationId),
    loadMatricesById(db, organisationId),
  ]);
  return rows.map((row) => {
    const matrix = (matrices.get(row.matrix_id) ?? current).matrix;
    const score = scoreView(matrix, { likelihood: row.current_likelihood, impact: row.current_impact });
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      registerName: row.register_name,
      score: score.score,
      band: score.band.label,
      colour: score.band.colour,
    };
  });
}

export function planPageRisks(db: Db): PlanPageRisks {
  return { risksConcerningItem: (caller, itemId) => risksAbout(db, caller, { itemId }) };
}

export function measurePageRisks(db: Db): MeasurePageRisks {
  return { risksConcerningMeasure: (caller, measureId) => risksAbout(db, caller, { measureId }) };
}

export function actionPageRisks(db: Db): ActionPageRisks {
  return { risksConcerningAction: (caller, actionId) => risksAbout(db, caller, { actionId }) };
}
