/**
 * Why an import refuses a file or a row: stored phrases (phraseText) the imports module returns,
 * said where they leave the app (the import page, the API's problem JSON, a background job's page,
 * the command line). Part of the English catalogue (../en.ts).
 */
export const importsRefusalsWords = {
  /** A file refused as a whole, before its rows are checked (import-files.ts). */
  importFileRefusals: {
    empty: 'The file is empty',
    tooBig:
      'The file is {size} MB, more than the {limit} MB this import takes: split it into smaller files, or use the command-line import (npm run cli -- import …)',
    notCsv: 'The file is not valid CSV: {why}',
    csvUnclosedQuote: 'the quoted cell that starts on line {line} is never closed (a closing " is missing)',
    csvTextAfterQuote:
      'on line {line} there is text after the closing quote of a cell ({text}): put the whole cell in quotes, with any quote inside it doubled ("")',
    csvQuoteInCell:
      'on line {line} a cell has a quote (") inside it: put the whole cell in quotes and double the quote (""), like "5"" screen"',
    csvRowTooLong: 'the row on line {line} is longer than {limit} characters (is a closing quote missing?)',
    binary: 'The file is not a CSV text file (it contains binary data): save it as CSV or upload it as .xlsx',
    notWorkbook:
      'The file is not a valid Excel workbook (.xlsx): open it in a spreadsheet and save it again as .xlsx or CSV',
    noWorksheets: 'The workbook has no worksheets',
    nulCell:
      'Row {row}, column {column} holds a NUL control character: remove it from the cell and upload the file again',
    noHeader: 'The file has no header row: the first row must name the columns',
    tooManyRows: 'The file has more than {limit} rows, the most one import takes: split it into smaller files',
  },
  /** A workbook refused before exceljs reads it: damaged, a zip bomb, or too wide or long (xlsx-guard.ts). */
  importWorkbookRefusals: {
    damaged:
      'The file is not a valid Excel workbook (.xlsx): {why}. Open it in a spreadsheet and save it again as .xlsx or CSV',
    notZip: 'it is not a zip archive',
    contentsDamaged: 'its list of contents is damaged',
    partDamaged: '{part} is damaged',
    partPacking: '{part} is packed in a way spreadsheets do not use',
    zip64: 'The workbook is too large for this import (it is a ZIP64 archive): save it as CSV',
    partUnpacksMore:
      'The workbook is not a valid Excel workbook: {part} unpacks to more than the {declared} bytes it declares. Open it in a spreadsheet and save it again as .xlsx or CSV',
    unpacksTooMuch:
      'The workbook unpacks to {size} MB, more than the {limit} MB this import takes: split it into smaller files or save it as CSV',
    tooManyColumns:
      'The worksheet {sheet} uses {columns} columns, more than the {limit} this import takes: delete the columns after the last one with data, or save it as CSV',
    tooManyRows:
      'The worksheet {sheet} reaches row {row}, past the {limit} rows this import takes: delete the rows after the last one with data, or split the file',
  },
  /** A row refused by what it names: a measure, a person, a unit, a breakdown (the import use cases). */
  importRowRefusals: {
    measureCodeMissing: 'Enter the measure code',
    noMeasure: 'No measure has the code {code}',
    /** A measure of a unit the importer does not manage, by the kind of file. */
    notYours: {
      values: 'You cannot import values for {code}: it belongs to a part of the organisation you do not manage',
      targets: 'You cannot import targets for {code}: it belongs to a part of the organisation you do not manage',
      breakdowns: 'You cannot import breakdowns for {code}: it belongs to a part of the organisation you do not manage',
    },
    categoryCodeMissing:
      'Enter the code of the {breakdown} category as well as the breakdown, or leave both blank for {measure} as a whole',
    breakdownMissing:
      'Enter the breakdown (like ward or age group) the category {code} belongs to, or leave both blank for {measure} as a whole',
    noBreakdown:
      '{measure} has no breakdown by {breakdown}: add its categories on the measure page, or import them in a breakdowns file first',
    noCategory:
      '{measure} has no {breakdown} category with the code {code}: add it on the measure page, or import it in a breakdowns file first',
    /** What a row is about, in a problem naming it: a measure, or one of its breakdown categories. */
    measureCategory: '{measure} {breakdown} {code}',
    mayNotApproveHistory: 'You cannot load {code} as approved history: only someone who can approve its values can',
    signedOffStatus:
      'Imported values land as submitted, not {status}: leave the status blank, or load the file as approved history',
    repeatedValue: 'Repeats line {first}: {what} {period} is in the file twice',
    lockedValue: '{what} {period} is locked after approval: a performance officer must reopen it before it can change',
    repeatedTarget: 'Repeats line {first}: {what} has this target twice in the file',
    targetReasonMissing: "Give the reason for changing {what}'s current target for {period}",
    repeatedCategory: 'Repeats line {first}: {measure} {breakdown} {code} is in the file twice',
    retiredBreakdowns: '{code} is retired: its breakdowns cannot change',
    noPerson: 'No one in the organisation has the e-mail address {email}',
    noUnit: 'No unit has the code {code}',
    repeatedMeasure: 'Repeats line {first}: the code {code} is in the file twice',
    mayNotImportForUnit: 'You cannot import measures for unit {code}: you do not manage it',
    mayNotImportForCouncil: 'You cannot import measures for the whole organisation: you do not manage it',
    retiredMeasure: '{code} is retired: it cannot be changed',
    mayNotChangeMeasure: 'You cannot change {code}: it belongs to a part of the organisation you do not manage',
  },
  /** An import refused as a whole: permission, the command line's person, a change made while it was checked. */
  importRefusals: {
    mayNotImport: 'You do not have permission to import data',
    mayNotExport: 'You do not have permission to export the organisation’s measures and values',
    noPersonWithEmail: 'No active person has the e-mail address {email}',
    noPersonWithEmailIn: 'No active person has the e-mail address {email} in {organisation}',
    personInManyOrganisations: '{email} is in more than one organisation ({organisations}): add --organisation <slug>',
    closedMeanwhile: 'Nothing was imported: {closure} It was closed while the import was being checked.',
    /** Rows someone else changed between the checks and the writing, by the kind of file. */
    changedMeanwhile: {
      values:
        'Someone changed some of these values while the import was being checked. Nothing was imported: run the import again.',
      breakdowns:
        'Someone changed some of these breakdown categories while the import was being checked. Nothing was imported: run the import again.',
    },
    targetRevisedMeanwhile:
      'Someone revised one of these targets while the import was being checked. Nothing was imported: run it again.',
    measureChangedMeanwhile:
      'Someone changed {code} while the import was being checked. Nothing was imported: run it again.',
    /** A queued import whose stored file is gone (the job's page says it). */
    fileNotKept: 'The file of this import was not kept: import it again.',
  },
  /** The API's answer to a file with bad rows, and to parameters it does not take. */
  importApi: {
    rejectedOne:
      '1 problem was found in {file}: nothing was imported. Correct the rows listed and import the file again.',
    rejectedMany:
      '{count} problems were found in {file}: nothing was imported. Correct the rows listed and import the file again.',
    problemAt: 'line {line}, {column}',
    kind: 'must be {kinds} or {last}',
    trueOrFalse: 'must be true or false',
    exportFile: 'must be {kinds} or {last}, then .csv or .xlsx',
  },
  /** The audit trail's reasons for an import (the trail keeps the phrase and says it when shown). */
  importAudit: {
    imported: 'Imported {file}',
    /** Also each imported value's history, as words. */
    importedFrom: 'Imported from {file}',
    approvedHistory: 'Imported from {file} and approved as history by the person importing it',
  },
};
