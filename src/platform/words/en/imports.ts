/** The import and export page and API, and the checks on an imported row. Part of the English catalogue (../en.ts). */
export const importsWords = {
  imports: {
    title: 'Import and export',
    kinds: {
      measures: 'Measure definitions',
      breakdowns: 'Breakdown categories (ward, age group, …)',
      targets: 'Targets',
      values: 'Values',
    },
    columns: 'Columns: {columns}',
    required: '{column} (required)',
    anyRow: 'row',
    chooseKind: 'Select what the file contains',
    chooseFile: 'Choose a CSV or Excel file, or paste the CSV including its header row',
    uploadedFile: 'uploaded {kind} file',
    pastedFile: 'pasted {kind}',
    problemsFoundOne: '1 problem found: nothing was imported',
    problemsFound: '{count} problems found: nothing was imported',
    imported: 'Imported {kind}: {created} new, {updated} changed, {unchanged} unchanged',
    /** The API's answer (415) to a body that is not a file it reads. */
    fileType: 'Send the file as the request body with content-type text/csv or {xlsx}',
  },
  /** An imported value's row, checked before anything is written (domain/rows.ts). */
  importRowChecks: {
    period: 'Enter the period, like 2025-26-Q2',
    ratio: 'Enter the numerator and denominator',
    value: 'Enter the value',
    commentaryLong: 'Commentary must be 5000 characters or fewer',
    quality: 'Quality must be estimated, provisional or final, not "{given}"',
    evidence: 'Enter the evidence link as a full web address, like https://…',
    status: 'Status must be one of {statuses}, not "{given}"',
  },
};
