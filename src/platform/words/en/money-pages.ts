/** The money module's page words written in its templates: labels, table heads, help text. Part of the English catalogue (../en.ts). */
export const moneyPagesWords = {
  moneyPages: {
    financialYear: 'Financial year',
    period: 'Period',
    showPeriod: 'Show this period',
    showYear: 'Show year',
    links: {
      costCentres: 'Cost centres',
      capital: 'Capital programme',
      reserves: 'Reserves and borrowing',
      savings: 'Savings tracker',
      mtfs: 'Medium-term financial strategy',
      import: 'Import the finance system’s extract',
      bands: 'Variance bands',
    },
    download: 'Download this summary as a spreadsheet (CSV)',
    chartLabel: '{title}, in thousands of pounds, overspends to the right. The figures are in the table below.',
    positionTitle: 'Budget position by directorate, unit and cost centre',
    positionCaption: 'Revenue budget, {period}: net, in pounds',
    head: {
      position: 'Directorate, unit or cost centre',
      revisedBudget: 'Revised budget',
      budgetToDate: 'Budget to date',
      actualToDate: 'Actual to date',
      previousForecast: 'Previous forecast',
      forecastBeforeAction: 'Forecast before action',
      latestForecast: 'Latest forecast',
      forecastOutturn: 'Forecast outturn',
      variance: 'Variance',
      variancePercent: 'Variance %',
      status: 'Status',
      costCentre: 'Cost centre',
      period: 'Period',
      explanation: 'Explanation',
      code: 'Code',
      name: 'Name',
      unit: 'Unit',
      total: 'Total',
    },
    variancesTitle: 'Variances and their explanations',
    variancesCaption: 'Cost centres past the amber threshold or with an explanation',
    // The cost centres list
    costCentresIntro:
      'The cost centres of the council’s finance system, each owned by a unit. Budget lines are kept against them for each period of the financial year.',
    addCostCentre: 'Add a cost centre',
    costCentresCaption: '{count} cost centres',
    retired: 'Retired',
    noCostCentres: 'No cost centres yet.',
    // Adding a cost centre
    codeLabel: 'Code',
    codeHint: 'As the finance system writes it, like ASC101',
    nameLabel: 'Name',
    unitLabel: 'Unit that owns it',
    addCostCentreButton: 'Add cost centre',
    // A budget line
    positionHeading: 'Position',
    netBudget: 'Net budget.',
    revisedBudget: 'Revised budget',
    varianceLatest: 'Variance (latest forecast less revised budget)',
    varianceBeforeAction: 'Variance before management action',
    explanation: 'Explanation',
    none: 'None',
    figuresFor: 'Figures for {period}',
    noLineFor: 'No budget line for {period} yet.',
    changeFigures: 'Change the figures',
    enterFigures: 'Enter the figures',
    lineFormIntro:
      'Full-year amounts and amounts to date in pounds and pence, net of income. The revised budget is the original budget plus virements.',
    optionalLabel: '{label} (optional)',
    explanationLabel: 'Explanation of the variance',
    explanationHint:
      'Required when the variance is past the amber threshold: the cause, and the management action that is reducing it',
    saveFigures: 'Save figures',
    // The imports
    problemsTitle: 'Problems in the file',
    problemsCaption: 'Rows with problems (line numbers count the header as line 1)',
    problemsHead: { line: 'Line', column: 'Column', problem: 'Problem' },
    importIntro:
      'A CSV or Excel (.xlsx) file with one row per cost centre and period, under a header row naming these columns:',
    /** Around the control-total row's marker (TOTAL, a word of the file format), which the page shows as code. */
    importRulesStart:
      'Amounts are in pounds and pence (no fractions of a penny). The year is written like 2025/26 and the period 1 (April) to 12 (March). A row whose cost centre is',
    importRulesEnd:
      'holds control totals: each amount it gives must be the sum of the rows. Check the file first: nothing is written unless every row is right, and then everything is written at once.',
    capitalImportIntro:
      'A CSV or Excel (.xlsx) file with one row per capital scheme and year, under a header row naming these columns:',
    capitalImportRules:
      'Amounts are in pounds and pence (no fractions of a penny). The year is written like 2025/26. The funding columns must add up to the budget on every row. Check the file first: nothing is written unless every row is right, and then everything is written at once.',
    fileLabel: 'File',
    fileHint: 'CSV or Excel (.xlsx), up to 10 MB',
    pasteLabel: 'Or paste CSV',
    check: 'Check',
    import: 'Import',
    // The variance bands
    bandsIntro:
      'How far a cost centre’s latest forecast may be from its revised budget before it is amber or red, as a share of the revised budget. From amber, the variance must be explained. They apply to the whole council.',
    amberLabel: 'Amber when the variance is more than',
    redLabel: 'Red when the variance is more than',
    saveBands: 'Save variance bands',
    // A plan item's funding (the plans port)
    fundingTitle: 'Budget',
    fundingCaption:
      'Cost centres funding this item, each from its latest budget monitoring period. Net budget; a positive variance is an overspend.',
    noLinesYet: 'No budget lines yet',
  },
};
