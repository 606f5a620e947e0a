/** Capital, reserves, borrowing, savings, the MTFS and cost centre changes. Part of the English catalogue (../en.ts). */
export const moneyProgrammeWords = {
  moneyProgramme: {
    capitalTitle: 'Capital programme {year}',
    capitalIntro:
      'Each scheme’s budget for the year and how it is funded, spend to date, the forecast and slippage into later years. The variance is the forecast plus slippage less the budget: slippage is reprofiled budget, not an underspend.',
    newSchemeTitle: 'Add a capital scheme',
    schemeAdded: 'Capital scheme {code} added',
    schemeTitle: '{code} {name}: {year}',
    schemeSaved: 'Scheme figures saved for {year}',
    capitalImported: 'Imported {rows} rows: {created} new scheme years, {updated} changed',
    capitalImportTitle: 'Import the capital programme',
    reservesTitle: 'Reserves and borrowing {year}',
    reservesIntro:
      'Each reserve’s opening balance, contributions and use, planned and forecast, and the council’s external borrowing against its prudential indicators.',
    newReserveTitle: 'Add a reserve',
    reserveAdded: 'Reserve {name} added',
    reserveTitle: '{name}: {year}',
    reserveSaved: 'Reserve figures saved for {year}',
    borrowingTitle: 'Borrowing and prudential indicators {year}',
    borrowingSaved: 'Borrowing figures saved for {year}',
    savingsTitle: 'Savings tracker {year}',
    savingsIntro:
      'Each savings proposal’s target for the year, what is delivered and what is forecast, and how deliverable it is. The shortfall is the target not forecast to be met.',
    newSavingTitle: 'Add a savings proposal',
    savingTitle: '{reference} {title}: {year}',
    savingSaved: 'Saving {reference} saved for {year}',
    mtfsTitle: 'Medium-term financial strategy',
    mtfsIntro:
      'One version for each budget-setting round, covering three years from its first. The gap is spending and pressures less funding; the savings tracker’s targets and planned use of reserves close it, and what is left is savings still to be found.',
    newMtfsTitle: 'Add an MTFS for a budget round',
    mtfsAdded: 'MTFS {name} added',
    mtfsYearSaved: 'MTFS figures saved for {year}',
    costCentreTitle: '{code} {name}',
    costCentreRenamed: 'Cost centre renamed',
    costCentreRetired: 'Cost centre retired: its history is kept and it takes no new lines',
    planLinked: 'Plan item linked',
    planUnlinked: 'Link removed',
    illustrative:
      'The demo council’s figures are illustrative: made up at a realistic scale for a borough council, not published figures.',
    borrowingStatus_within: 'Within the operational boundary',
    borrowingStatus_over_boundary: 'Over the operational boundary (within the authorised limit)',
    borrowingStatus_over_limit: 'Over the authorised limit',
  },
};
