/** Revenue monitoring: cost centres, budget lines, the extract import and the variance bands. Part of the English catalogue (../en.ts). */
export const moneyWords = {
  money: {
    summaryTitle: 'Revenue budget monitoring',
    costCentresTitle: 'Cost centres',
    newCostCentreTitle: 'Add a cost centre',
    costCentreAdded: 'Cost centre {code} added',
    lineTitle: '{code} {name}: {period}',
    lineSaved: 'Budget for {code} saved for {period}',
    importTitle: 'Import the finance system’s extract',
    imported: 'Imported {rows} rows: {created} new lines, {updated} changed',
    checked: 'Checked {rows} rows: no problems found. Nothing has been imported yet',
    importProblems: '{count} problems found: nothing was imported',
    importProblem: '1 problem found: nothing was imported',
    bandsTitle: 'Variance bands',
    bandsSaved: 'Variance bands saved',
    basis:
      'Net budget (expenditure less income). Variance is the latest forecast outturn after management action less the revised budget: a positive variance is an overspend.',
    bandsRule:
      'Amber when the variance is more than {amber}% of the revised budget, red when more than {red}%. An explanation is required from amber.',
    noLines: 'No budget lines for this period yet.',
    chartTitle: 'Forecast variance by directorate',
  },
  /**
   * Money's reasons in the audit trail: the trail keeps the phrase (storePhrase) and the audit page
   * says it, so the trail reads in the reader's words.
   */
  moneyAudit: {
    revenueImported: 'Imported from the finance system’s extract',
    capitalImported: 'Imported from the capital programme file',
    reprofileApproved: 'Reprofile approved: {amount} from {from} to {to}',
  },
};
