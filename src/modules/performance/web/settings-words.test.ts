/**
 * The performance settings' rules, and their messages and descriptions in words: the domain
 * (domain/settings.ts) returns phrases, said here through the catalogue as the pages say them.
 */
import { describe, expect, it } from 'vitest';
import { rollUpStatus } from '../domain/index.ts';
import { say, sayStored } from '../../../platform/words/index.ts';
import {
  DEFAULT_PERFORMANCE_SETTINGS,
  describeRollup,
  describeTolerance,
  type PerformanceSettings,
  performanceSettingsForm,
  performanceSettingsInput,
  sameTolerance,
  settingsFromStored,
  storedColumnsOf,
  toChangeTolerance,
  toRiskAppetite,
  toRollupOptions,
} from '../domain/settings.ts';

const api = {
  rowVersion: 0,
  rollupRule: 'worst-of',
  keyMeasuresDominate: true,
  overdueAs: 'not-rated',
  objectivesAppetite: 0.9,
  targetsAppetite: 0.75,
  toleranceKind: 'none',
};

const form = {
  rowVersion: '3',
  rollupRule: 'weighted-score',
  greenFrom: '80',
  amberFrom: '50',
  keyMeasuresDominate: 'true',
  overdueAs: 'red',
  objectivesAppetite: '90',
  targetsAppetite: '75',
  toleranceKind: 'percentage',
  toleranceAmount: '',
  tolerancePercent: '5',
};

/** Every problem as field → message. */
function problems(schema: typeof performanceSettingsInput | typeof performanceSettingsForm, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), sayStored(issue.message)]));
}

describe('performance settings from the API (shares)', () => {
  it('takes the defaults as sent and keeps the version', () => {
    const parsed = performanceSettingsInput.parse(api);
    expect(parsed.rowVersion).toBe(0);
    expect(parsed.settings).toEqual(DEFAULT_PERFORMANCE_SETTINGS);
  });

  it('keeps the weighted shares only for the weighted rule, and the tolerance only for its kind', () => {
    const weighted = performanceSettingsInput.parse({
      ...api,
      rollupRule: 'weighted-score',
      greenFrom: 0.7,
      amberFrom: 0.4,
      toleranceKind: 'absolute',
      toleranceAmount: 2,
      tolerancePercent: 5,
    }).settings;
    expect(weighted).toMatchObject({ greenFrom: 0.7, amberFrom: 0.4, toleranceAmount: 2, tolerancePercent: null });
    // Out of range, but unused by the majority rule: dropped, not refused. A wrong type is still refused.
    const majority = performanceSettingsInput.parse({ ...api, rollupRule: 'majority', greenFrom: 5, amberFrom: 9 });
    expect(majority.settings).toMatchObject({ rollupRule: 'majority', greenFrom: null, amberFrom: null });
    expect(problems(performanceSettingsInput, { ...api, rollupRule: 'majority', amberFrom: 'x' })).toEqual({
      amberFrom: 'Amber from must be a number, like 0.5',
    });
  });

  it('names each field with a problem', () => {
    expect(problems(performanceSettingsInput, {})).toEqual({
      rowVersion: 'Send the row version the change was based on (0 when no settings are stored yet)',
      rollupRule: 'Select how statuses roll up: worst of, majority or weighted score',
      keyMeasuresDominate: 'Select whether a key measure can make a roll-up worse',
      overdueAs: 'Select how overdue data counts in a roll-up: not rated, amber or red',
      toleranceKind: 'Select the direction of travel tolerance: none, an amount or a percentage',
    });
    expect(problems(performanceSettingsInput, { ...api, rollupRule: 'best-of' })).toEqual({
      rollupRule: 'Select how statuses roll up: worst of, majority or weighted score',
    });
    expect(problems(performanceSettingsInput, { ...api, objectivesAppetite: 90, targetsAppetite: null })).toEqual({
      objectivesAppetite: 'Risk appetite for plan objectives on target must be a share from 0 to 1, like 0.9',
      targetsAppetite: 'Enter the risk appetite for key targets projected to be achieved',
    });
    expect(problems(performanceSettingsInput, { ...api, objectivesAppetite: 'lots' })).toEqual({
      objectivesAppetite: 'Risk appetite for plan objectives on target must be a number, like 0.9',
    });
  });

  it('needs both weighted shares from 0 to 1, amber below green', () => {
    const weighted = { ...api, rollupRule: 'weighted-score' };
    expect(problems(performanceSettingsInput, weighted)).toEqual({
      greenFrom: 'Enter the score from which a weighted roll-up is green',
      amberFrom: 'Enter the score from which a weighted roll-up is amber',
    });
    expect(problems(performanceSettingsInput, { ...weighted, greenFrom: 1.2, amberFrom: -0.1 })).toEqual({
      greenFrom: 'Green from must be a share from 0 to 1, like 0.8',
      amberFrom: 'Amber from must be a share from 0 to 1, like 0.5',
    });
    expect(problems(performanceSettingsInput, { ...weighted, greenFrom: 0.5, amberFrom: 0.5 })).toEqual({
      amberFrom: 'Amber from must be below green from',
    });
    expect(problems(performanceSettingsInput, { ...weighted, greenFrom: 0.5, amberFrom: 0.6 })).toEqual({
      amberFrom: 'Amber from must be below green from',
    });
    // The edges are allowed: green at 100%, amber from 0 (nothing is then red).
    expect(performanceSettingsInput.parse({ ...weighted, greenFrom: 1, amberFrom: 0 }).settings).toMatchObject({
      greenFrom: 1,
      amberFrom: 0,
    });
  });

  it('needs a tolerance that is not negative, and a percentage no more than 100', () => {
    expect(problems(performanceSettingsInput, { ...api, toleranceKind: 'absolute' })).toEqual({
      toleranceAmount: 'Enter the smallest change that counts, as an amount',
    });
    expect(problems(performanceSettingsInput, { ...api, toleranceKind: 'absolute', toleranceAmount: -1 })).toEqual({
      toleranceAmount: 'Tolerance amount must be 0 or more',
    });
    expect(problems(performanceSettingsInput, { ...api, toleranceKind: 'percentage' })).toEqual({
      tolerancePercent: 'Enter the smallest change that counts, as a percentage of the earlier value',
    });
    expect(problems(performanceSettingsInput, { ...api, toleranceKind: 'percentage', tolerancePercent: -2 })).toEqual({
      tolerancePercent: 'Tolerance percentage must be from 0 to 100, like 5',
    });
    expect(problems(performanceSettingsInput, { ...api, toleranceKind: 'percentage', tolerancePercent: 101 })).toEqual({
      tolerancePercent: 'Tolerance percentage must be from 0 to 100, like 5',
    });
    expect(
      performanceSettingsInput.parse({ ...api, toleranceKind: 'absolute', toleranceAmount: 0 }).settings
        .toleranceAmount,
    ).toBe(0);
  });

  it('takes JSON numbers only, not text', () => {
    expect(problems(performanceSettingsInput, { ...api, objectivesAppetite: '0.9' })).toEqual({
      objectivesAppetite: 'Risk appetite for plan objectives on target must be a number, like 0.9',
    });
    expect(problems(performanceSettingsInput, { ...api, keyMeasuresDominate: 'yes' })).toEqual({
      keyMeasuresDominate: 'Select whether a key measure can make a roll-up worse',
    });
  });
});

describe('performance settings from the page form (percentages)', () => {
  it('turns percentages into shares', () => {
    const parsed = performanceSettingsForm.parse(form);
    expect(parsed.rowVersion).toBe(3);
    expect(parsed.settings).toEqual({
      rollupRule: 'weighted-score',
      greenFrom: 0.8,
      amberFrom: 0.5,
      keyMeasuresDominate: true,
      overdueAs: 'red',
      objectivesAppetite: 0.9,
      targetsAppetite: 0.75,
      toleranceKind: 'percentage',
      toleranceAmount: null,
      tolerancePercent: 5,
      // Not on the form posted: the default.
      officialFrom: 'verified',
    });
    expect(performanceSettingsForm.parse({ ...form, officialFrom: 'approved' }).settings.officialFrom).toBe('approved');
    expect(problems(performanceSettingsForm, { ...form, officialFrom: 'drafted' })).toEqual({
      officialFrom: 'Select from which sign-off step a figure is official: submitted, verified or approved',
    });
    // Typed with a % sign or with decimals, and shares come out exact.
    const typed = performanceSettingsForm.parse({ ...form, objectivesAppetite: '87.5%', targetsAppetite: ' 33.3 ' });
    expect(typed.settings.objectivesAppetite).toBe(0.875);
    expect(typed.settings.targetsAppetite).toBe(0.333);
    expect(performanceSettingsForm.parse({ ...form, keyMeasuresDominate: 'false' }).settings.keyMeasuresDominate).toBe(
      false,
    );
  });

  it('speaks in percentages when a share is wrong', () => {
    expect(problems(performanceSettingsForm, { ...form, greenFrom: '120', amberFrom: 'half' })).toEqual({
      greenFrom: 'Green from must be a percentage from 0 to 100, like 80',
      amberFrom: 'Amber from must be a number, like 50',
    });
    expect(problems(performanceSettingsForm, { ...form, greenFrom: '60', amberFrom: '70' })).toEqual({
      amberFrom: 'Amber from must be below green from',
    });
    expect(problems(performanceSettingsForm, { ...form, objectivesAppetite: '', targetsAppetite: '-5' })).toEqual({
      objectivesAppetite: 'Enter the risk appetite for plan objectives on target',
      targetsAppetite:
        'Risk appetite for key targets projected to be achieved must be a percentage from 0 to 100, like 75',
    });
  });

  it('ignores what was typed under an option that was not chosen', () => {
    const parsed = performanceSettingsForm.parse({
      ...form,
      rollupRule: 'worst-of',
      greenFrom: 'nonsense',
      toleranceKind: 'none',
      tolerancePercent: '-3',
    });
    expect(parsed.settings).toMatchObject({ greenFrom: null, amberFrom: null, tolerancePercent: null });
  });

  it('asks for each radio that was not chosen', () => {
    const { rollupRule: _r, keyMeasuresDominate: _k, toleranceKind: _t, ...rest } = form;
    expect(Object.keys(problems(performanceSettingsForm, rest)).sort()).toEqual([
      'keyMeasuresDominate',
      'rollupRule',
      'toleranceKind',
    ]);
  });
});

describe('stored rows and what the engine takes', () => {
  const weighted: PerformanceSettings = {
    ...DEFAULT_PERFORMANCE_SETTINGS,
    rollupRule: 'weighted-score',
    greenFrom: 0.7,
    amberFrom: 0.4,
    keyMeasuresDominate: false,
    overdueAs: 'amber',
    objectivesAppetite: 0.5,
    toleranceKind: 'absolute',
    toleranceAmount: 1.5,
  };

  it('round-trips through the stored columns', () => {
    expect(settingsFromStored(storedColumnsOf(weighted))).toEqual(weighted);
    expect(settingsFromStored(storedColumnsOf(DEFAULT_PERFORMANCE_SETTINGS))).toEqual(DEFAULT_PERFORMANCE_SETTINGS);
    const percentage = { ...DEFAULT_PERFORMANCE_SETTINGS, toleranceKind: 'percentage' as const, tolerancePercent: 5 };
    expect(storedColumnsOf(percentage).directionToleranceValue).toBe(5);
    expect(settingsFromStored(storedColumnsOf(percentage))).toEqual(percentage);
  });

  it('refuses a stored row that breaks the rules rather than guess', () => {
    expect(() => settingsFromStored({ ...storedColumnsOf(weighted), rollupRule: 'best-of' })).toThrow(/rollupRule/);
    expect(() => settingsFromStored({ ...storedColumnsOf(weighted), weightedAmberFrom: 0.9 })).toThrow(/amberFrom/);
  });

  it('gives the engine its roll-up options, appetite and tolerance', () => {
    expect(toRollupOptions(DEFAULT_PERFORMANCE_SETTINGS)).toEqual({
      rule: { kind: 'worst-of' },
      keyItemsDominate: true,
      overdueAs: 'not-rated',
    });
    expect(toRollupOptions(weighted)).toEqual({
      rule: { kind: 'weighted-score', greenFrom: 0.7, amberFrom: 0.4 },
      keyItemsDominate: false,
      overdueAs: 'amber',
    });
    expect(toRiskAppetite(weighted)).toEqual({ 'objectives-on-target': 0.5, 'targets-projected-achieved': 0.75 });
    expect(toChangeTolerance(DEFAULT_PERFORMANCE_SETTINGS)).toBeUndefined();
    expect(toChangeTolerance(weighted)).toEqual({ kind: 'absolute', amount: 1.5 });
    expect(toChangeTolerance({ ...weighted, toleranceKind: 'percentage', tolerancePercent: 5 })).toEqual({
      kind: 'percentage',
      percent: 5,
    });
  });

  it('changes a roll-up result when the stored rule changes', () => {
    const items = [
      { id: 'a', kind: 'measure' as const, status: 'red' as const, key: true },
      { id: 'b', kind: 'measure' as const, status: 'green' as const },
      { id: 'c', kind: 'measure' as const, status: 'overdue' as const },
    ];
    expect(rollUpStatus(items, toRollupOptions(DEFAULT_PERFORMANCE_SETTINGS)).status).toBe('red');
    // One red, one green and one overdue counted as amber: score 0.5 ≥ 0.4 is amber; no key dominance.
    expect(rollUpStatus(items, toRollupOptions(weighted)).status).toBe('amber');
  });

  it('tells whether the tolerance changed', () => {
    expect(sameTolerance(DEFAULT_PERFORMANCE_SETTINGS, weighted)).toBe(false);
    expect(sameTolerance(weighted, { ...weighted, rollupRule: 'majority' })).toBe(true);
    expect(sameTolerance(weighted, { ...weighted, toleranceAmount: 2 })).toBe(false);
    expect(
      sameTolerance(
        { ...weighted, toleranceKind: 'percentage', toleranceAmount: null, tolerancePercent: 1.5 },
        weighted,
      ),
    ).toBe(false);
  });

  it('puts the rule and tolerance in words', () => {
    expect(say(describeRollup(toRollupOptions(DEFAULT_PERFORMANCE_SETTINGS)))).toBe(
      'Worst of its measures and items; a key measure can make it worse, never better; measures without a rated status are counted but not rated',
    );
    expect(say(describeRollup(toRollupOptions(weighted)))).toBe(
      'Weighted score of its measures and items (green from 70%, amber from 40%); overdue measures count as amber; other measures without a rated status are counted but not rated',
    );
    expect(say(describeTolerance(DEFAULT_PERFORMANCE_SETTINGS))).toMatch(/^None/);
    expect(say(describeTolerance(weighted))).toBe(
      "A change of 1.5 or less (in each measure's own unit) is no significant change",
    );
  });
});
