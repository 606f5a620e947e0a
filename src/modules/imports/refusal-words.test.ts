/**
 * The imports' refusals are stored phrases; these are the words a person reads for them, the
 * English the module wrote itself before its words moved to the catalogue (importRowRefusals,
 * importRefusals and importApi in words/en/imports-refusals.ts).
 */
import { describe, expect, it } from 'vitest';
import { fill, say, sayStored, words } from '../../platform/words/index.ts';
import { checkHeaders, IMPORT_KINDS, kindName } from './domain/columns.ts';
import type * as repo from './data/imports.repository.ts';
import { breakdownFinder, changedMeanwhile, emptyReport, notYours, unknownMeasure } from './import-outline.ts';
import { rejectedImport } from './api/imports.api.ts';

describe('an imported row refused in words', () => {
  it('names a measure the file gives no code for, or one the council does not have', () => {
    expect(sayStored(unknownMeasure(''))).toBe('Enter the measure code');
    expect(sayStored(unknownMeasure('NI-999'))).toBe('No measure has the code NI-999');
  });

  it.each(['values', 'targets', 'breakdowns'] as const)(
    'refuses %s for a measure the importer does not manage',
    (what) => {
      expect(sayStored(notYours(what, 'HOU-1'))).toBe(
        `You cannot import ${what} for HOU-1: it belongs to a part of the organisation you do not manage`,
      );
    },
  );

  it('names what is wrong with a row’s breakdown and category', () => {
    const measure = { id: 'm1', code: 'HOU-1' } as repo.MeasureRow;
    const ward = { id: 'b1', measureId: 'm1', dimension: 'ward', code: 'E05000001' } as repo.BreakdownRow;
    const finder = breakdownFinder([measure], [ward]);
    const said = (dimension: string, code: string) => {
      const found = finder.find(measure, dimension, code);
      return found !== null && 'message' in found ? [found.column, sayStored(found.message)] : found;
    };
    expect(said('ward', '')).toEqual([
      'breakdownCode',
      'Enter the code of the ward category as well as the breakdown, or leave both blank for HOU-1 as a whole',
    ]);
    expect(said('', 'E05000001')).toEqual([
      'breakdown',
      'Enter the breakdown (like ward or age group) the category E05000001 belongs to, or leave both blank for HOU-1 as a whole',
    ]);
    expect(said('age group', '18-24')).toEqual([
      'breakdown',
      'HOU-1 has no breakdown by age group: add its categories on the measure page, or import them in a breakdowns file first',
    ]);
    expect(said('ward', 'E05999999')).toEqual([
      'breakdownCode',
      'HOU-1 has no ward category with the code E05999999: add it on the measure page, or import it in a breakdowns file first',
    ]);
    expect(said('Ward', 'e05000001')).toEqual({ category: ward, slot: 1 });
  });
});

describe('an import refused as a whole, in words', () => {
  it('names rows someone changed while the import was being checked', () => {
    const said = (what: 'values' | 'breakdowns') => {
      const refused = changedMeanwhile(what);
      return refused.ok ? null : [refused.error.code, sayStored(refused.error.message)];
    };
    expect(said('values')).toEqual([
      'conflict',
      'Someone changed some of these values while the import was being checked. Nothing was imported: run the import again.',
    ]);
    expect(said('breakdowns')).toEqual([
      'conflict',
      'Someone changed some of these breakdown categories while the import was being checked. Nothing was imported: run the import again.',
    ]);
  });

  it('answers the API with the count of problems, the file and each row’s line and column', () => {
    const report = { ...emptyReport('values', { format: 'csv', dryRun: false, fileName: 'q2.csv' }), rows: 3 };
    const one = rejectedImport({
      ...report,
      errors: [{ line: 2, column: 'value', message: 'Enter the value' }],
      errorCount: 1,
    });
    expect(one.detail).toBe(
      '1 problem was found in q2.csv: nothing was imported. Correct the rows listed and import the file again.',
    );
    expect(one.errors).toEqual([{ field: 'line 2, value', message: 'Enter the value' }]);
    const many = rejectedImport({
      ...report,
      errors: [{ line: 3, column: '', message: 'Repeats line 2' }],
      errorCount: 1_234,
    });
    expect(many.detail).toBe(
      '1,234 problems were found in q2.csv: nothing was imported. Correct the rows listed and import the file again.',
    );
    expect(many.errors).toEqual([{ field: 'line 3, row', message: 'Repeats line 2' }]);
  });
});

describe('the kinds of import named in words', () => {
  it('says each kind as the English the code showed before, in the flash, the job’s summary and the header check', () => {
    expect(IMPORT_KINDS.map((kind) => say(kindName(kind)))).toEqual(['measures', 'breakdowns', 'targets', 'values']);
    const counts = { created: 1, updated: 0, unchanged: 0 };
    expect(fill(words.imports.imported, { kind: say(kindName('values')), ...counts })).toBe(
      'Imported values: 1 new, 0 changed, 0 unchanged',
    );
    expect(fill(words.imports.pastedFile, { kind: say(kindName('targets')) })).toBe('pasted targets');
    const [unknown] = checkHeaders('targets', ['measureCode', 'colour']).problems.filter((problem) =>
      problem.code.startsWith('importFileChecks.unknown'),
    );
    expect(say(unknown!)).toMatch(
      /^The file has column this import does not know: "colour"\. A targets file has the columns /,
    );
  });
});
